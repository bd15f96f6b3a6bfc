package se.ange.tertial.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/**
 * The same reminder day run several times at once (two instances, a double click, a retrying script): every
 * answer is the run's result or 409 "körs redan", never a 500, and each reminder is enqueued once.
 */
abstract class ConcurrentRunsContract {

    static final String CLOCK = "2024-04-10T08:00:00Z";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRepository outbox;

    @Test
    void the_same_day_at_once_is_one_run_and_409s_never_a_500() throws Exception {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
        LocalDate day = firstReminderDay(admin);
        int planned = admin.retrieve("/api/reminders/preview?on=" + day, Argument.of(Map.class)).get("items") instanceof List<?> items
                ? items.size() : 0;
        assertThat(planned).isPositive();

        int runs = 6;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<io.micronaut.http.HttpResponse<Map>>> answers = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return admin.exchange(HttpRequest.POST("/api/reminders/run?on=" + day, ""));
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<io.micronaut.http.HttpResponse<Map>> answer : answers) {
            io.micronaut.http.HttpResponse<Map> response = answer.get();
            codes.add(response.code());
            if (response.code() == 409) {
                assertThat((String) Api.body(response).get("detail")).contains("körs redan")
                        .doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("insert");
            }
        }
        pool.shutdown();

        assertThat(codes).as("answers").allSatisfy(code -> assertThat(code).isIn(200, 409)).contains(200);
        long reminders = outbox.findAllOrderById().stream().filter(m -> m.kind() == MessageKind.REMINDER).count();
        assertThat(reminders).as("each planned reminder once").isEqualTo(planned);
    }

    private static LocalDate firstReminderDay(Api admin) {
        for (LocalDate day = LocalDate.parse("2024-04-10"); day.isBefore(LocalDate.parse("2024-05-01")); day = day.plusDays(1)) {
            Map<?, ?> preview = admin.retrieve("/api/reminders/preview?on=" + day, Argument.of(Map.class));
            if (preview.get("items") instanceof List<?> items && !items.isEmpty()) {
                return day;
            }
        }
        throw new AssertionError("the 2024 plan has no reminder day in April 2024");
    }
}
