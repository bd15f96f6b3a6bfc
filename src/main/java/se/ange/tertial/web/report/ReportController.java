package se.ange.tertial.web.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Status;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.Reporting;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.web.ErrorPages;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * A status report from a page ({@code /mina} or the activity's page): the same report as by chat, mail or the
 * API ({@link Reporting}, channel WEB, audited), for the same asked tertial. A deviation needs a comment, as
 * in chat and Slack. With htmx the answer is the activity's card; without, a redirect back (or the form again
 * with its errors).
 */
@Controller("/aktiviteter")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportController {

    private final ActivityCatalog catalog;
    private final Reporting reporting;
    private final ReportCards cards;
    private final Pages pages;
    private final ErrorPages errors;

    ReportController(ActivityCatalog catalog, Reporting reporting, ReportCards cards, Pages pages, ErrorPages errors) {
        this.catalog = catalog;
        this.reporting = reporting;
        this.cards = cards;
        this.pages = pages;
        this.errors = errors;
    }

    @Post("/{ref}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> report(HttpRequest<?> request, @PathVariable String ref, @Nullable @Body("status") String status,
                                  @Nullable @Body("comment") String comment, @Nullable @Body("from") String from,
                                  @Nullable @Body("tertial") String shownTertial,
                                  Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Optional<ActivityView> found = catalog.byRef(ref).filter(view -> Permissions.canRead(caller, view));
        if (found.isEmpty()) {
            return errors.notFound(request);
        }
        if (!Permissions.canReport(caller, found.get())) {
            return errors.forbidden(request);
        }
        WebTexts t = Pages.texts(request);
        String back = "/aktiviteter/" + ref;
        String returnTo = "/mina".equals(from) ? "/mina" : back;
        Optional<Status> chosen = Arrays.stream(Status.values()).filter(s -> s.name().equals(status)).findFirst();
        String text = comment == null ? "" : comment.strip();
        String statusError = chosen.isEmpty() ? t.get("card.error.status") : null;
        String commentError = null;
        if (chosen.isPresent() && chosen.get().isWithDeviation() && text.isEmpty()) {
            commentError = t.format("card.error.comment", chosen.get().label(t.language()));
        } else if (text.length() > Limits.COMMENT) {
            commentError = t.format("card.error.tooLong", Limits.COMMENT, text.length());
        }
        String now = cards.tertialFor(found.get()).toString();
        if (shownTertial != null && !shownTertial.isBlank() && !shownTertial.equals(now)) {
            // the form was shown for another tertial (the asked one moved on since): never file it silently
            return refused(request, found.get(), caller, t, returnTo, new ReportCards.Posted(chosen.orElse(null), text,
                    null, null, t.format("card.error.tertialMoved", shownTertial, now)));
        }
        if (statusError != null || commentError != null) {
            return refused(request, found.get(), caller, t, returnTo,
                    new ReportCards.Posted(chosen.orElse(null), text, statusError, commentError, null));
        }
        try {
            reporting.report(ref, cards.tertialFor(found.get()), chosen.get(), text, caller.actor(Channel.WEB));
        } catch (ProblemException problem) {
            return refused(request, found.get(), caller, t, returnTo,
                    new ReportCards.Posted(chosen.get(), text, null, null, problem.getMessage()));
        }
        ActivityView saved = catalog.byRef(ref).orElseThrow();
        if (Pages.isHtmx(request) && "/mina".equals(returnTo)) {
            return pages.render(request, "report-card", Map.of("card",
                    cards.card(saved, caller, t.language(), returnTo, null, true)));
        }
        // the activity's own page shows its history too: it is loaded again (htmx follows HX-Redirect)
        return Pages.seeOther(request, returnTo + "?sparad=" + ref + "#" + cards.card(saved, caller, t.language(),
                returnTo).id());
    }

    private MutableHttpResponse<?> refused(HttpRequest<?> request, ActivityView view, Caller caller, WebTexts t,
                                           String returnTo, ReportCards.Posted posted) {
        ReportCard card = cards.card(view, caller, t.language(), returnTo, posted, false);
        if (Pages.isHtmx(request)) {
            return pages.render(request, HttpStatus.UNPROCESSABLE_ENTITY, "report-card", Map.of("card", card));
        }
        return pages.render(request, HttpStatus.UNPROCESSABLE_ENTITY, "report-form",
                Map.of("card", card, "title", t.format("card.formTitle", card.title())));
    }

}
