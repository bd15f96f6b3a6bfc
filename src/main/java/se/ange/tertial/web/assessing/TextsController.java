package se.ange.tertial.web.assessing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.report.ReportKind;
import se.ange.tertial.report.ReportWork;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.web.ErrorPages;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /rapport/{tertial}/texter?kind=uppsikt|maluppfoljning&department=…}: a report's text sections, each
 * with the text the report shows (Tertial's default while nobody wrote one), saved through the same service as
 * {@code PUT /api/reports/{tertial}/texts}; "Återställ standardtext" (after a confirmation) writes the empty
 * text, which brings the default back. Stab every report; a department's manager their own uppsiktsrapport.
 */
@Controller("/rapport/{tertial}/texter")
@Produces(MediaType.TEXT_HTML)
@Secured({"STAB", "MANAGER"}) // the follow-up workspace, as /rapport/{tertial}; an admin reads reports by API
@ExecuteOn(TaskExecutors.BLOCKING)
class TextsController {

    private final ReportWork work;
    private final TextsPage page;
    private final Pages pages;
    private final ErrorPages errors;

    TextsController(ReportWork work, TextsPage page, Pages pages, ErrorPages errors) {
        this.work = work;
        this.page = page;
        this.pages = pages;
        this.errors = errors;
    }

    @Get
    MutableHttpResponse<?> show(HttpRequest<?> request, @PathVariable String tertial, @Nullable @QueryValue String kind,
                                @Nullable @QueryValue String department, @Nullable @QueryValue String sparad,
                                @Nullable @QueryValue String aterstall, Authentication auth) {
        Optional<TextsPage.Scope> scope = page.scope(Caller.of(auth), tertial, kind, department);
        if (scope.isEmpty()) {
            return errors.notFound(request);
        }
        if (!scope.get().readable()) {
            return errors.forbidden(request);
        }
        WebTexts t = Pages.texts(request);
        String saved = "sparad".equals(sparad) || "aterstalld".equals(sparad) ? t.get("texts.saved." + sparad) : null;
        return pages.render(request, "texter", page.model(scope.get(), t, saved, aterstall, null, null));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<?> request, @PathVariable String tertial, @Nullable @Body("kind") String kind,
                                @Nullable @Body("department") String department, @Nullable @Body("section") String section,
                                @Nullable @Body("text") String text, @Nullable @Body("reset") String reset,
                                Authentication auth) {
        Caller caller = Caller.of(auth);
        Optional<TextsPage.Scope> scope = page.scope(caller, tertial, kind, department);
        if (scope.isEmpty()) {
            return errors.notFound(request);
        }
        if (!scope.get().readable()) {
            return errors.forbidden(request);
        }
        WebTexts t = Pages.texts(request);
        if (scope.get().closed()) { // as the service answers: 409, the page says the tertial is closed
            return pages.render(request, HttpStatus.CONFLICT, "texter", page.model(scope.get(), t, null, null, null, null));
        }
        if (!scope.get().editable()) {
            return errors.forbidden(request);
        }
        Optional<ReportWork.Section> found = work.sections(scope.get().kind(), scope.get().tertial(),
                        scope.get().departmentId()).stream().filter(s -> s.key().equals(section)).findFirst();
        if (found.isEmpty()) {
            return errors.notFound(request);
        }
        boolean resetting = reset != null;
        String body = resetting ? "" : text == null ? "" : text;
        if (!resetting && body.isBlank()) {
            return refused(request, scope.get(), t, HttpStatus.UNPROCESSABLE_ENTITY, section, body,
                    t.get("texts.error.empty"));
        }
        if (body.length() > ReportWork.MAX_TEXT) {
            return refused(request, scope.get(), t, HttpStatus.UNPROCESSABLE_ENTITY, section, body,
                    t.format("texts.error.tooLong", ReportWork.MAX_TEXT, body.length()));
        }
        boolean unchangedDefault = found.get().written() == null && body.strip().equals(found.get().standard().strip());
        if (!unchangedDefault) {
            try {
                work.editTexts(caller, scope.get().kind(), scope.get().tertial(), scope.get().department(),
                        Map.of(section, body));
            } catch (ProblemException refused) {
                if (refused.status().getCode() == 403) {
                    return errors.forbidden(request);
                }
                return refused(request, scope.get(), t, refused.status().getCode() == 409 ? HttpStatus.CONFLICT
                        : HttpStatus.UNPROCESSABLE_ENTITY, section, body, refused.getMessage());
            }
        }
        return Pages.seeOther(request, path(scope.get()) + "&sparad=" + (resetting ? "aterstalld" : "sparad")
                + "#section-" + section);
    }

    private MutableHttpResponse<?> refused(HttpRequest<?> request, TextsPage.Scope scope, WebTexts t, HttpStatus status,
                                           String section, String typed, String message) {
        return pages.render(request, status, "texter", page.model(scope, t, null, null, section,
                new TextsPage.Refusal(section, typed, message)));
    }

    static String path(TextsPage.Scope scope) {
        return "/rapport/" + scope.tertial() + "/texter?kind=" + scope.kind().code()
                + (scope.department() == null ? "" : "&department="
                + URLEncoder.encode(scope.department().name(), StandardCharsets.UTF_8));
    }

    static List<ReportKind> kinds() {
        return List.of(ReportKind.UPPSIKT, ReportKind.MALUPPFOLJNING);
    }

    static Optional<Tertial> tertial(String text) {
        try {
            return Optional.of(Tertial.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
