package se.ange.tertial.web.reporting;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Counted;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.report.AutoClose;
import se.ange.tertial.report.Readiness;
import se.ange.tertial.report.ReportKind;
import se.ange.tertial.report.ReportWork;
import se.ange.tertial.report.TertialRecords;
import se.ange.tertial.report.TertialState;
import se.ange.tertial.report.WorkspaceGoals;
import se.ange.tertial.web.WebTexts;

/** What {@code /rapport/{tertial}} and its closing confirmation show, for one viewer. */
@Singleton
class WorkspaceModel {

    static final Counted.Noun DEPARTMENT = new Counted.Noun("avdelning", "avdelningar", "department", "departments");

    /** A refused readiness change: the department's row shows the message (none: {@link #NONE}). */
    record Refusal(@Nullable Long departmentId, @Nullable String message, String typedNote) {
        static final Refusal NONE = new Refusal(null, null, "");
    }

    private final WorkspaceGoals goals;
    private final Readiness readiness;
    private final TertialRecords records;
    private final DepartmentRepository departments;
    private final PersonRepository people;
    private final AutoClose autoClose;
    private final ReportWork work;
    private final Clock clock;

    WorkspaceModel(WorkspaceGoals goals, Readiness readiness, TertialRecords records, DepartmentRepository departments,
                   PersonRepository people, AutoClose autoClose, ReportWork work, Clock clock) {
        this.goals = goals;
        this.readiness = readiness;
        this.records = records;
        this.departments = departments;
        this.people = people;
        this.autoClose = autoClose;
        this.work = work;
        this.clock = clock;
    }

    Map<String, Object> page(WebTexts t, Tertial tertial, Caller caller, @Nullable String saved, Refusal refusal) {
        WorkspacePage words = new WorkspacePage(t, clock.getZone());
        Map<String, Object> model = words.base(tertial);
        boolean stab = caller.has(Role.STAB);
        WorkspaceGoals.Overview overview = goals.of(tertial, caller);
        boolean closed = overview.frozen() != null;
        model.put("title", t.format("rapport.title", words.name(tertial)));
        model.put("closed", closed);
        model.put("closedText", closed ? closedText(t, words, tertial, overview.frozen()) : t.get("rapport.open"));
        model.put("stab", stab);
        model.put("autoClose", t.format("rapport.close.automatic",
                Dates.full(tertial.closingDate().plusDays(autoClose.days()), t.language())));
        model.put("saved", saved);
        model.put("previous", tertial.previous().toString());
        model.put("previousName", words.name(tertial.previous()));
        model.put("next", tertial.next().toString());
        model.put("nextName", words.name(tertial.next()));

        List<Readiness.DepartmentState> states = readiness.of(tertial).stream()
                .filter(d -> stab || Objects.equals(d.department().id(), caller.departmentId())).toList();
        List<ReadinessView> rows = states.stream().map(d -> words.readiness(d, caller, closed, refusal.departmentId(),
                refusal.message(), refusal.typedNote())).toList();
        model.put("readiness", rows);
        model.put("anyActions", rows.stream().anyMatch(ReadinessView::hasActions));
        List<WorkspacePage.NotReady> notReady = words.notReady(states);
        model.put("notReady", notReady);
        // once closed, who was not ready is history: said as such, not as something still to chase
        model.put("notReadyLead", notReady.isEmpty() ? t.get(states.isEmpty() ? "rapport.readiness.none"
                : "rapport.readiness.allReady")
                : t.format(closed ? "rapport.readiness.closedNotReady" : "rapport.readiness.notReady",
                        Counted.of(notReady.size(), DEPARTMENT, t.language()), notReady.size()));
        List<Map<String, String>> problems = new ArrayList<>();
        rows.stream().filter(r -> r.error() != null).forEach(r -> problems.add(Map.of("field",
                r.canSendBack() ? r.noteId() : "readiness-" + r.departmentId(), "message", r.error())));
        model.put("problems", problems);

        List<WorkspacePage.GroupView> groups = words.goals(tertial, overview.groups());
        model.put("groups", groups);
        model.put("goalsLead", t.get(stab ? "rapport.goals.leadStab" : "rapport.goals.leadManager"));

        List<String> documentDepartments = stab
                ? StreamSupport.stream(departments.findAll().spliterator(), false).map(Department::name).sorted().toList()
                : caller.departmentId() == null ? List.of()
                : departments.findById(caller.departmentId()).map(Department::name).stream().toList();
        model.put("documents", words.documents(tertial, documentDepartments, stab));
        return model;
    }

    Map<String, Object> closing(WebTexts t, Tertial tertial, @Nullable String error) {
        WorkspacePage words = new WorkspacePage(t, clock.getZone());
        Map<String, Object> model = new HashMap<>(words.base(tertial));
        TertialState.Frozen frozen = goals.frozen(tertial);
        LocalDate today = LocalDate.now(clock);
        model.put("title", t.format("rapport.close.title", words.name(tertial)));
        model.put("closedText", frozen == null ? null : closedText(t, words, tertial, frozen));
        boolean early = !today.isAfter(tertial.closingDate());
        model.put("tooEarly", frozen == null && early ? t.format("rapport.close.tooEarly", words.name(tertial),
                Dates.full(tertial.closingDate().plusDays(1), t.language())) : null);
        List<WorkspacePage.NotReady> notReady = words.notReady(readiness.of(tertial));
        model.put("notReady", notReady);
        model.put("notReadyLead", notReady.isEmpty() ? t.get("rapport.readiness.allReady")
                : t.format("rapport.close.notReady", Counted.of(notReady.size(), DEPARTMENT, t.language()),
                        notReady.size()));
        // the board's analysis still the default's "[Skriv analysen här …]": said before it is frozen into the report
        model.put("unwritten", frozen == null && !work.unwritten(ReportKind.MALUPPFOLJNING, tertial, null).isEmpty());
        model.put("button", t.format("rapport.close.button", words.name(tertial)));
        model.put("error", error);
        return model;
    }

    void close(Tertial tertial, Caller caller) {
        records.close(tertial, caller.actor(Channel.WEB), false);
    }

    private String closedText(WebTexts t, WorkspacePage words, Tertial tertial, TertialState.Frozen frozen) {
        String by = frozen.automatic() ? t.get("rapport.closedAutomatically")
                : people.findByEmail(frozen.by()).map(Person::name).orElse(frozen.by());
        return t.format("rapport.closed", words.name(tertial), words.when(frozen.at()), by);
    }
}
