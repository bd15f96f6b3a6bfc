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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.goal.GoalRepository;
import se.ange.tertial.report.GoalAssessments;
import se.ange.tertial.report.ReportWork;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.web.ErrorPages;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /rapport/{tertial}/mal/{year}/{ref}}: one KS goal in a tertial — the suggestion and how it was reached,
 * the decision (four levels) with its analysis, and the measures' outcomes. Saved through the same rules as
 * {@code PUT /api/goals/…/assessments/…} and {@code …/measures/{id}/outcomes/…} ({@link ReportWork}); stab
 * decides every goal, a manager the goals wholly in their department, and sees (read only) the goals they share.
 */
@Controller("/rapport/{tertial}/mal/{year}/{ref}")
@Produces(MediaType.TEXT_HTML)
@Secured({"STAB", "MANAGER"}) // the follow-up workspace, as /rapport/{tertial}; an admin reads reports by API
@ExecuteOn(TaskExecutors.BLOCKING)
class GoalPageController {

    /** One error: the field it belongs to (the id the summary links to) and what to do. */
    record Problem(String field, String message) {
    }

    private final GoalRepository goals;
    private final GoalAssessments assessments;
    private final ReportWork work;
    private final GoalPage page;
    private final Pages pages;
    private final ErrorPages errors;

    GoalPageController(GoalRepository goals, GoalAssessments assessments, ReportWork work, GoalPage page,
                       Pages pages, ErrorPages errors) {
        this.goals = goals;
        this.assessments = assessments;
        this.work = work;
        this.page = page;
        this.pages = pages;
        this.errors = errors;
    }

