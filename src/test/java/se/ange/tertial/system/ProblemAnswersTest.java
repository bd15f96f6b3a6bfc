package se.ange.tertial.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What an unexpected error answers (an incident id, nothing of the inside) and the limits' checks. */
class ProblemAnswersTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ProblemHandlers.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    void an_unexpected_error_is_a_500_with_an_incident_id_that_the_log_holds_with_the_stack_trace() {
        RuntimeException boom = new IllegalStateException("Error executing UPDATE: SELECT * FROM person WHERE email = ?",
                new SQLException("Value too long for column \"name CHARACTER VARYING(200)\"", "HY000"));

        HttpResponse<Problem> response = new ProblemHandlers.UnexpectedErrorHandler()
                .handle(HttpRequest.GET("/api/activities"), boom);

        Problem problem = response.body();
        assertThat(response.code()).isEqualTo(500);
        assertThat(problem.incident()).matches("[a-z0-9]{8}");
        assertThat(problem.detail()).contains(problem.incident())
                .doesNotContain("SELECT", "person", "CHARACTER", "Exception", "java.", "se.ange");
        assertThat(log.list).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains(problem.incident());
            assertThat(event.getThrowableProxy()).isNotNull();
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
        });
    }

    @Test
    void two_incidents_get_different_ids() {
        assertThat(ProblemHandlers.incidentId()).isNotEqualTo(ProblemHandlers.incidentId());
    }

    @Test
    void a_unique_violation_is_a_409_without_the_constraint_or_sql() {
        RuntimeException duplicate = new RuntimeException("Error executing PERSIST",
                new SQLException("Unique index or primary key violation: \"PUBLIC.PERSON_TEAMS_USER ON "
                        + "PUBLIC.PERSON(TEAMS_USER_ID)\"; SQL statement: INSERT INTO person", "23505"));

        HttpResponse<Problem> response = new ProblemHandlers.UnexpectedErrorHandler()
                .handle(HttpRequest.POST("/api/import/people", ""), duplicate);

        assertThat(response.code()).isEqualTo(409);
        assertThat(response.body().errors()).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("teamsUserId"));
        assertThat(response.body().detail()).doesNotContain("SQL", "PUBLIC", "INSERT", "TEAMS_USER_ID");
    }

    @Test
    void a_value_the_database_refuses_is_a_422_not_a_500() {
        RuntimeException tooLong = new RuntimeException("Error executing PERSIST",
                new SQLException("Value too long for column", "22001"));
        HttpResponse<Problem> response = new ProblemHandlers.UnexpectedErrorHandler()
                .handle(HttpRequest.POST("/api/x", ""), tooLong);
        assertThat(response.code()).isEqualTo(422);
        assertThat(response.body().detail()).doesNotContain("column");
    }

    @Test
    void outcomes_must_fit_numeric_18_4_and_dates_1900_to_2200() {
        assertThat(Limits.outcome("outcome", new BigDecimal("12.49"))).isEqualByComparingTo("12.49");
        assertThat(Limits.outcome("outcome", new BigDecimal("99999999999999.99994"))).isEqualByComparingTo("99999999999999.9999");
        for (String bad : new String[] {"1e400", "-1e400", "1234567890123456789012345678901234567890",
            "100000000000000", "99999999999999.99995", "1e999999999"}) {
            try {
                Limits.outcome("outcome", new BigDecimal(bad));
                throw new AssertionError("accepted " + bad);
            } catch (ProblemException e) {
                assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.field()).isEqualTo("outcome"));
            }
        }
        assertThat(Limits.date("d", LocalDate.of(1900, 1, 1))).isNotNull();
        assertThat(Limits.date("d", LocalDate.of(2200, 12, 31))).isNotNull();
        for (LocalDate bad : new LocalDate[] {LocalDate.MAX, LocalDate.MIN, LocalDate.of(1899, 12, 31), LocalDate.of(2201, 1, 1)}) {
            try {
                Limits.date("startDate", bad);
                throw new AssertionError("accepted " + bad);
            } catch (ProblemException e) {
                assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.field()).isEqualTo("startDate"));
            }
        }
    }
}
