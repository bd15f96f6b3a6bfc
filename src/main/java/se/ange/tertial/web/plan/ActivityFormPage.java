package se.ange.tertial.web.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityFinder;
import se.ange.tertial.register.activity.ActivitySelection;
import se.ange.tertial.register.activity.ActivitySource;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.NewActivities;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.register.org.OrgUnit;
import se.ange.tertial.register.org.OrgUnitRepository;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonLists;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.system.Limits;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/** The activity form's page (new or edit) and the page that ends an activity, with their choices. */
@Singleton
class ActivityFormPage {

    record Option(String value, String label, boolean selected) {
    }

    private final PlanTree tree;
    private final ActivityCatalog catalog;
    private final PersonRepository people;
    private final PersonLists lists;
    private final DepartmentRepository departments;
    private final OrgUnitRepository units;
    private final Pages pages;
    private final se.ange.tertial.web.ErrorPages errors;
    private final ActivityFinder finder;

    ActivityFormPage(PlanTree tree, ActivityCatalog catalog, PersonRepository people, PersonLists lists, DepartmentRepository departments,
                     OrgUnitRepository units, Pages pages, se.ange.tertial.web.ErrorPages errors, ActivityFinder finder) {
        this.finder = finder;
        this.tree = tree;
        this.catalog = catalog;
        this.people = people;
        this.lists = lists;
        this.departments = departments;
        this.units = units;
        this.pages = pages;
        this.errors = errors;
    }

    /** A new activity: a free ref suggested, the goal asked for (when it is one of the year's), the manager's department. */
    ActivityForm blank(Caller caller, int year, @Nullable String goal) {
        boolean any = NewActivities.mayAddAny(caller);
        String department = any ? "" : ownDepartment(caller);
        String ks = goal != null && tree.ksGoals(year).stream().anyMatch(g -> g.ref().equals(goal)) ? goal : "";
        ActivityForm form = ActivityForm.blank(suggestRef(any ? "KS" : prefix(department), year, any ? 1 : 101), ks,
                any ? ActivitySource.KS.name() : ActivitySource.UNIT.name(), department);
        if (!any && caller.unitId() != null) {
            String unit = units.findById(caller.unitId()).map(OrgUnit::name).orElse("");
            return new ActivityForm(form.ref(), "", "", ks, form.source(), department, unit, "", "", Set.of(), "");
        }
        return form;
    }

    /** The activity of that plan year when the caller may read it (the API's rule: otherwise as if there were none). */
    java.util.Optional<ActivityView> readable(String ref, Caller caller, @Nullable Integer year) {
        if (year == null || NewActivities.badRef(ref) != null) {
            return java.util.Optional.empty();
        }
        return catalog.byRef(ref).filter(view -> view.goal().year() == year
                && se.ange.tertial.register.access.Permissions.canRead(caller, view));
    }

    /**
     * The plan's activity of the path, when the caller may change it ({@link Permissions#canEditActivity}); else
     * the page's 404 (not in that year's plan, or not readable) or 403.
     */
    MutableHttpResponse<?> forChange(HttpRequest<?> request, Caller caller, @Nullable Integer year, String ref,
                                     java.util.function.Function<ActivityView, MutableHttpResponse<?>> change) {
        java.util.Optional<ActivityView> view = readable(ref, caller, year);
        if (view.isEmpty()) {
            return errors.notFound(request);
        }
        if (!Permissions.canEditActivity(caller, view.get())) {
            return errors.forbidden(request);
        }
        return change.apply(view.get());
    }

