package se.ange.tertial.web.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.StatusReport;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.web.ErrorPages;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;
import se.ange.tertial.web.report.ReportCards;

/**
 * {@code /aktiviteter/{ref}}: one activity with its goal, people, deviations today and history (newest
 * first, with names), and its report form when the viewer may report. An activity the viewer may not read
 * answers the same 404 as one that does not exist, so references cannot be probed.
 */
@Controller("/aktiviteter/{ref}")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ActivityPageController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ActivityCatalog catalog;
    private final ActivityListing listing;
    private final PersonRepository people;
    private final ReportCards cards;
    private final ErrorPages errors;
    private final Pages pages;
    private final Clock clock;

    ActivityPageController(ActivityCatalog catalog, ActivityListing listing, PersonRepository people,
                           ReportCards cards, ErrorPages errors, Pages pages, Clock clock) {
        this.catalog = catalog;
        this.listing = listing;
        this.people = people;
        this.cards = cards;
        this.errors = errors;
        this.pages = pages;
        this.clock = clock;
    }

    @Get
    MutableHttpResponse<?> show(HttpRequest<?> request, @PathVariable String ref, @Nullable @QueryValue String sparad,
                                Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Optional<ActivityView> found = catalog.byRef(ref).filter(view -> Permissions.canRead(caller, view));
        if (found.isEmpty()) {
            return errors.notFound(request);
        }
        ActivityView view = found.get();
        WebTexts t = Pages.texts(request);
        LocalDate today = LocalDate.now(clock);
        Map<Long, Person> named = people(view);
        Map<String, Object> model = new HashMap<>();
        model.put("title", view.activity().title());
        model.put("ref", view.ref());
        model.put("description", view.activity().description());
        model.put("goal", view.goal().ref() + " " + view.goal().title());
        model.put("kfGoal", view.kfGoal() == null ? null : view.kfGoal().ref() + " " + view.kfGoal().title());
        model.put("place", ActivityRows.place(view));
        model.put("owners", view.owners().stream().map(Person::name).collect(Collectors.joining(", ")));
        model.put("deputies", view.owners().stream().map(Person::deputyId).filter(Objects::nonNull).distinct()
                .map(named::get).filter(Objects::nonNull).map(Person::name).collect(Collectors.joining(", ")));
        model.put("dates", t.format("activity.dates", Dates.full(view.activity().startDate(), t.language()),
                Dates.full(view.activity().endDate(), t.language())));
        model.put("status", ActivityRows.status(view, t));
        model.put("deviations", listing.deviations(view, today).stream()
                .map(d -> d.kind().label(t.language())).toList());
        model.put("history", history(view, named, t));
        model.put("card", Permissions.canReport(caller, view)
                ? cards.card(view, caller, t.language(), "/aktiviteter/" + ref, null, ref.equals(sparad)) : null);
        return pages.render(request, "aktivitet", model);
    }

    private List<HistoryRow> history(ActivityView view, Map<Long, Person> named, WebTexts t) {
        List<StatusReport> newestFirst = new ArrayList<>(view.reports());
        newestFirst.sort(Comparator.comparing(StatusReport::receivedAt).reversed());
        Function<StatusReport, String> who = report -> Optional.ofNullable(report.reporterId()).map(named::get)
                .map(Person::name).orElse(report.reportedBy());
        return newestFirst.stream().map(report -> new HistoryRow(
                WHEN.format(report.receivedAt().atZone(clock.getZone())), report.tertial(),
                report.status().label(t.language()), who.apply(report),
                t.get("history.channel." + report.channel().name()),
                report.comment() == null ? "" : report.comment())).toList();
    }

    /** The reporters and the owners' deputies, by id, in one look-up. */
    private Map<Long, Person> people(ActivityView view) {
        Set<Long> ids = new HashSet<>();
        view.reports().stream().map(StatusReport::reporterId).filter(Objects::nonNull).forEach(ids::add);
        view.owners().stream().map(Person::deputyId).filter(Objects::nonNull).forEach(ids::add);
        Collection<Person> found = ids.isEmpty() ? List.of() : people.findByIdIn(ids);
        return found.stream().collect(Collectors.toMap(Person::id, Function.identity()));
    }
}
