package se.ange.tertial.command;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

/** "Påminn mig om 3 dagar": no reminder about the activity to that person until the date. */
@Singleton
public class Snoozes {

    private final JdbcOperations jdbc;

    Snoozes(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void snooze(long personId, String ref, LocalDate until) {
        jdbc.prepareStatement("DELETE FROM reminder_snooze WHERE person_id = ? AND activity_ref = ?", statement -> {
            statement.setLong(1, personId);
            statement.setString(2, ref);
            return statement.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO reminder_snooze (person_id, activity_ref, until_day) VALUES (?, ?, ?)",
                statement -> {
                    statement.setLong(1, personId);
                    statement.setString(2, ref);
                    statement.setObject(3, until);
                    return statement.executeUpdate();
                });
    }
}