    @Get
    MutableHttpResponse<?> show(HttpRequest<?> request, @PathVariable String tertial, @PathVariable String year,
                                @PathVariable String ref, @Nullable @QueryValue String sparad, Authentication auth) {
        return render(request, auth, tertial, year, ref, HttpStatus.OK, saved(sparad), List.of(), Map.of());
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> decide(HttpRequest<?> request, @PathVariable String tertial, @PathVariable String year,
                                  @PathVariable String ref, @Nullable @Body("assessment") String assessment,
                                  @Nullable @Body("analysis") String analysis, Authentication auth) {
        Optional<Target> target = target(tertial, year, ref);
        if (target.isEmpty()) {
            return errors.notFound(request);
        }
        WebTexts t = Pages.texts(request);
        Map<String, String> typed = new HashMap<>();
        typed.put("assessment", assessment == null ? "" : assessment);
        typed.put("analysis", analysis == null ? "" : analysis);
        List<Problem> problems = new ArrayList<>();
        Optional<GoalAssessment> chosen = assessment == null ? Optional.empty()
                : java.util.Arrays.stream(GoalAssessment.values()).filter(a -> a.name().equals(assessment)).findFirst();
        if (chosen.isEmpty()) {
            problems.add(new Problem("assessment-" + GoalAssessment.UPPFYLLD.name(), t.get("assess.error.assessment")));
        }
        if (analysis != null && analysis.length() > Limits.COMMENT) {
            problems.add(new Problem("analysis", t.format("assess.error.tooLong", Limits.COMMENT, analysis.length())));
        }
        if (problems.isEmpty()) {
            try {
                work.decide(Caller.of(auth), Channel.WEB, target.get().goal(), target.get().tertial(), chosen.get(), analysis);
                return Pages.seeOther(request, path(target.get()) + "?sparad=bedomning");
            } catch (ProblemException refused) {
                if (refused.status().getCode() == 403) {
                    return errors.forbidden(request);
                }
                problems.add(new Problem("assessment-" + GoalAssessment.UPPFYLLD.name(), refused.getMessage()));
                return render(request, auth, tertial, year, ref, refusedStatus(refused), null, problems, typed);
            }
        }
        return render(request, auth, tertial, year, ref, HttpStatus.UNPROCESSABLE_ENTITY, null, problems, typed);
    }

    @Post("/matt/{measure}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> outcome(HttpRequest<?> request, @PathVariable String tertial, @PathVariable String year,
                                   @PathVariable String ref, @PathVariable String measure,
                                   @Nullable @Body("value") String value, @Nullable @Body("comment") String comment,
                                   Authentication auth) {
        Optional<Target> target = target(tertial, year, ref);
        if (target.isEmpty() || !measure.matches("\\d{1,18}")) {
            return errors.notFound(request);
        }
        WebTexts t = Pages.texts(request);
        Map<String, String> typed = Map.of("value-" + measure, value == null ? "" : value,
                "comment-" + measure, comment == null ? "" : comment);
        List<Problem> problems = new ArrayList<>();
        if (value == null || value.isBlank()) {
            problems.add(new Problem("value-" + measure, t.get("assess.error.value")));
        } else if (comment != null && comment.length() > Limits.COMMENT) {
            problems.add(new Problem("comment-" + measure, t.format("assess.error.tooLong", Limits.COMMENT, comment.length())));
        } else {
            try {
                work.reportOutcome(Caller.of(auth), Channel.WEB, target.get().goal(), Long.parseLong(measure), target.get().tertial(),
                        value, comment);
                return Pages.seeOther(request, path(target.get()) + "?sparad=matt#measure-" + measure);
            } catch (ProblemException refused) {
                if (refused.status().getCode() == 403) {
                    return errors.forbidden(request);
                }
                if (refused.status().getCode() == 404) {
                    return errors.notFound(request);
                }
                boolean number = refused.errors().stream().anyMatch(e -> "value".equals(e.field()));
                problems.add(number ? new Problem("value-" + measure, t.get("assess.error.value"))
                        : new Problem("value-" + measure, refused.getMessage()));
                return render(request, auth, tertial, year, ref, refusedStatus(refused), null, problems, typed);
            }
        }
        return render(request, auth, tertial, year, ref, HttpStatus.UNPROCESSABLE_ENTITY, null, problems, typed);
    }

    /** The goal and tertial a path names, when both exist and the tertial is of the goal's year. */
    record Target(Goal goal, Tertial tertial) {
    }

    private Optional<Target> target(String tertial, String year, String ref) {
        Tertial id;
        int plan;
        try {
            id = Tertial.parse(tertial);
            plan = Integer.parseInt(year);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (id.year() != plan || ref.length() > Limits.GOAL_REF) {
            return Optional.empty();
        }
        return goals.findByLevelAndYearAndRef(GoalLevel.KS, plan, ref).map(goal -> new Target(goal, id));
    }

    private MutableHttpResponse<?> render(HttpRequest<?> request, Authentication auth, String tertial, String year,
                                          String ref, HttpStatus status, @Nullable String saved,
                                          List<Problem> problems, Map<String, String> typed) {
        Optional<Target> target = target(tertial, year, ref);
        if (target.isEmpty()) {
            return errors.notFound(request);
        }
        Caller caller = Caller.of(auth);
        Goal goal = target.get().goal();
        GoalAssessments.View view = assessments.view(goal, target.get().tertial());
        if (!ReportWork.mayRead(caller, view.activities())) {
            return errors.forbidden(request);
        }
        WebTexts t = Pages.texts(request);
        Map<String, Object> model = page.model(caller, goal, target.get().tertial(), view, t, typed);
        Map<String, String> fieldErrors = new java.util.LinkedHashMap<>();
        problems.forEach(p -> fieldErrors.putIfAbsent(p.field(), p.message()));
        model.put("problems", problems);
        model.put("errors", fieldErrors);
        model.put("saved", saved == null ? null : t.get("assess.saved." + saved));
        model.put("back", "/rapport/" + target.get().tertial());
        List<Goal> readable = page.readable(caller, target.get().tertial(), goal.year());
        int at = readable.stream().map(Goal::id).toList().indexOf(goal.id());
        model.put("previous", at > 0 ? link(readable.get(at - 1), target.get().tertial()) : null);
        model.put("next", at >= 0 && at < readable.size() - 1 ? link(readable.get(at + 1), target.get().tertial()) : null);
        return pages.render(request, status, "mal", model);
    }

    record Link(String href, String ref, String title) {
    }

    private static Link link(Goal goal, Tertial tertial) {
        return new Link(path(new Target(goal, tertial)), goal.ref(), goal.title());
    }

    static String path(Target target) {
        return "/rapport/%s/mal/%d/%s".formatted(target.tertial(), target.goal().year(), target.goal().ref());
    }

    /** 409 for a closed tertial (the services' answer), else 422. */
    private static HttpStatus refusedStatus(ProblemException refused) {
        return refused.status().getCode() == 409 ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
    }

    private static @Nullable String saved(@Nullable String sparad) {
        return "bedomning".equals(sparad) || "matt".equals(sparad) ? sparad : null;
    }
}
