package se.ange.tertial.notify;

import se.ange.tertial.system.Limits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Keeps every status report received by chat as it arrived (platform, sender, time, payload). */
@Singleton
public class ChatRecords {

    private final JdbcOperations jdbc;
    private final Clock clock;

    ChatRecords(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void keep(String platform, @Nullable String senderId, @Nullable Long personId, String payload) {
        jdbc.prepareStatement("INSERT INTO chat_record (platform, sender_id, person_id, received_at, payload) "
                + "VALUES (?, ?, ?, ?, ?)", statement -> {
                    statement.setString(1, platform);
                    // as received, within the column: a signed request may still name no sender, or a very long one
                    statement.setString(2, senderId == null ? "" : Limits.fit(senderId, 100));
                    statement.setObject(3, personId);
                    statement.setObject(4, java.sql.Timestamp.from(clock.instant()));
                    statement.setString(5, Limits.fit(payload, 20000));
                    return statement.executeUpdate();
                });
    }
}
