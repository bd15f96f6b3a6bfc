package se.ange.tertial.web.activity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import java.util.stream.Collectors;
import se.ange.tertial.followup.Deviation;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.query.ActivityCsv;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /aktiviteter}: the register's activities the viewer may read, as one of the stab's questions
 * (overdue, missing a report, deviations) or all, narrowed by the filters and a search; paged, and the
 * same list whole as CSV at {@code /aktiviteter.csv}.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ActivityListController {

    static final int PAGE_SIZE = 50;

    private final ActivityListing listing;
    private final ActivityRows rows;
    private final Pages pages;
    private final Clock clock;

    ActivityListController(ActivityListing listing, ActivityRows rows, Pages pages, Clock clock) {
        this.listing = listing;
        this.rows = rows;
        this.pages = pages;
        this.clock = clock;
    }

    @Get(value = "/aktiviteter", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> list(HttpRequest<?> request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        WebTexts t = Pages.texts(request);
        LocalDate today = LocalDate.now(clock);
        ListParams params = ListParams.of(request);
        ActivityListing.Checked checked = listing.check(params, caller, t, today);
        Map<String, Object> model = form(params, caller, t, checked);
        if (!checked.ok()) {
            return pages.render(request, HttpStatus.BAD_REQUEST, "aktiviteter", model);
        }
        List<ActivityView> found = listing.list(caller, checked.asked(), today);
        ListPage page = ListPage.of(params.page(), found.size(), PAGE_SIZE);
        model.put("rows", found.subList(page.from(), page.to()).stream().map(view -> rows.row(view, t, today)).toList());
        model.put("caption", t.format("list.caption." + checked.asked().view().name().toLowerCase(),
                checked.asked().tertial().toString()));
        model.put("shown", found.isEmpty() ? t.get("list.none")
                : t.format("list.shown", page.from() + 1, page.to(), found.size()));
        model.put("pageNotice", page.adjusted() ? t.format("list.pageNotice", page.number()) : null);
        model.put("previous", page.number() > 1 ? params.link("/aktiviteter", page.number() - 1) : null);
        model.put("next", page.number() < page.count() ? params.link("/aktiviteter", page.number() + 1) : null);
        model.put("csv", params.link("/aktiviteter.csv", 1));
        return pages.render(request, "aktiviteter", model);
    }

    /** The whole list (never paged) for Excel; a bad filter answers the page with its message. */
    @Get("/aktiviteter.csv")
    HttpResponse<?> csv(HttpRequest<?> request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        WebTexts t = Pages.texts(request);
        LocalDate today = LocalDate.now(clock);
        ListParams params = ListParams.of(request);
        ActivityListing.Checked checked = listing.check(params, caller, t, today);
        if (!checked.ok()) {
            return pages.render(request, HttpStatus.BAD_REQUEST, "aktiviteter", form(params, caller, t, checked));
        }
        List<ActivityView> found = listing.list(caller, checked.asked(), today);
        String name = "aktiviteter-" + (checked.asked().view() == ListView.ALL ? ""
                : checked.asked().view().value() + "-")
                + (params.department().isEmpty() ? "" : ActivityCsv.slug(params.department()) + "-") + today + ".csv";
        return ActivityCsv.response(name, found, "Avvikelser",
                view -> listing.deviations(view, today).stream().map(Deviation::kind)
                        .map(kind -> kind.label(Language.SV)).collect(Collectors.joining(", ")));
    }

    private Map<String, Object> form(ListParams params, Caller caller, WebTexts t, ActivityListing.Checked checked) {
        List<ActivityView> readable = listing.readable(caller);
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.get("list.title"));
        model.put("form", params.filters());
        model.put("errors", checked.errors());
        model.put("views", FilterChoices.views(params, t));
        model.put("statuses", FilterChoices.statuses(params, t));
        model.put("departments", FilterChoices.departments(readable, params, t));
        model.put("units", FilterChoices.units(readable, params, t));
        model.put("owners", FilterChoices.owners(readable, params, t));
        model.put("rows", List.of());
        return model;
    }
}
