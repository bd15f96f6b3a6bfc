package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.support.TestDatabase;

/** A rehearsal answers what the work returned and keeps nothing it wrote. */
@MicronautTest(environments = "test", transactional = false)
class RehearsalTest {

    @Inject
    Rehearsal rehearsal;

    @Inject
    DepartmentRepository departments;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void empty() {
        TestDatabase.clear(dataSource);
    }

    @Test
    void the_result_comes_back_and_the_rows_do_not_stay() {
        long seen = rehearsal.rehearse(() -> {
            departments.save(new Department(null, "Prövningsavdelningen"));
            return departments.count();
        });

        assertThat(seen).isEqualTo(1);
        assertThat(departments.count()).isZero();
    }

    @Test
    void a_refusal_passes_through_and_nothing_stays() {
        assertThatThrownBy(() -> rehearsal.rehearse(() -> {
            departments.save(new Department(null, "Prövningsavdelningen"));
            throw new IllegalStateException("rad 3: okänd ägare");
        })).hasMessage("rad 3: okänd ägare");

        assertThat(departments.count()).isZero();
    }

    @Test
    void real_work_after_a_rehearsal_is_kept() {
        rehearsal.rehearse(() -> departments.save(new Department(null, "Prövningsavdelningen")));
        departments.save(new Department(null, "Kvarvarande avdelningen"));

        assertThat(departments.findByNameIlike("kvarvarande avdelningen")).isPresent();
        assertThat(departments.count()).isEqualTo(1);
    }
}
