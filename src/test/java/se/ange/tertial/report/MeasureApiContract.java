package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.MeasureDirection;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.goal.GoalRepository;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;

/**
 * Measures (mått) in the assessment, end to end on H2 and PostgreSQL: a goal with measures is suggested from
 * them (issue 14's acceptance), outcomes per tertial with who reported them, and a closed tertial keeps its
 * measures as they stood. Goal 4.1 "Sjukfrånvaron ska minska" is shared by three departments (stab's);
 * 3.3.5 is Staben's alone. The clock starts 2024-04-20 (in T1).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class MeasureApiContract {

    static final String CLOCK_START = "2024-04-20T08:00:00Z";
    static final String MEASURES = "/api/goals/2024/4.1/measures";
    static final String ASSESSMENT = "/api/goals/2024/4.1/assessments/";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    TertialRecords records;

    @Inject
    GoalRepository goals;

    Api admin;
    Api stab;

    @BeforeEach
    void plan() {
        clock.set(Instant.parse(CLOCK_START));
        TestDatabase.clear(dataSource);
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        assertThat(admin.postCsv("/api/import/people", Fixtures.people()).code()).isEqualTo(200);
        stab = admin.withNewToken("stab-measures-" + java.util.UUID.randomUUID(), "STAB", "sara.lindqvist@ange.example");
        assertThat(stab.postCsv("/api/import/activities", Fixtures.plan2024()).code()).isEqualTo(200);
    }

    HttpResponse<Map> put(Api api, String uri, Object body) {
        return api.exchange(HttpRequest.PUT(uri, body));
    }

    /** Creates a measure on 4.1 and returns its id. */
    long measure(Map<String, Object> body) {
        HttpResponse<Map> created = stab.postJson(MEASURES, body);
        assertThat(created.code()).as("%s", created.getBody(Map.class)).isEqualTo(201);
        return ((Number) body(created).get("id")).longValue();
    }

    long sickLeave() {
        return measure(Map.of("name", "Sjukfrånvaro (%)", "unit", "%", "baseline", "12,49",
                "baselineAsOf", "2023-09-30", "target", 10, "direction", "DECREASE"));
    }

    long wellness() {
        return measure(Map.of("name", "Andel medarbetare som använder friskvårdsbidraget", "unit", "%",
                "baseline", 40, "target", "60", "direction", "öka"));
    }

    String outcome(long measureId, String tertial) {
        return MEASURES + "/" + measureId + "/outcomes/" + tertial;
    }

    @Test
    void a_goal_with_measures_is_suggested_from_its_measures() {
        Map before = body(stab.get(ASSESSMENT + "2024-T1"));
        assertThat((String) before.get("reasoning")).startsWith("Bedömt efter aktiviteterna: ");
        assertThat(before).containsEntry("basis", "ACTIVITIES").containsEntry("measures", 0);

        long sickLeave = sickLeave();
        long wellness = wellness();
        List<Map> listed = stab.retrieve(MEASURES, io.micronaut.core.type.Argument.listOf(Map.class));
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0)).containsEntry("name", "Sjukfrånvaro (%)").containsEntry("direction", "DECREASE")
                .containsEntry("baselineAsOf", "2023-09-30").containsEntry("outcomes", List.of());
        assertThat(new BigDecimal(listed.get(0).get("baseline").toString())).isEqualByComparingTo("12.49");
        assertThat(new BigDecimal(listed.get(0).get("target").toString())).isEqualByComparingTo("10");
        assertThat(listed.get(1)).containsEntry("direction", "INCREASE");

        // measures without outcomes: assessed by them all the same, with no suggestion
        Map waiting = body(stab.get(ASSESSMENT + "2024-T1"));
        assertThat(waiting.get("suggested")).isNull();
        assertThat(waiting).containsEntry("basis", "MEASURES").containsEntry("measures", 2);
        assertThat(waiting).containsEntry("reasoning",
                "Bedömt efter målets mått: inget av de 2 måtten har något utfall än, så inget förslag ges.");

        HttpResponse<Map> reported = put(stab, outcome(sickLeave, "2024-T1"), Map.of("value", "11,2",
                "comment", "Lägre än i fjol"));
        assertThat(reported.code()).as("%s", reported.getBody(Map.class)).isEqualTo(200);
        Map sickLeaveOutcome = ((List<Map>) body(reported).get("outcomes")).get(0);
        assertThat(sickLeaveOutcome).containsEntry("tertial", "2024-T1").containsEntry("comment", "Lägre än i fjol")
                .containsEntry("reportedBy", "sara.lindqvist@ange.example");
        assertThat(new BigDecimal(sickLeaveOutcome.get("value").toString())).isEqualByComparingTo("11.2");
        assertThat(put(stab, outcome(wellness, "2024-T1"), Map.of("value", 61)).code()).isEqualTo(200);

        Map suggested = body(stab.get(ASSESSMENT + "2024-T1"));
        assertThat((Map) suggested.get("suggested")).containsEntry("name", GoalAssessment.DELVIS_UPPFYLLD.name());
        assertThat(suggested).containsEntry("reasoning",
                "Bedömt efter målets mått: 1 av 2 mått har nått målvärdet, 1 har förbättrats sedan utgångsvärdet.");

        // a new report for the tertial replaces the first; the audit log keeps both
        assertThat(put(stab, outcome(sickLeave, "2024-T1"), Map.of("value", 9.8)).code()).isEqualTo(200);
        Map again = body(stab.get(ASSESSMENT + "2024-T1"));
        assertThat((Map) again.get("suggested")).containsEntry("name", GoalAssessment.UPPFYLLD.name());
        assertThat(again).containsEntry("reasoning", "Bedömt efter målets mått: alla 2 mått har nått målvärdet.");
        List<Map> outcomes = (List<Map>) stab.retrieve(MEASURES, io.micronaut.core.type.Argument.listOf(Map.class))
                .get(0).get("outcomes");
        assertThat(outcomes).singleElement().satisfies(o ->
                assertThat(new BigDecimal(o.get("value").toString())).isEqualByComparingTo("9.8"));
        assertThat(auditActions()).containsExactly("measure.created", "measure.created", "measure.outcome",
                "measure.outcome", "measure.outcome");
        assertThat(auditAfter("measure.outcome").get(2)).contains("\"value\":9.8").contains("\"tertial\":\"2024-T1\"");
        assertThat(auditBefore("measure.outcome").get(2)).contains("\"value\":11.2");

        // the register's tertial state carries the measures (what the board report shows)
        long goalId = goals.findByLevelAndYearAndRef(GoalLevel.KS, 2024, "4.1").orElseThrow().id();
        assertThat(records.state(Tertial.parse("2024-T1")).measuresOf(goalId)).extracting(MeasureState::name)
                .containsExactly("Sjukfrånvaro (%)", "Andel medarbetare som använder friskvårdsbidraget");
    }

    @Test
    void a_closed_tertial_keeps_its_measures_and_refuses_new_outcomes() {
        long sickLeave = sickLeave();
        long wellness = wellness();
        assertThat(put(stab, outcome(sickLeave, "2024-T1"), Map.of("value", "11,2")).code()).isEqualTo(200);
        clock.set(Instant.parse("2024-05-02T08:00:00Z"));
        assertThat(stab.postJson("/api/tertials/2024-T1/close", Map.of()).code()).isIn(200, 201);

        HttpResponse<Map> late = put(stab, outcome(sickLeave, "2024-T1"), Map.of("value", 5));
        assertThat(late.code()).isEqualTo(409);
        // later changes: a T2 outcome, a new target, a new name
        assertThat(put(stab, outcome(sickLeave, "2024-T2"), Map.of("value", "10,5")).code()).isEqualTo(200);
        assertThat(put(stab, MEASURES + "/" + sickLeave, Map.of("name", "Sjukfrånvaro totalt (%)", "unit", "%",
                "baseline", 12.49, "target", 11, "direction", "DECREASE")).code()).isEqualTo(200);

        long goalId = goals.findByLevelAndYearAndRef(GoalLevel.KS, 2024, "4.1").orElseThrow().id();
        TertialState frozen = records.state(Tertial.parse("2024-T1"));
        assertThat(frozen.isFrozen()).isTrue();
        assertThat(frozen.measuresOf(goalId)).hasSize(2);
        MeasureState kept = frozen.measuresOf(goalId).get(0);
        assertThat(kept.name()).isEqualTo("Sjukfrånvaro (%)");
        assertThat(kept.outcome()).isEqualByComparingTo("11.2");
        assertThat(kept.target()).isEqualByComparingTo("10");
        assertThat(kept.baseline()).isEqualByComparingTo("12.49");
        assertThat(kept.direction()).isEqualTo(MeasureDirection.DECREASE);
        assertThat(kept.outcomeFor()).isEqualTo(Tertial.parse("2024-T1"));
        assertThat(kept.reportedBy()).isEqualTo("sara.lindqvist@ange.example");
        assertThat(kept.reportedAt()).isNotNull();
        assertThat(frozen.measuresOf(goalId).get(1).outcome()).isNull();
        Map frozenAssessment = body(stab.get(ASSESSMENT + "2024-T1"));
        assertThat(frozenAssessment).containsEntry("frozen", true).containsEntry("reasoning",
                "Bedömt efter målets mått: 0 av 2 mått har nått målvärdet, 1 har förbättrats sedan utgångsvärdet. "
                        + "1 mått saknar utfall.");
        assertThat((Map) frozenAssessment.get("suggested")).containsEntry("name", GoalAssessment.KNAPPT_UPPFYLLD.name());

        // live T2: the T2 outcome and the new target; the other measure still without outcome
        MeasureState live = records.state(Tertial.parse("2024-T2")).measuresOf(goalId).get(0);
        assertThat(live.name()).isEqualTo("Sjukfrånvaro totalt (%)");
        assertThat(live.outcome()).isEqualByComparingTo("10.5");
        assertThat(live.outcomeFor()).isEqualTo(Tertial.parse("2024-T2"));
        assertThat(put(stab, outcome(wellness, "2024-T2"), Map.of("value", 45)).code()).isEqualTo(200);
        assertThat(body(stab.get(ASSESSMENT + "2024-T2"))).containsEntry("reasoning",
                "Bedömt efter målets mått: 1 av 2 mått har nått målvärdet, 1 har förbättrats sedan utgångsvärdet.");
    }

    @Test
    void a_later_tertial_carries_the_latest_earlier_outcome() {
        long sickLeave = sickLeave();
        assertThat(put(stab, outcome(sickLeave, "2024-T1"), Map.of("value", "11")).code()).isEqualTo(200);
        clock.set(Instant.parse("2024-06-10T08:00:00Z"));
        long goalId = goals.findByLevelAndYearAndRef(GoalLevel.KS, 2024, "4.1").orElseThrow().id();
        MeasureState inT2 = records.state(Tertial.parse("2024-T2")).measuresOf(goalId).get(0);
        assertThat(inT2.outcome()).isEqualByComparingTo("11");
        assertThat(inT2.outcomeFor()).isEqualTo(Tertial.parse("2024-T1"));
        // a T2 outcome is not seen from T1
        assertThat(put(stab, outcome(sickLeave, "2024-T2"), Map.of("value", "9")).code()).isEqualTo(200);
        assertThat(records.state(Tertial.parse("2024-T1")).measuresOf(goalId).get(0).outcome())
                .isEqualByComparingTo("11");
    }

    @Test
    void bad_input_is_refused_naming_the_field() {
        long sickLeave = sickLeave();
        HttpResponse<Map> words = put(stab, outcome(sickLeave, "2024-T1"), Map.of("value", "tolv"));
        assertThat(words.code()).isEqualTo(422);
        assertThat(onlyError(words)).containsEntry("field", "value")
                .containsEntry("message", "value: ange ett tal, t.ex. 12,49");
        assertThat(onlyError(put(stab, outcome(sickLeave, "2024-T1"), Map.of("comment", "inget tal"))))
                .containsEntry("field", "value");
        HttpResponse<Map> huge = stab.exchange(HttpRequest.PUT(outcome(sickLeave, "2024-T1"), "{\"value\":1e400}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(huge.code()).isEqualTo(422);
        assertThat(onlyError(huge)).containsEntry("field", "value");
        assertThat(onlyError(put(stab, outcome(sickLeave, "2025-T1"), Map.of("value", 1)))).containsEntry("field", "tertial");
        assertThat(onlyError(put(stab, outcome(sickLeave, "2024-T3"), Map.of("value", 1)))).containsEntry("field", "tertial");
        assertThat(onlyError(put(stab, outcome(sickLeave, "T1"), Map.of("value", 1)))).containsEntry("field", "tertial");
        assertThat(put(stab, outcome(sickLeave + 1000, "2024-T1"), Map.of("value", 1)).code()).isEqualTo(404);
        assertThat(put(stab, "/api/goals/2024/3.3.5/measures/" + sickLeave + "/outcomes/2024-T1",
                Map.of("value", 1)).code()).isEqualTo(404);
        assertThat(onlyError(stab.postJson(MEASURES, Map.of("name", "Mått", "direction", "sidled"))))
                .containsEntry("field", "direction");
        assertThat(onlyError(stab.postJson(MEASURES, Map.of("name", "Mått", "target", "tio"))))
                .containsEntry("field", "target").containsEntry("message", "target: ange ett tal, t.ex. 12,49");
        assertThat(onlyError(stab.postJson(MEASURES, Map.of("name", "Mått", "baseline", "1,2.3"))))
                .containsEntry("field", "baseline");
        assertThat(stab.retrieve(MEASURES, io.micronaut.core.type.Argument.listOf(Map.class))).hasSize(1);
        assertThat(auditActions()).containsExactly("measure.created");
    }

    @Test
    void stab_or_the_manager_whose_department_has_the_whole_goal_keeps_its_measures() {
        Api staffManager = admin.withNewToken("johan", "MANAGER", "johan.nordin@ange.example");
        Api socialManager = admin.withNewToken("maria", "MANAGER", "maria.sjoberg@ange.example");
        Api owner = admin.withNewToken("emma", "OWNER", "emma.berglund@ange.example");
        Map<String, Object> body = Map.of("name", "Antal besökare", "target", 100);
        // 4.1 is shared by three departments: stab's
        assertThat(staffManager.postJson(MEASURES, body).code()).isEqualTo(403);
        long shared = sickLeave();
        assertThat(put(staffManager, outcome(shared, "2024-T1"), Map.of("value", 1)).code()).isEqualTo(403);
        assertThat(staffManager.get(MEASURES).code()).isEqualTo(200);
        // 3.3.5 is Staben's alone
        HttpResponse<Map> own = staffManager.postJson("/api/goals/2024/3.3.5/measures", body);
        assertThat(own.code()).isEqualTo(201);
        long id = ((Number) body(own).get("id")).longValue();
        assertThat(put(staffManager, "/api/goals/2024/3.3.5/measures/" + id + "/outcomes/2024-T1",
                Map.of("value", 40)).code()).isEqualTo(200);
        assertThat(socialManager.postJson("/api/goals/2024/3.3.5/measures", body).code()).isEqualTo(403);
        assertThat(put(socialManager, "/api/goals/2024/3.3.5/measures/" + id, body).code()).isEqualTo(403);
        assertThat(put(owner, "/api/goals/2024/3.3.5/measures/" + id + "/outcomes/2024-T1", Map.of("value", 1)).code())
                .isEqualTo(403);
        Map assessment = body(stab.get("/api/goals/2024/3.3.5/assessments/2024-T1"));
        assertThat((Map) assessment.get("suggested")).containsEntry("name", GoalAssessment.EJ_UPPFYLLD.name());
        assertThat((String) assessment.get("reasoning")).startsWith("Bedömt efter målets mått: 0 av 1 mått");
    }

    static Map onlyError(HttpResponse<Map> response) {
        assertThat(response.code()).as("%s", response.getBody(Map.class)).isEqualTo(422);
        List<Map> errors = (List<Map>) body(response).get("errors");
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    List<String> auditActions() {
        return auditColumn("action", null);
    }

    List<String> auditAfter(String action) {
        return auditColumn("after_value", action);
    }

    List<String> auditBefore(String action) {
        return auditColumn("before_value", action);
    }

    private List<String> auditColumn(String column, String action) {
        String sql = "SELECT " + column + " FROM audit_log WHERE action LIKE 'measure.%'"
                + (action == null ? "" : " AND action = ?") + " ORDER BY id";
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            if (action != null) {
                s.setString(1, action);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
