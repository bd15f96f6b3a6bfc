package se.ange.tertial.register.org;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PersonAbsenceRepository extends CrudRepository<PersonAbsence, Long> {

    List<PersonAbsence> findByPersonId(Long personId);

    /** The absences of these people that cover {@code day} ({@code sameDay} is {@code day} again). */
    List<PersonAbsence> findByPersonIdInAndFromDateLessThanEqualsAndToDateGreaterThanEquals(
            java.util.Collection<Long> personIds, java.time.LocalDate day, java.time.LocalDate sameDay);
}
