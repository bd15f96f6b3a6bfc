package se.ange.tertial.web.plan;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Status;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.activity.Reporting;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * Ending an activity of the plan, after a page that says what it means: it is reported completed (Avslutad enligt
 * plan, or med avvikelse with a comment) for the tertial it is followed up in, through {@link Reporting} like every
 * report. It is then not asked about again, not overdue and not copied into next year's plan; its history and
 * planned dates stay. Who may: whoever may edit it ({@link Permissions#canEditActivity}).
 */
@Controller("/plan/{year}/aktivitet/{ref}/avsluta")
@Produces(MediaType.TEXT_HTML)
@Secured({"STAB", "MANAGER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanEndController {

    private final Reporting reporting;
    private final ActivityFormPage formPage;

    PlanEndController(Reporting reporting, ActivityFormPage formPage) {
        this.reporting = reporting;
        this.formPage = formPage;
    }

    @Get
    MutableHttpResponse<?> endForm(HttpRequest<?> request, Authentication authentication, @PathVariable String year,
                                   @PathVariable String ref) {
        Caller caller = Caller.of(authentication);
        Integer planYear = PlanController.year(year);
        return formPage.forChange(request, caller, planYear, ref, view -> {
            return formPage.endPage(request, planYear, view, reporting.askedTertial(ref), "", "", null, HttpStatus.OK);
        });
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> end(HttpRequest<?> request, Authentication authentication, @PathVariable String year,
                               @PathVariable String ref, @Body Map<String, Object> body) {
        Caller caller = Caller.of(authentication);
        Integer planYear = PlanController.year(year);
        return formPage.forChange(request, caller, planYear, ref, view -> {
            WebTexts t = Pages.texts(request);
            String chosen = ActivityForm.one(body, "status");
            String comment = ActivityForm.one(body, "comment");
            Status status = Status.AVSLUTAD_ENLIGT_PLAN.name().equals(chosen) ? Status.AVSLUTAD_ENLIGT_PLAN
                    : Status.AVSLUTAD_MED_AVVIKELSE.name().equals(chosen) ? Status.AVSLUTAD_MED_AVVIKELSE : null;
            String problem = status == null ? t.get("plan.end.status.missing")
                    : status == Status.AVSLUTAD_MED_AVVIKELSE && comment.isBlank() ? t.get("plan.end.comment.missing") : null;
            if (problem == null) {
                try {
                    reporting.report(view.ref(), reporting.askedTertial(view.ref()), status, comment,
                            caller.actor(Channel.WEB));
                    return Pages.seeOther(request, "/plan/" + planYear + "?sparad=avslutad&ref=" + encode(view.ref()));
                } catch (ProblemException refused) {
                    problem = refused.getMessage();
                }
            }
            return formPage.endPage(request, planYear, view, reporting.askedTertial(ref), chosen, comment, problem,
                    HttpStatus.UNPROCESSABLE_ENTITY);
        });
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
