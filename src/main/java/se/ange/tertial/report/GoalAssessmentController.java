package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.goal.GoalRepository;
import se.ange.tertial.system.ProblemException;

/**
 * A KS goal's assessment for a tertial: the suggestion (the styrmodell's rule), the decision and its
 * analysis. Stab decides, or the manager of the department that carries all the goal's activities.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/goals/{year}/{ref}/assessments")
@Secured(SecurityRule.IS_AUTHENTICATED)
class GoalAssessmentController {

    /** {@code assessment}: enum name or label ("Delvis uppfylld"); empty keeps the suggestion. */
    @Serdeable
    record Decision(@Nullable @Size(max = 100) String assessment,
                    @Nullable @Size(max = se.ange.tertial.system.Limits.COMMENT) String analysis) {
    }

    @Serdeable
    record Value(String name, String label) {
        static Value of(@Nullable GoalAssessment assessment) {
            return assessment == null ? null : new Value(assessment.name(), assessment.label(Language.SV));
        }
    }

    /**
     * @param assessment what the report shows: {@code chosen}, else {@code suggested}
     * @param suggestion true when that is the rule's suggestion
     * @param basis      what the suggestion went by: MEASURES (the goal has measures) or ACTIVITIES
     */
    @Serdeable
    record AssessmentJson(int year, String goal, String title, String tertial, @Nullable Value suggested,
                          String reasoning, @Nullable Value chosen, @Nullable String analysis,
                          @Nullable Value assessment, boolean suggestion, int activities, boolean frozen,
                          @Nullable String decidedBy, @Nullable Instant decidedAt, String basis, int measures) {
    }


    private final GoalRepository goals;
    private final GoalAssessments assessments;
    private final ReportWork work;

    GoalAssessmentController(GoalRepository goals, GoalAssessments assessments, ReportWork work) {
        this.goals = goals;
        this.assessments = assessments;
        this.work = work;
    }

    @Get("/{tertial}")
    AssessmentJson show(@PathVariable int year, @PathVariable String ref, @PathVariable String tertial,
                        Authentication authentication) {
        Goal goal = goal(year, ref);
        Tertial id = TertialRecordController.parseTertial(tertial);
        ReportWork.requireGoalYear(goal, id);
        GoalAssessments.View view = assessments.view(goal, id);
        if (!ReportAccess.canReadAssessment(Caller.of(authentication), view.activities())) {
            throw ProblemException.forbidden("Du har inte behörighet till målet " + ref);
        }
        return json(view);
    }

    @Put("/{tertial}")
    AssessmentJson decide(@PathVariable int year, @PathVariable String ref, @PathVariable String tertial,
                          @Body @Valid Decision decision, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Goal goal = goal(year, ref);
        Tertial id = TertialRecordController.parseTertial(tertial);
        work.requireAssessor(caller, goal); // who may, before what they sent
        GoalAssessment chosen = decision.assessment() == null || decision.assessment().isBlank() ? null
                : parse(decision.assessment()).orElseThrow(() -> ProblemException.invalidField("assessment",
                        "Okänd bedömning '%s'. Välj en av: Uppfylld, Delvis uppfylld, Knappt uppfylld, Ej uppfylld"
                                .formatted(decision.assessment())));
        work.decide(caller, Channel.API, goal, id, chosen, decision.analysis());
        return json(assessments.view(goal, id));
    }


    private Goal goal(int year, String ref) {
        return goals.findByLevelAndYearAndRef(GoalLevel.KS, year, ref)
                .orElseThrow(() -> ProblemException.notFound("Det finns inget KS-mål %s för %d".formatted(ref, year)));
    }

    static Optional<GoalAssessment> parse(String text) {
        return GoalAssessment.parse(text);
    }

    private static AssessmentJson json(GoalAssessments.View view) {
        AssessmentState state = view.state();
        return new AssessmentJson(view.goal().year(), view.goal().ref(), view.goal().title(), view.tertial().toString(),
                Value.of(state.suggested()), state.reasoning(), Value.of(state.chosen()), state.analysis(),
                Value.of(state.effective().orElse(null)), state.isSuggestion(), view.activities().size(),
                view.frozen(), view.decidedBy(), view.decidedAt(), view.byMeasures() ? "MEASURES" : "ACTIVITIES",
                view.measures().size());
    }
}
