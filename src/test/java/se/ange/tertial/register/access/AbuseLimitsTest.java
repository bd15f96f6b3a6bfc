package se.ange.tertial.register.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.security.writes-per-minute", value = "3")
@Property(name = "micronaut.server.max-request-size", value = "16KB")
@SuppressWarnings("rawtypes")
class AbuseLimitsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    Api admin;

    @BeforeEach
    void clear() {
        TestDatabase.clear(dataSource);
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
    }

    @Test
    void writes_beyond_the_rate_get_429_with_retry_after_per_credential_while_reads_go_on() {
        Api first = admin.withNewToken("script-1", "STAB", null);  // the admin's writes: token creations
        Api second = admin.withNewToken("script-2", "STAB", null);
        for (int i = 0; i < 3; i++) {
            assertThat(first.postJson("/api/activities/NONE/reports", Map.of("tertial", "2024-T1", "status", "x"))
                    .code()).isEqualTo(404);
        }
        HttpResponse<Map> limited = first.postJson("/api/activities/NONE/reports",
                Map.of("tertial", "2024-T1", "status", "x"));
        assertThat(limited.code()).isEqualTo(429);
        assertThat(limited.getHeaders().get("Retry-After")).isNotBlank();
        assertThat(first.get("/api/activities").code()).isEqualTo(200);
        assertThat(second.postJson("/api/activities/NONE/reports", Map.of("tertial", "2024-T1", "status", "x"))
                .code()).isEqualTo(404);
    }

    @Test
    void a_body_over_the_size_limit_is_refused_and_nothing_is_imported() {
        Api stab = admin.withNewToken("stab", "STAB", null);
        String plan = Fixtures.plan2024();
        assertThat(plan.length()).isGreaterThan(16 * 1024);
        HttpResponse<Map> tooLarge = stab.postCsv("/api/import/activities", plan);
        assertThat(tooLarge.code()).isEqualTo(413);
        assertThat(((Number) Api.body(stab.get("/api/activities")).get("total")).intValue()).isZero();
    }
}
