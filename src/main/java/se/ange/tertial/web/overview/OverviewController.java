package se.ange.tertial.web.overview;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import se.ange.tertial.followup.AskedTertial;
import se.ange.tertial.followup.DeviationRules;
import se.ange.tertial.followup.OnTimeReports;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.register.org.OrgUnit;
import se.ange.tertial.register.org.OrgUnitRepository;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.register.query.ActivityQueries;
import se.ange.tertial.report.AssessmentState;
import se.ange.tertial.report.TertialRecords;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /}: the tertial at a glance. Stab and admin see the municipality by department; a manager sees their
 * department by unit (a unit manager their unit); an owner without such a role is taken to {@code /mina}.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class OverviewController {

    private final Pages pages;
    private final ActivityQueries queries;
    private final AskedTertial asked;
    private final DeviationRules rules;
    private final TertialRecords records;
    private final DepartmentRepository departments;
    private final OrgUnitRepository units;
    private final Clock clock;
    private final OnTimeReports onTime;

    OverviewController(Pages pages, ActivityQueries queries, AskedTertial asked, DeviationRules rules,
                       TertialRecords records, DepartmentRepository departments, OrgUnitRepository units, Clock clock) {
        this.pages = pages;
        this.queries = queries;
        this.asked = asked;
        this.rules = rules;
        this.records = records;
        this.departments = departments;
        this.units = units;
        this.clock = clock;
        this.onTime = new OnTimeReports(clock.getZone());
    }

    @Get
    MutableHttpResponse<?> overview(HttpRequest<?> request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        boolean wide = caller.has(Role.STAB) || caller.has(Role.ADMIN);
        boolean manager = caller.has(Role.MANAGER) && caller.departmentId() != null;
        if (!wide && !manager) {
            return Pages.seeOther(request, "/mina");
        }
        WebTexts t = Pages.texts(request);
        LocalDate today = LocalDate.now(clock);
        Tertial tertial = asked.on(today);
        Scope scope = wide ? Scope.municipality(t) : managerScope(caller, t);
        // what Permissions lets the caller read; a manager's own activities elsewhere are not their department's
        List<ActivityView> views = queries.readable(caller, null).filter(scope::contains).toList();
        OverviewFigures figures = OverviewFigures.count(views, scope.group(), tertial, today, rules, onTime);
        Map<Long, AssessmentState> assessments = records.state(tertial).assessments();
        Map<String, Object> model = new HashMap<>(new OverviewPage(t, scope, figures, today).model(assessments));
        return pages.render(request, "overview", model);
    }

    private Scope managerScope(Caller caller, WebTexts t) {
        String department = departments.findById(caller.departmentId()).map(Department::name).orElse("");
        String unit = caller.unitId() == null ? null
                : units.findById(caller.unitId()).map(OrgUnit::name).orElse(null);
        return new Scope(caller.departmentId(), caller.unitId(), department, unit, t.get("overview.noUnit"));
    }

    /**
     * Whose activities the page counts and how it groups them: the whole municipality by department, or one
     * department (unit) by unit.
     */
    record Scope(Long departmentId, Long unitId, String department, String unit, String noUnit) {

        static Scope municipality(WebTexts t) {
            return new Scope(null, null, null, null, t.get("overview.noUnit"));
        }

        boolean isMunicipality() {
            return departmentId == null;
        }

        boolean contains(ActivityView view) {
            return departmentId == null || departmentId.equals(view.activity().departmentId())
                    && (unitId == null || Objects.equals(unitId, view.activity().unitId()));
        }

        Function<ActivityView, String> group() {
            return isMunicipality() ? ActivityView::department
                    : view -> view.unit() == null || view.unit().isBlank() ? noUnit : view.unit();
        }
    }
}
