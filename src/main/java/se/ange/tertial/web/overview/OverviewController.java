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
import java.util.Map;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.web.Pages;

/** {@code /}: the tertial at a glance for managers and stab; an owner is taken to {@code /mina}. */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class OverviewController {

    private final Pages pages;

    OverviewController(Pages pages) {
        this.pages = pages;
    }

    @Get
    MutableHttpResponse<?> overview(HttpRequest<?> request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        boolean overview = caller.has(Role.MANAGER) || caller.has(Role.STAB) || caller.has(Role.ADMIN);
        if (!overview) {
            return Pages.seeOther(request, "/mina");
        }
        return pages.render(request, "overview", Map.of("title", Pages.texts(request).get("nav.overview")));
    }
}
