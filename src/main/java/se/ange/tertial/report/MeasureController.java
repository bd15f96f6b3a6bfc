package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.DecimalText;
import se.ange.tertial.followup.MeasureDirection;
import se.ange.tertial.followup.StatusText;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.goal.GoalRepository;
import se.ange.tertial.register.goal.Measure;
import se.ange.tertial.register.goal.MeasureOutcome;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemException;

/**
 * A KS goal's measures (mått): baseline, target, the direction that is better, and an outcome per tertial.
 * A goal with measures is assessed by them (see {@link LiveStates}). Everyone signed in reads; creating,
 * changing and reporting outcomes is for whoever may decide the goal's assessment ({@link ReportAccess#canAssess}:
 * stab, or the manager of the department that carries all the goal's activities).
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/goals/{year}/{ref}/measures")
@Secured(SecurityRule.IS_AUTHENTICATED)
class MeasureController {

    static final String NUMBER_HINT = "ange ett tal, t.ex. 12,49";

    /**
     * A measure. Numbers as JSON numbers or text with a decimal comma ("12,49"). {@code direction}: INCREASE
     * (öka, the default) or DECREASE (minska). {@code outcome}/{@code asOf} are the old single outcome's
     * names and are read as the baseline when {@code baseline} is not given. A change replaces every field.
     */
    @Serdeable
    record MeasureBody(@NotBlank @Size(max = Limits.MEASURE_NAME) String name,
                       @Nullable @Size(max = Limits.MEASURE_UNIT) String unit, @Nullable Object baseline,
                       @Nullable LocalDate baselineAsOf, @Nullable Object target,
                       @Nullable @Size(max = 20) String direction,
                       @Nullable BigDecimal outcome, @Nullable LocalDate asOf) {
    }

    /** An outcome for a tertial: {@code value} a number or text ("12,49"). */
    @Serdeable
    record OutcomeBody(@Nullable Object value, @Nullable @Size(max = Limits.COMMENT) String comment) {
    }

    @Serdeable
    record OutcomeJson(String tertial, BigDecimal value, @Nullable String comment, String reportedBy,
                       Instant reportedAt) {
        static OutcomeJson of(MeasureOutcome o) {
            return new OutcomeJson(o.tertial(), o.outcome(), o.comment(), o.reportedBy(), o.reportedAt());
        }
    }

    @Serdeable
    record MeasureJson(long id, int year, String goal, String name, @Nullable String unit,
                       @Nullable BigDecimal baseline, @Nullable LocalDate baselineAsOf, @Nullable BigDecimal target,
                       MeasureDirection direction, List<OutcomeJson> outcomes) {
        static MeasureJson of(Goal goal, GoalMeasures.WithOutcomes m) {
            Measure measure = m.measure();
            return new MeasureJson(measure.id(), goal.year(), goal.ref(), measure.name(), measure.unit(),
                    measure.baseline(), measure.baselineAsOf(), measure.target(), measure.direction(),
                    m.outcomes().stream().map(OutcomeJson::of).toList());
        }
    }

    private final GoalRepository goals;
    private final GoalMeasures measures;
    private final GoalAssessments assessments;
    private final ReportWork work;

    MeasureController(GoalRepository goals, GoalMeasures measures, GoalAssessments assessments, ReportWork work) {
        this.goals = goals;
        this.measures = measures;
        this.assessments = assessments;
        this.work = work;
    }

    @Get
    List<MeasureJson> list(@PathVariable int year, @PathVariable String ref) {
        Goal goal = goal(year, ref);
        return measures.of(goal).stream().map(m -> MeasureJson.of(goal, m)).toList();
    }

    /** Adds a measure, e.g. Sjukfrånvaro (%) from 12,49 (2023-09-30) toward 10, DECREASE. */
    @Post
    HttpResponse<MeasureJson> create(@PathVariable int year, @PathVariable String ref, @Body @Valid MeasureBody body,
                                     Authentication authentication) {
        Goal goal = goal(year, ref);
        Caller caller = requireAssessor(goal, authentication);
        Measure saved = measures.create(goal, definition(body), caller.actor(Channel.API));
        return HttpResponse.created(MeasureJson.of(goal, measures.one(goal, saved.id())));
    }

    @Put("/{id}")
    MeasureJson change(@PathVariable int year, @PathVariable String ref, @PathVariable long id,
                       @Body @Valid MeasureBody body, Authentication authentication) {
        Goal goal = goal(year, ref);
        Caller caller = requireAssessor(goal, authentication);
        measures.change(goal, id, definition(body), caller.actor(Channel.API));
        return MeasureJson.of(goal, measures.one(goal, id));
    }

    /** Records the measure's outcome for a tertial of the goal's year (replacing an earlier one); 409 once closed. */
    @Put("/{id}/outcomes/{tertial}")
    MeasureJson report(@PathVariable int year, @PathVariable String ref, @PathVariable long id,
                       @PathVariable String tertial, @Body @Valid OutcomeBody body, Authentication authentication) {
        Goal goal = goal(year, ref);
        work.reportOutcome(Caller.of(authentication), Channel.API, goal, id, ProblemException.tertial(tertial),
                body.value(), body.comment());
        return MeasureJson.of(goal, measures.one(goal, id));
    }

    private Caller requireAssessor(Goal goal, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!ReportAccess.canAssess(caller, assessments.departmentsOfAllActivities(goal))) {
            throw ProblemException.forbidden("Målets mått för %s sköts av stab (eller chefen för avdelningen som har alla målets aktiviteter)"
                    .formatted(goal.ref()));
        }
        return caller;
    }

    private Goal goal(int year, String ref) {
        return goals.findByLevelAndYearAndRef(GoalLevel.KS, year, ref)
                .orElseThrow(() -> ProblemException.notFound("Det finns inget KS-mål %s för %d".formatted(ref, year)));
    }

    private static GoalMeasures.Definition definition(MeasureBody body) {
        BigDecimal baseline = number("baseline", body.baseline());
        LocalDate baselineAsOf = Limits.date("baselineAsOf", body.baselineAsOf());
        BigDecimal legacyOutcome = Limits.outcome("outcome", body.outcome());
        LocalDate legacyAsOf = Limits.date("asOf", body.asOf());
        return new GoalMeasures.Definition(body.name().strip(), body.unit() == null || body.unit().isBlank() ? null
                : body.unit().strip(), baseline != null ? baseline : legacyOutcome,
                baselineAsOf != null ? baselineAsOf : legacyAsOf, number("target", body.target()),
                direction(body.direction()));
    }

    /** A JSON number or a text with a decimal comma, fitting NUMERIC(18, 4); null stays null; else 422 naming the field. */
    static @Nullable BigDecimal number(String field, @Nullable Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        BigDecimal parsed;
        if (value instanceof BigDecimal decimal) {
            parsed = decimal;
        } else if (value instanceof Number number) {
            try {
                parsed = new BigDecimal(number.toString());
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField(field, field + ": " + NUMBER_HINT);
            }
        } else if (value instanceof String text) {
            parsed = DecimalText.parse(text).orElseThrow(() -> ProblemException.invalidField(field,
                    field + ": " + NUMBER_HINT));
        } else {
            throw ProblemException.invalidField(field, field + ": " + NUMBER_HINT);
        }
        return Limits.outcome(field, parsed);
    }

    static MeasureDirection direction(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return MeasureDirection.INCREASE;
        }
        return switch (StatusText.normalize(text).strip()) {
            case "increase", "oka", "okande", "upp" -> MeasureDirection.INCREASE;
            case "decrease", "minska", "minskande", "ned", "ner" -> MeasureDirection.DECREASE;
            default -> throw ProblemException.invalidField("direction",
                    "direction: ange INCREASE (öka) eller DECREASE (minska), inte '%s'".formatted(text));
        };
    }
}
