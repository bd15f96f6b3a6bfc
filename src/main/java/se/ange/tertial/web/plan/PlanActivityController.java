package se.ange.tertial.web.plan;

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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.activity.ActivityData;
import se.ange.tertial.register.activity.ActivitySource;
import se.ange.tertial.register.activity.ActivityStore;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.NewActivities;
import se.ange.tertial.register.org.Organisation;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.web.ErrorPages;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * Adding, editing (also moving to another goal and changing owners) and ending an activity of the plan, through
 * the API's services ({@link NewActivities}, {@link ActivityStore}, {@link Reporting}), so the rules and audit rows
 * are theirs. Ending one is {@link PlanEndController}'s.
 */
@Controller("/plan/{year}")
@Produces(MediaType.TEXT_HTML)
@Secured({"STAB", "MANAGER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanActivityController {

    private final NewActivities newActivities;
    private final ActivityStore store;
    private final Organisation organisation;
    private final ActivityFormPage formPage;
    private final Pages pages;
    private final ErrorPages errors;

    PlanActivityController(NewActivities newActivities, ActivityStore store,
                           Organisation organisation, ActivityFormPage formPage, Pages pages,
                           ErrorPages errors) {
        this.newActivities = newActivities;
        this.store = store;
        this.organisation = organisation;
        this.formPage = formPage;
        this.pages = pages;
        this.errors = errors;
    }

    @Get("/ny")
    MutableHttpResponse<?> newForm(HttpRequest<?> request, Authentication authentication, @PathVariable String year,
                                   @Nullable @QueryValue String mal) {
        Integer planYear = PlanController.year(year);
        if (planYear == null) {
            return errors.notFound(request);
        }
        Caller caller = Caller.of(authentication);
        return formPage.render(request, caller, planYear, null, formPage.blank(caller, planYear, mal), Map.of(), HttpStatus.OK);
    }

    @Post("/ny")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(HttpRequest<?> request, Authentication authentication, @PathVariable String year,
                                  @Body Map<String, Object> body) {
        Integer planYear = PlanController.year(year);
        if (planYear == null) {
            return errors.notFound(request);
        }
        Caller caller = Caller.of(authentication);
        WebTexts t = Pages.texts(request);
        ActivityForm form = ActivityForm.of(body);
        if (!NewActivities.mayAddAny(caller)) {
            form = withSource(form, ActivitySource.UNIT.name());
        }
        Map<String, String> problems = new HashMap<>();
        ActivityData data = form.read(planYear, t, problems);
        if (data != null) {
            try {
                newActivities.create(data, caller, caller.actor(Channel.WEB));
                return Pages.seeOther(request, "/plan/" + planYear + "?sparad=ny&ref=" + encode(data.ref()) + "#" + anchor(data));
            } catch (ProblemException refused) {
                FormProblems.from(refused, problems);
            }
        }
        return formPage.render(request, caller, planYear, null, form, problems, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Get("/aktivitet/{ref}")
    MutableHttpResponse<?> editForm(HttpRequest<?> request, Authentication authentication, @PathVariable String year,
                                    @PathVariable String ref) {
        Caller caller = Caller.of(authentication);
        Integer planYear = PlanController.year(year);
        return formPage.forChange(request, caller, planYear, ref, view -> {
            return formPage.render(request, caller, planYear, view, ActivityForm.of(ActivityData.of(view)),
                    Map.of(), HttpStatus.OK);
        });
    }

    @Post("/aktivitet/{ref}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> edit(HttpRequest<?> request, Authentication authentication, @PathVariable String year,
                                @PathVariable String ref, @Body Map<String, Object> body) {
        Caller caller = Caller.of(authentication);
        Integer planYear = PlanController.year(year);
        return formPage.forChange(request, caller, planYear, ref, view -> {
            WebTexts t = Pages.texts(request);
            ActivityForm typed = ActivityForm.of(body);
            ActivityForm form = new ActivityForm(view.ref(), typed.title(), typed.description(), typed.goal(),
                    Permissions.canEditPlan(caller) ? typed.source() : view.activity().source().name(), typed.department(),
                    typed.unit(), typed.start(), typed.end(), typed.owners(), typed.ownerEmails());
            Map<String, String> problems = new HashMap<>();
            ActivityData data = form.read(planYear, t, problems);
            if (data != null) {
                newActivities.departmentRefusal(caller, data.department())
                        .ifPresent(reason -> problems.put("a-department", reason));
                newActivities.unitRefusal(caller, data.department(), data.unit())
                        .ifPresent(reason -> problems.put("a-unit", reason));
                if (problems.isEmpty() && organisation.findDepartment(data.department()).isEmpty()) {
                    problems.put("a-department", t.get("plan.form.department.unknown"));
                }
            }
            if (data != null && problems.isEmpty()) {
                try {
                    store.save(data, caller.actor(Channel.WEB));
                    return Pages.seeOther(request, "/plan/" + planYear + "?sparad=andrad&ref=" + encode(data.ref()) + "#" + anchor(data));
                } catch (ProblemException refused) {
                    FormProblems.from(refused, problems);
                }
            }
            return formPage.render(request, caller, planYear, view, form, problems, HttpStatus.UNPROCESSABLE_ENTITY);
        });
    }

    private Optional<ActivityView> readable(String ref, Caller caller, @Nullable Integer year) {
        return formPage.readable(ref, caller, year);
    }

    private static ActivityForm withSource(ActivityForm form, String source) {
        return new ActivityForm(form.ref(), form.title(), form.description(), form.goal(), source, form.department(),
                form.unit(), form.start(), form.end(), form.owners(), form.ownerEmails());
    }

    private static String anchor(ActivityData data) {
        return "ks-" + data.goalRef().replace('.', '-');
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
