package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.system.ProblemError;
import se.ange.tertial.system.ProblemException;

/**
 * The report work a person does on a tertial, for the web workspace: who may read and decide a goal's
 * assessment and report its measures, who may read and write which report texts, and the writes themselves,
 * with the same rules and checks as the API ({@link ReportAccess}, {@link ReportScopes},
 * {@link GoalAssessmentController}, {@link MeasureController}, {@link ReportTextController}).
 */
@Singleton
public class ReportWork {

    /** The longest text section (the column's size). */
    public static final int MAX_TEXT = ReportTextController.MAX_TEXT;

    /** Goal references in the reports' order: 3.2 before 3.10. */
    public static final Comparator<String> GOAL_ORDER = GoalRefs.ORDER;

    /**
     * One text section of a report: its key ({@code intro}, …), the text the report shows, what someone wrote
     * (null: the default stands) and Tertial's default.
     */
    public record Section(TextSection section, String key, String text, @Nullable String written, String standard,
                          @Nullable String writtenBy, @Nullable Instant writtenAt) {
    }

    private final GoalAssessments assessments;
    private final GoalMeasures measures;
    private final ReportScopes scopes;
    private final TertialReports reports;
    private final ReportTexts texts;
    private final Clock clock;

    ReportWork(GoalAssessments assessments, GoalMeasures measures, ReportScopes scopes, TertialReports reports,
               ReportTexts texts, Clock clock) {
        this.assessments = assessments;
        this.measures = measures;
        this.scopes = scopes;
        this.reports = reports;
        this.texts = texts;
        this.clock = clock;
    }

    /** Stab, admin, or a manager with an activity of the goal in their department (the API's GET). */
    public static boolean mayRead(Caller caller, Collection<ActivityState> goalActivities) {
        return ReportAccess.canReadAssessment(caller, goalActivities);
    }

    /** Stab, or the manager of the department that carries all the goal's activities (the API's PUT). */
    public boolean mayAssess(Caller caller, Goal goal) {
        return ReportAccess.canAssess(caller, assessments.departmentsOfAllActivities(goal));
    }

    /** Stab and admin see every department's report and every goal. */
    public static boolean seesEverything(Caller caller) {
        return ReportAccess.seesEverything(caller);
    }

    /** Whether a goal's assessment and outcomes can be written for the tertial yet (it has begun). */
    public boolean begun(Tertial tertial) {
        return !LocalDate.now(clock).isBefore(tertial.firstDay());
    }

    /**
     * Decides a goal's assessment (the API's PUT and the goal page alike): 403 unless the caller may assess it,
     * 422 for a tertial of another year or not begun, 409 once closed.
     */
    public void decide(Caller caller, Channel channel, Goal goal, Tertial tertial, @Nullable GoalAssessment assessment,
                       @Nullable String analysis) {
        requireAssessor(caller, goal);
        requireTertial(goal, tertial, "målet kan bedömas från dess första dag");
        assessments.decide(goal, tertial, assessment, analysis, caller.actor(channel));
    }

    /** Reports a measure's outcome, {@code value} as typed ("12,49"), with the same checks as a decision. */
    public void reportOutcome(Caller caller, Channel channel, Goal goal, long measureId, Tertial tertial,
                              @Nullable Object value, @Nullable String comment) {
        requireAssessor(caller, goal);
        requireTertial(goal, tertial, "utfallet kan rapporteras från dess första dag");
        BigDecimal number = outcome(value);
        if (number == null) {
            throw ProblemException.invalidField("value", "value: " + MeasureController.NUMBER_HINT);
        }
        measures.report(goal, measureId, tertial, number, comment, caller.actor(channel));
    }

    /** A typed outcome ("12,49", "1 234,5", or a JSON number), null when blank; 422 naming {@code value} when it is no number. */
    public static @Nullable BigDecimal outcome(@Nullable Object value) {
        return MeasureController.number("value", value);
    }

