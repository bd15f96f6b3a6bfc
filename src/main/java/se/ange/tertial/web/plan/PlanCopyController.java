package se.ange.tertial.web.plan;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.plan.CopyResult;
import se.ange.tertial.register.plan.PlanCopy;
import se.ange.tertial.system.Database;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.system.Rehearsal;
import se.ange.tertial.web.ErrorPages;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * Opening next year from this year's plan, stab's: first what the copy would do ({@link PlanCopy} rehearsed and
 * rolled back: goals, measures and unfinished activities copied, completed ones left behind), then the copy.
 */
@Controller("/plan/{year}/kopiera")
@Produces(MediaType.TEXT_HTML)
@Secured("STAB")
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanCopyController {

    record Copied(String from, String title, String ref, String period, boolean endDateToSet) {
    }

    private final PlanCopy planCopy;
    private final ActivityCatalog catalog;
    private final Rehearsal rehearsal;
    private final Pages pages;
    private final ErrorPages errors;

    PlanCopyController(PlanCopy planCopy, ActivityCatalog catalog, Rehearsal rehearsal, Pages pages, ErrorPages errors) {
        this.planCopy = planCopy;
        this.catalog = catalog;
        this.rehearsal = rehearsal;
        this.pages = pages;
        this.errors = errors;
    }

    @Get
    MutableHttpResponse<?> preview(HttpRequest<?> request, Authentication authentication, @PathVariable String year) {
        Integer from = PlanController.year(year);
        if (from == null || from >= se.ange.tertial.system.Limits.LAST_YEAR) {
            return errors.notFound(request);
        }
        Caller caller = Caller.of(authentication);
        try {
            CopyResult result = rehearsal.rehearse(() -> planCopy.copy(from, from + 1, caller.actor(Channel.WEB)));
            return page(request, from, result, null, HttpStatus.OK);
        } catch (ProblemException refused) {
            return page(request, from, null, refused.getMessage(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> copy(HttpRequest<?> request, Authentication authentication, @PathVariable String year) {
        Integer from = PlanController.year(year);
        if (from == null || from >= se.ange.tertial.system.Limits.LAST_YEAR) {
            return errors.notFound(request);
        }
        Caller caller = Caller.of(authentication);
        WebTexts t = Pages.texts(request);
        try {
            planCopy.copy(from, from + 1, caller.actor(Channel.WEB));
            return Pages.seeOther(request, "/plan/" + (from + 1) + "?sparad=kopierad");
        } catch (ProblemException refused) {
            return page(request, from, null, refused.getMessage(), HttpStatus.UNPROCESSABLE_ENTITY);
        } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) { // two copies at once: the other one's work is there
                return page(request, from, null, t.get("plan.copy.collision"), HttpStatus.CONFLICT);
            }
            throw e;
        }
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, int from, CopyResult result, String problem,
                                        HttpStatus status) {
        WebTexts t = Pages.texts(request);
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.format("plan.copy.title", String.valueOf(from), String.valueOf(from + 1)));
        model.put("from", from);
        model.put("to", from + 1);
        model.put("problem", problem);
        model.put("back", "/plan/" + from);
        if (result != null) {
            Map<String, String> titles = catalog.all().stream()
                    .collect(Collectors.toMap(ActivityView::ref, v -> v.activity().title(), (a, b) -> a));
            List<Copied> copied = result.copied().stream().map(c -> new Copied(c.from(), titles.getOrDefault(c.from(), ""),
                    c.ref(), Dates.full(c.startDate(), t.language()) + " – " + Dates.full(c.endDate(), t.language()),
                    c.endDateToSet())).toList();
            model.put("copied", copied);
            model.put("goals", t.format("plan.copy.goals", result.goals().copied(), result.goals().alreadyThere()));
            model.put("measures", t.format("plan.copy.measures", result.measures().copied(), result.measures().alreadyThere()));
            model.put("activities", t.format("plan.copy.activities", result.activities().copied(),
                    result.activities().alreadyThere()));
            model.put("completed", t.format("plan.copy.completed", result.completedNotCopied()));
            model.put("button", t.format("plan.copy.button", String.valueOf(from + 1)));
        }
        return pages.render(request, status, "plan-kopiera", model);
    }
}