    MutableHttpResponse<?> render(HttpRequest<?> request, Caller caller, int year, @Nullable ActivityView editing,
                                  ActivityForm form, Map<String, String> problems, HttpStatus status) {
        WebTexts t = Pages.texts(request);
        boolean any = NewActivities.mayAddAny(caller);
        Map<String, Object> model = new HashMap<>();
        model.put("title", editing == null ? t.format("plan.new.title", String.valueOf(year))
                : t.format("plan.edit.title", editing.ref()));
        model.put("year", year);
        model.put("editing", editing != null);
        model.put("ref", editing == null ? null : editing.ref());
        model.put("action", editing == null ? "/plan/" + year + "/ny" : "/plan/" + year + "/aktivitet/" + editing.ref());
        model.put("endHref", editing == null || editing.activity().status() != null && editing.activity().status().isCompleted()
                ? null : "/plan/" + year + "/aktivitet/" + editing.ref() + "/avsluta");
        model.put("form", form);
        model.put("errors", ActivityForm.ordered(problems));
        model.put("chooseSource", any);
        model.put("sourceLabel", t.get("plan.source." + form.source()));
        model.put("goals", tree.ksGoals(year).stream().map(g -> new Option(g.ref(),
                g.ref() + " " + Limits.fit(g.title(), 110), g.ref().equals(form.goal()))).toList());
        model.put("sources", List.of(new Option("KS", t.get("plan.source.KS"), "KS".equals(form.source())),
                new Option("UNIT", t.get("plan.source.UNIT"), "UNIT".equals(form.source()))));
        List<String> departmentNames = any
                ? StreamSupport.stream(departments.findAll().spliterator(), false).map(Department::name).sorted().toList()
                : List.of(ownDepartment(caller));
        model.put("departments", departmentNames.stream()
                .map(d -> new Option(d, d, d.equalsIgnoreCase(form.department().strip()))).toList());
        model.put("units", StreamSupport.stream(units.findAll().spliterator(), false)
                .filter(u -> any || (caller.unitId() == null ? u.departmentId().equals(caller.departmentId())
                        : u.id().equals(caller.unitId())))
                .map(OrgUnit::name).distinct().sorted().toList());
        Set<String> chosen = form.emails().stream().collect(Collectors.toSet());
        model.put("people", lists.choices().stream().filter(p -> p.active() || chosen.contains(p.email()))
                .map(p -> new Option(p.email(), p.name() + " (" + p.email() + ")", chosen.contains(p.email()))).toList());
        model.put("deputies", editing == null ? List.of() : editing.owners().stream().map(owner -> deputyLine(owner, t)).toList());
        model.put("back", "/plan/" + year);
        return pages.render(request, status, "plan-aktivitet", model);
    }

    MutableHttpResponse<?> endPage(HttpRequest<?> request, int year, ActivityView view, Tertial tertial, String status,
                                   String comment, @Nullable String problem, HttpStatus httpStatus) {
        WebTexts t = Pages.texts(request);
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.format("plan.end.title", view.ref()));
        model.put("activity", view.ref() + " " + view.activity().title());
        model.put("ended", view.activity().status() != null && view.activity().status().isCompleted());
        model.put("explain", t.format("plan.end.explain", tertial.toString(), Dates.full(view.activity().endDate(), t.language())));
        model.put("statuses", List.of(Status.AVSLUTAD_ENLIGT_PLAN, Status.AVSLUTAD_MED_AVVIKELSE).stream()
                .map(s -> new Option(s.name(), s.label(t.language()), s.name().equals(status))).toList());
        model.put("comment", comment);
        model.put("problem", problem);
        model.put("action", "/plan/" + year + "/aktivitet/" + view.ref() + "/avsluta");
        model.put("button", t.format("plan.end.button", view.ref()));
        model.put("back", "/plan/" + year + "/aktivitet/" + view.ref());
        return pages.render(request, httpStatus, "plan-avsluta", model);
    }

    private String deputyLine(Person owner, WebTexts t) {
        String deputy = owner.deputyId() == null ? null : people.findById(owner.deputyId()).map(Person::name).orElse(null);
        return deputy == null ? t.format("plan.deputy.none", owner.name()) : t.format("plan.deputy.is", owner.name(), deputy);
    }

    private String ownDepartment(Caller caller) {
        return caller.departmentId() == null ? ""
                : departments.findById(caller.departmentId()).map(Department::name).orElse("");
    }

    /** The next free ref with that prefix and year: KS2024-080, ST2024-112. */
    String suggestRef(String prefix, int year, int first) {
        String start = prefix + year + "-";
        // the refs with that prefix (an index), not the whole register
        int next = finder.refs(ActivitySelection.any().refStartingWith(start)).stream()
                .filter(r -> r.toUpperCase(Locale.ROOT).startsWith(start.toUpperCase(Locale.ROOT)))
                .map(r -> r.substring(start.length())).filter(n -> n.matches("\\d{1,6}"))
                .mapToInt(Integer::parseInt).max().orElse(first - 1) + 1;
        return start + String.format(Locale.ROOT, "%03d", Math.max(next, first));
    }

    /** Two letters of a department's name for its own activities' refs (Staben → ST). */
    static String prefix(String department) {
        String ascii = Normalizer.normalize(department, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
        return ascii.length() < 2 ? "EGEN" : ascii.substring(0, 2).toUpperCase(Locale.ROOT);
    }
}