    /** The department a report's texts are asked for by name: 422 when blank, 404 when there is none. */
    public Department department(@Nullable String name) {
        return scopes.department(name);
    }

    public static boolean mayReadTexts(Caller caller, ReportKind kind, @Nullable Long departmentId) {
        return ReportScopes.mayRead(caller, kind, departmentId);
    }

    public static boolean mayEditTexts(Caller caller, ReportKind kind, @Nullable Long departmentId) {
        return ReportScopes.mayEdit(caller, kind, departmentId);
    }

    /** The sections of a report with what the report shows, what was written and the default. */
    public List<Section> sections(ReportKind kind, Tertial tertial, @Nullable Long departmentId) {
        TextDefaults.Context context = reports.textContext(tertial);
        Map<TextSection, String> defaults = TextDefaults.texts(kind, context);
        Map<TextSection, ReportTextRow> stored = texts.stored(kind, tertial, departmentId);
        List<Section> sections = new ArrayList<>();
        defaults.forEach((section, standard) -> {
            ReportTextRow row = stored.get(section);
            sections.add(new Section(section, ReportTexts.key(section), row == null ? standard : row.body(),
                    row == null ? null : row.body(), standard, row == null ? null : row.updatedBy(),
                    row == null ? null : row.updatedAt()));
        });
        return sections;
    }

    /** How the defaults' prompts for stab begin ({@code report/texts/*.txt}): "[Skriv analysen här: …]". */
    static final String PROMPT = "[Skriv";

    /** The sections whose text is still a default's prompt: closing now would hand the board the prompt. */
    public List<Section> unwritten(ReportKind kind, Tertial tertial, @Nullable Long departmentId) {
        return sections(kind, tertial, departmentId).stream().filter(s -> s.text().contains(PROMPT)).toList();
    }

    /** Writes sections as {@code PUT /api/reports/{tertial}/texts} (key → text; empty: the default again). */
    public void editTexts(Caller caller, ReportKind kind, Tertial tertial, @Nullable Department department,
                          Map<String, String> changes) {
        Long departmentId = department == null ? null : department.id();
        if (!ReportScopes.mayEdit(caller, kind, departmentId)) {
            throw ProblemException.forbidden(kind == ReportKind.UPPSIKT
                    ? "Texterna i en uppsiktsrapport skriver stab eller avdelningens chef"
                    : "Måluppföljningens texter skriver stab");
        }
        List<ProblemError> tooLong = changes.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().length() > MAX_TEXT)
                .map(e -> ProblemError.atField(e.getKey(), "Texten är för lång (högst %d tecken)".formatted(MAX_TEXT)))
                .toList();
        if (!tooLong.isEmpty()) {
            throw ProblemException.invalid("Texten är för lång", tooLong);
        }
        texts.edit(kind, tertial, departmentId, department == null ? null : department.name(), changes,
                caller.actor(se.ange.tertial.followup.Channel.WEB));
    }

    void requireAssessor(Caller caller, Goal goal) {
        if (!mayAssess(caller, goal)) {
            throw ProblemException.forbidden("Målbedömningen för %s görs av stab (eller chefen för avdelningen som har alla målets aktiviteter)"
                    .formatted(goal.ref()));
        }
    }

    private void requireTertial(Goal goal, Tertial tertial, String from) {
        requireGoalYear(goal, tertial);
        if (!begun(tertial)) {
            throw ProblemException.invalidField("tertial", "Tertial %s har inte börjat än (det börjar %s); %s"
                    .formatted(tertial, Dates.full(tertial.firstDay(), Language.SV), from));
        }
    }

    /** A goal is assessed in its own plan year's tertials only (else the report would show it twice). */
    static void requireGoalYear(Goal goal, Tertial tertial) {
        if (tertial.year() != goal.year()) {
            throw ProblemException.invalidField("tertial", "Tertial %s hör inte till målets år: %s är ett mål för %d, välj ett tertial %d (t.ex. %d-T1)"
                    .formatted(tertial, goal.ref(), goal.year(), goal.year(), goal.year()));
        }
    }
}
