package se.ange.tertial.web.mine;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import se.ange.tertial.followup.AskedTertial;
import se.ange.tertial.followup.Counted;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.query.ActivityQueries;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;
import se.ange.tertial.web.report.ReportCard;
import se.ange.tertial.web.report.ReportCards;

/**
 * {@code /mina}: the viewer's activities (own, and an absent colleague's as deputy) in the tertial they are
 * asked about, each with its report form; what is still missing first, then what is done.
 */
@Controller("/mina")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MineController {

    private final ActivityQueries queries;
    private final ReportCards cards;
    private final AskedTertial asked;
    private final Pages pages;
    private final Clock clock;

    MineController(ActivityQueries queries, ReportCards cards, AskedTertial asked, Pages pages, Clock clock) {
        this.queries = queries;
        this.cards = cards;
        this.asked = asked;
        this.pages = pages;
        this.clock = clock;
    }

    @Get
    MutableHttpResponse<?> mine(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String sparad) {
        Caller caller = Caller.of(authentication);
        if (caller.personId() == null) {
            return Pages.seeOther(request, "/");
        }
        WebTexts t = Pages.texts(request);
        LocalDate today = LocalDate.now(clock);
        Tertial due = asked.on(today);
        List<ActivityView> held = queries.held(caller)
                .filter(view -> view.facts().isActiveIn(due))
                .sorted(Comparator.comparing((ActivityView view) -> view.facts().hasReportFor(due))
                        .thenComparing(ActivityQueries.MOST_URGENT_FIRST))
                .toList();
        List<ReportCard> all = held.stream()
                .map(view -> cards.card(view, caller, t.language(), "/mina", null, view.ref().equals(sparad)))
                .toList();
        List<ReportCard> missing = all.stream().filter(card -> card.reported() == null).toList();
        List<ReportCard> done = all.stream().filter(card -> card.reported() != null).toList();
        String lead = held.isEmpty() ? t.format("mine.none", due.toString())
                : missing.isEmpty() ? t.format("mine.allDone", due.toString())
                : t.formatAll("mine.lead", Counted.of(missing.size(), Counted.ACTIVITY, t.language()), due.toString(),
                        Dates.near(due.closingDate(), today, t.language()));
        return pages.render(request, "mina", Map.of("title", t.format("mine.title", due.toString()),
                "tertial", due.toString(), "lead", lead, "missing", missing, "done", done,
                "progress", t.format("mine.progress", done.size(), all.size())));
    }
}
