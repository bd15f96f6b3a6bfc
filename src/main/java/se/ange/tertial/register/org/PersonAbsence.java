package se.ange.tertial.register.org;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

/** A period a person is away (both days included). */
@io.micronaut.serde.annotation.Serdeable
@MappedEntity("person_absence")
public record PersonAbsence(@Id @GeneratedValue @Nullable Long id, Long personId, LocalDate fromDate, LocalDate toDate) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(fromDate) && !date.isAfter(toDate);
    }
}
