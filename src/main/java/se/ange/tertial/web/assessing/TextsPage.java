package se.ange.tertial.web.assessing;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.register.org.Organisation;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.report.ReportKind;
import se.ange.tertial.report.ReportWork;
import se.ange.tertial.report.TertialRecords;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.web.WebTexts;

/** Which report's texts a request asks for, who may read and write them, and what the texts page shows. */
@Singleton
class TextsPage {

    /** The report asked for: its kind, tertial and department (null for the måluppföljning). */
    record Scope(Tertial tertial, ReportKind kind, @Nullable Department department, boolean readable,
                 boolean editable, boolean closed, boolean seesAll, @Nullable Long ownDepartment) {

        @Nullable Long departmentId() {
            return department == null ? null : department.id();
        }
    }

    /** A refused form: the section, what was typed and why. */
    record Refusal(String section, String typed, String message) {
    }

    record Option(String value, String label, boolean selected) {
    }

    record SectionView(String key, String heading, String text, boolean isDefault, @Nullable String written,
                       @Nullable String error, boolean confirmReset) {
    }

    private final ReportWork work;
    private final Organisation organisation;
    private final DepartmentRepository departments;
    private final PersonRepository people;
    private final TertialRecords records;

    TextsPage(ReportWork work, Organisation organisation, DepartmentRepository departments, PersonRepository people,
              TertialRecords records) {
        this.work = work;
        this.organisation = organisation;
        this.departments = departments;
        this.people = people;
        this.records = records;
    }

    /** Empty when the tertial, kind or department does not exist (a 404 page). */
    Optional<Scope> scope(Caller caller, String tertialText, @Nullable String kindText, @Nullable String departmentName) {
        Optional<Tertial> tertial = TextsController.tertial(tertialText);
        if (tertial.isEmpty() || !Limits.dateInRange(tertial.get().firstDay())) {
            return Optional.empty();
        }
        boolean seesAll = ReportWork.seesEverything(caller);
        boolean hasDepartment = departmentName != null && !departmentName.isBlank();
        ReportKind kind;
        if (kindText == null || kindText.isBlank()) {
            kind = seesAll && !hasDepartment ? ReportKind.MALUPPFOLJNING : ReportKind.UPPSIKT;
        } else {
            Optional<ReportKind> parsed = ReportKind.parse(kindText);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            kind = parsed.get();
        }
        Department department = null;
        if (kind == ReportKind.UPPSIKT) {
            Optional<Department> found = hasDepartment ? named(departmentName)
                    : Optional.ofNullable(caller.departmentId()).flatMap(departments::findById)
                    .or(() -> organisation.departmentNames().stream().findFirst().flatMap(this::named));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            department = found.get();
        }
        Long id = department == null ? null : department.id();
        boolean closed = records.record(tertial.get()).isPresent();
        return Optional.of(new Scope(tertial.get(), kind, department, ReportWork.mayReadTexts(caller, kind, id),
                ReportWork.mayEditTexts(caller, kind, id) && !closed, closed, seesAll, caller.departmentId()));
    }

    private Optional<Department> named(String name) {
        if (name.length() > Limits.DEPARTMENT) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.department(name.strip()));
        } catch (ProblemException unknown) {
            return Optional.empty();
        }
    }

    Map<String, Object> model(Scope scope, WebTexts t, @Nullable String saved, @Nullable String confirm,
                              @Nullable String focus, @Nullable Refusal refusal) {
        Map<String, Object> model = new HashMap<>();
        String tertialName = GoalPage.tertialName(scope.tertial(), t);
        String report = scope.kind() == ReportKind.MALUPPFOLJNING ? t.get("texts.kind.maluppfoljningIn")
                : t.format("texts.kind.uppsiktFor", scope.department().name());
        model.put("title", t.format("texts.title", report, tertialName));
        model.put("report", report);
        model.put("tertial", scope.tertial().toString());
        model.put("tertialName", tertialName);
        model.put("kind", scope.kind().code());
        model.put("department", scope.department() == null ? "" : scope.department().name());
        model.put("editable", scope.editable());
        model.put("closed", scope.closed() ? t.format("texts.closed", tertialName) : null);
        model.put("readOnly", !scope.closed() && !scope.editable() ? t.get("texts.readOnly") : null);
        model.put("saved", saved);
        List<Option> kinds = new ArrayList<>();
        if (scope.seesAll()) {
            kinds.add(new Option("maluppfoljning", t.get("texts.kind.maluppfoljning"), scope.kind() == ReportKind.MALUPPFOLJNING));
        }
        kinds.add(new Option("uppsikt", t.get("texts.kind.uppsikt"), scope.kind() == ReportKind.UPPSIKT));
        model.put("kinds", kinds);
        List<Option> names = new ArrayList<>();
        for (String name : organisation.departmentNames()) {
            boolean own = named(name).map(Department::id).filter(id -> id.equals(scope.ownDepartment())).isPresent();
            if (scope.seesAll() || own) {
                names.add(new Option(name, name, scope.department() != null && scope.department().name().equals(name)));
            }
        }
        model.put("departments", names);
        model.put("problems", refusal == null ? List.of() : List.of(refusal));
        List<SectionView> sections = new ArrayList<>();
        for (ReportWork.Section s : work.sections(scope.kind(), scope.tertial(), scope.departmentId())) {
            boolean refused = refusal != null && refusal.section().equals(s.key());
            String written = s.written() == null ? null : t.format("texts.writtenBy", name(s.writtenBy()),
                    s.writtenAt() == null ? "" : se.ange.tertial.followup.Dates.full(
                            s.writtenAt().atZone(GoalPage.STOCKHOLM).toLocalDate(), t.language()));
            sections.add(new SectionView(s.key(), t.get("texts.section." + s.section().name()),
                    refused ? refusal.typed() : s.text(), s.written() == null, written,
                    refused ? refusal.message() : null,
                    scope.editable() && s.key().equals(confirm) && s.written() != null));
        }
        model.put("sections", sections);
        model.put("focus", focus);
        model.put("self", TextsController.path(scope));
        return model;
    }

    private String name(@Nullable String actor) {
        return actor == null ? "" : people.findByEmail(actor).map(Person::name).orElse(actor);
    }
}
