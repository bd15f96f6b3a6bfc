package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.followup.MeasureDirection;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.Measure;
import se.ange.tertial.register.goal.MeasureOutcome;
import se.ange.tertial.register.goal.MeasureOutcomeRepository;
import se.ange.tertial.register.goal.MeasureRepository;
import se.ange.tertial.system.ProblemException;

/**
 * A KS goal's measures (mått) and their outcomes per tertial. Outcomes follow the assessment's rules: one
 * per measure and tertial (a new report replaces it, the audit log keeps the history), refused (409) once the
 * tertial is closed, with the same goal row lock as {@link GoalAssessments#decide} so a close and a report
 * never cross (see {@link TertialRecords}).
 */
@Singleton
public class GoalMeasures {

    /** What a measure is: the numbers already checked against the columns. */
    public record Definition(String name, @Nullable String unit, @Nullable BigDecimal baseline,
                             @Nullable LocalDate baselineAsOf, @Nullable BigDecimal target,
                             MeasureDirection direction) {
    }

    /** A measure with its outcomes, earliest tertial first. */
    public record WithOutcomes(Measure measure, List<MeasureOutcome> outcomes) {
    }

    private final MeasureRepository measures;
    private final MeasureOutcomeRepository outcomes;
    private final TertialRecords records;
    private final AuditLog audit;
    private final Clock clock;

    GoalMeasures(MeasureRepository measures, MeasureOutcomeRepository outcomes, TertialRecords records,
                 AuditLog audit, Clock clock) {
        this.measures = measures;
        this.outcomes = outcomes;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    public List<WithOutcomes> of(Goal goal) {
        List<Measure> goalMeasures = measures.findByGoalIdOrderById(goal.id());
        if (goalMeasures.isEmpty()) {
            return List.of();
        }
        Map<Long, List<MeasureOutcome>> byMeasure = outcomes.findByMeasureIdIn(
                        goalMeasures.stream().map(Measure::id).toList()).stream()
                .sorted(Comparator.comparing(o -> Tertial.parse(o.tertial())))
                .collect(Collectors.groupingBy(MeasureOutcome::measureId));
        return goalMeasures.stream()
                .map(m -> new WithOutcomes(m, byMeasure.getOrDefault(m.id(), List.of()))).toList();
    }

    public WithOutcomes one(Goal goal, long measureId) {
        return of(goal).stream().filter(m -> m.measure().id() == measureId).findFirst()
                .orElseThrow(() -> notFound(goal, measureId));
    }

    @Transactional
    public Measure create(Goal goal, Definition definition, Actor actor) {
        Measure saved = measures.save(new Measure(null, goal.id(), definition.name(), definition.unit(),
                definition.baseline(), definition.baselineAsOf(), definition.target(), definition.direction()));
        audit.record(actor, "measure.created", GoalAssessments.subject(goal), null, null, describe(saved));
        return saved;
    }

    @Transactional
    public Measure change(Goal goal, long measureId, Definition definition, Actor actor) {
        Measure before = measures.findById(measureId).filter(m -> m.goalId().equals(goal.id()))
                .orElseThrow(() -> notFound(goal, measureId));
        Measure after = measures.update(new Measure(before.id(), goal.id(), definition.name(), definition.unit(),
                definition.baseline(), definition.baselineAsOf(), definition.target(), definition.direction()));
        audit.record(actor, "measure.changed", GoalAssessments.subject(goal), null, describe(before), describe(after));
        return after;
    }

    /** Records (or replaces) the measure's outcome for the tertial; 409 once the tertial is closed. */
    @Transactional
    public MeasureOutcome report(Goal goal, long measureId, Tertial tertial, BigDecimal value,
                                 @Nullable String comment, Actor actor) {
        // the goal's row lock, as for a decision: a close either ends before our look (we refuse) or records us
        records.lockForDecision(goal.id());
        Measure measure = measures.findById(measureId).filter(m -> m.goalId().equals(goal.id()))
                .orElseThrow(() -> notFound(goal, measureId));
        if (records.record(tertial).isPresent()) {
            throw new ProblemException(HttpStatus.CONFLICT,
                    "Tertial %s är låst; utfallet kan inte längre ändras".formatted(tertial), List.of());
        }
        String cleanComment = comment == null || comment.isBlank() ? null : comment.strip();
        Optional<MeasureOutcome> before = outcomes.findByMeasureIdAndTertial(measure.id(), tertial.toString());
        MeasureOutcome row = new MeasureOutcome(before.map(MeasureOutcome::id).orElse(null), measure.id(),
                tertial.toString(), value, cleanComment, actor.name(), actor.personId(), clock.instant());
        MeasureOutcome saved = before.isPresent() ? outcomes.update(row) : outcomes.save(row);
        audit.record(actor, "measure.outcome", GoalAssessments.subject(goal), null,
                before.map(o -> describe(measure, o)).orElse(null), describe(measure, saved));
        return saved;
    }

    private static ProblemException notFound(Goal goal, long measureId) {
        return ProblemException.notFound("Målet %s har inget mått %d".formatted(goal.ref(), measureId));
    }

    private static Map<String, Object> describe(Measure m) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("measure", m.id());
        values.put("name", m.name());
        values.put("unit", m.unit());
        values.put("baseline", m.baseline());
        values.put("baselineAsOf", m.baselineAsOf() == null ? null : m.baselineAsOf().toString());
        values.put("target", m.target());
        values.put("direction", m.direction().name());
        return values;
    }

    private static Map<String, Object> describe(Measure m, MeasureOutcome o) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("measure", m.id());
        values.put("name", m.name());
        values.put("tertial", o.tertial());
        values.put("value", o.outcome());
        values.put("comment", o.comment());
        return values;
    }
}
