package se.ange.tertial.web.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.ange.tertial.followup.Counted;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.activity.NewActivities;
import se.ange.tertial.system.Limits;
import se.ange.tertial.web.ErrorPages;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /plan/{year}}: the year's goal tree — KF goals, KS goals with their measures, the activities toward
 * each (the board's and departments' own) — with a year switcher. Stab edits everything; a manager reads the
 * goals and their department's activities and adds and edits the department's own. Owners and others: 403.
 */
@Controller("/plan")
@Produces(MediaType.TEXT_HTML)
@Secured({"STAB", "MANAGER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanController {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final List<String> SAVED = List.of("ny", "andrad", "avslutad", "import", "kopierad");

    private final PlanTree tree;
    private final Pages pages;
    private final ErrorPages errors;
    private final Clock clock;

    PlanController(PlanTree tree, Pages pages, ErrorPages errors, Clock clock) {
        this.tree = tree;
        this.pages = pages;
        this.errors = errors;
        this.clock = clock;
    }

    /** To this year's plan, or the newest year that has one. */
    @Get
    MutableHttpResponse<?> current(HttpRequest<?> request) {
        int year = LocalDate.now(clock.withZone(STOCKHOLM)).getYear();
        List<Integer> years = tree.years();
        if (!years.contains(year) && !years.isEmpty()) {
            year = years.get(years.size() - 1);
        }
        return Pages.seeOther(request, "/plan/" + year);
    }

    @Get("/{year}")
    MutableHttpResponse<?> show(HttpRequest<?> request, Authentication authentication, @PathVariable String year,
                                @Nullable @QueryValue String sparad, @Nullable @QueryValue String ref,
                                @Nullable @QueryValue String skapade, @Nullable @QueryValue String andrade,
                                @Nullable @QueryValue String oforandrade) {
        Integer planYear = year(year);
        if (planYear == null) {
            return errors.notFound(request);
        }
        Caller caller = Caller.of(authentication);
        WebTexts t = Pages.texts(request);
        List<PlanTree.Kf> goals = tree.of(planYear, caller, t);
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.format("plan.title", String.valueOf(planYear)));
        model.put("year", planYear);
        model.put("years", tree.yearLinks(planYear));
        model.put("tree", goals);
        model.put("empty", goals.isEmpty());
        model.put("stab", Permissions.canEditPlan(caller));
        model.put("mayAdd", !goals.isEmpty());
        model.put("ownOnly", !NewActivities.mayAddAny(caller));
        long ks = goals.stream().mapToLong(kf -> kf.goals().size()).sum();
        long activities = goals.stream().flatMap(kf -> kf.goals().stream()).mapToLong(g -> g.activities().size()).sum();
        model.put("summary", t.format("plan.summary", goals.size(), ks,
                Counted.of(activities, Counted.ACTIVITY, t.language())));
        model.put("saved", saved(t, sparad, ref, skapade, andrade, oforandrade, planYear));
        return pages.render(request, "plan", model);
    }

    private static @Nullable String saved(WebTexts t, @Nullable String sparad, @Nullable String ref,
                                          @Nullable String created, @Nullable String updated,
                                          @Nullable String unchanged, int year) {
        if (sparad == null || !SAVED.contains(sparad)) {
            return null;
        }
        return switch (sparad) {
            case "import" -> t.formatAll("plan.saved.import", count(created), count(updated), count(unchanged));
            case "kopierad" -> t.format("plan.saved.kopierad", String.valueOf(year - 1), String.valueOf(year));
            default -> ref == null || NewActivities.badRef(ref) != null ? null : t.format("plan.saved." + sparad, ref);
        };
    }

    private static int count(@Nullable String number) {
        return number != null && number.matches("\\d{1,6}") ? Integer.parseInt(number) : 0;
    }

    /** A plan year from the path, or null when it is none. */
    static @Nullable Integer year(String text) {
        if (!text.matches("\\d{4}")) {
            return null;
        }
        int year = Integer.parseInt(text);
        return year < Limits.FIRST_YEAR || year > Limits.LAST_YEAR ? null : year;
    }
}
