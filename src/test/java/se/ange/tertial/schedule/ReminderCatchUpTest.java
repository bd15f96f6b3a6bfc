package se.ange.tertial.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;

/** The scheduler's daily run after downtime: missed reminder days are made up once, in one message each. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-22T06:00:00Z")
@SuppressWarnings({"rawtypes", "unchecked"})
class ReminderCatchUpTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    ReminderRun reminders;

    Api admin;

    @BeforeEach
    void plan() {
        TestDatabase.clear(dataSource);
        clock.set(Instant.parse("2024-04-22T06:00:00Z"));
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    @Test
    void a_run_missed_on_the_second_reminder_day_is_made_up_once_the_next_morning() {
        assertThat(reminders.runDue().messages()).isZero(); // Monday 22 April: nothing due
        clock.tick(Duration.ofDays(2));                        // down on Tuesday 23 April, the second reminder day
        ReminderRun.Result late = reminders.runDue();
        assertThat(late.day()).hasToString("2024-04-24");
        assertThat(late.messages()).isGreaterThan(5);
        assertThat(reminders.runDue().messages()).isZero();   // the same morning again: nothing new

        List<Map> outbox = admin.retrieve("/api/outbox", Argument.listOf(Map.class));
        assertThat(outbox).hasSize(late.messages()).allSatisfy(m -> assertThat(m.get("sendOn")).isEqualTo("2024-04-24"));
        clock.tick(Duration.ofDays(1));
        assertThat(reminders.runDue().messages()).isZero();   // Thursday: nothing due, nothing repeated
    }
}
