package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestPostgres;

/** A department's readiness (V41, its locks and its repository) on PostgreSQL, through the API. */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessOnPostgresTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestPostgres.freshDatabase());
        properties.put("tertial.test.clock", "2024-05-10T08:00:00Z");
        return properties;
    }

    @Test
    void a_manager_marks_ready_stab_reviews_and_the_close_makes_it_read_only() {
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        Api stab = admin.withNewToken("stab", "STAB", "sara.lindqvist@ange.example");
        stab.postCsv("/api/import/activities", Fixtures.plan2024());
        Api johan = admin.withNewToken("johan", "MANAGER", "johan.nordin@ange.example");

        assertThat(Api.body(johan.postJson("/api/tertials/2024-T1/readiness/Staben", Map.of("action", "ready"))))
                .containsEntry("state", "READY");
        assertThat(Api.body(stab.postJson("/api/tertials/2024-T1/readiness/Staben", Map.of("action", "review"))))
                .containsEntry("state", "REVIEWED");
        assertThat(stab.postJson("/api/tertials/2024-T1/close", Map.of()).code()).isEqualTo(201);
        assertThat(stab.postJson("/api/tertials/2024-T1/readiness/Staben",
                Map.of("action", "send-back", "note", "Mer om sjukfrånvaron")).code()).isEqualTo(409);
    }
}
