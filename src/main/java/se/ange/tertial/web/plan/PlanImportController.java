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
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Counted;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.activity.NewActivities;
import se.ange.tertial.register.importer.ActivityPlanImport;
import se.ange.tertial.register.importer.ImportLine;
import se.ange.tertial.register.importer.ImportResult;
import se.ange.tertial.register.importer.OwnActivityImport;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.system.Rehearsal;
import se.ange.tertial.web.ErrorPages;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * Importing activities from the plan's CSV in two steps: upload and see what the import would do — each line
 * created, updated or unchanged, or every refused line with its reason — with nothing stored (the real import,
 * rehearsed and rolled back by {@link Rehearsal}); then import the very same text, all or nothing. The text is
 * carried from the preview to the import in the page (a hidden field), so nothing is kept on the server between the
 * steps, and the import checks it again. Stab imports the board's plan or departments' own activities; a manager
 * their department's own.
 */
@Controller("/plan/{year}/import")
@Produces(MediaType.TEXT_HTML)
@Secured({"STAB", "MANAGER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanImportController {

    static final String PLAN = "plan";
    static final String OWN = "egna";

    private final ActivityPlanImport plan;
    private final OwnActivityImport own;
    private final Rehearsal rehearsal;
    private final Pages pages;
    private final ErrorPages errors;

    PlanImportController(ActivityPlanImport plan, OwnActivityImport own, Rehearsal rehearsal, Pages pages,
                         ErrorPages errors) {
        this.plan = plan;
        this.own = own;
        this.rehearsal = rehearsal;
        this.pages = pages;
        this.errors = errors;
    }

    @Get
    MutableHttpResponse<?> form(HttpRequest<?> request, Authentication authentication, @PathVariable String year) {
        Integer planYear = PlanController.year(year);
        if (planYear == null) {
            return errors.notFound(request);
        }
        Caller caller = Caller.of(authentication);
        return upload(request, caller, planYear, NewActivities.mayAddAny(caller) ? PLAN : OWN, null, HttpStatus.OK);
    }

    @Post(value = "/granska", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> preview(HttpRequest<?> request, Authentication authentication, @PathVariable String year,
                                   @Nullable @Part("file") CompletedFileUpload file, @Nullable @Part("kind") String kind) {
        Integer planYear = PlanController.year(year);
        if (planYear == null) {
            return errors.notFound(request);
        }
        Caller caller = Caller.of(authentication);
        WebTexts t = Pages.texts(request);
        String chosen = kind(caller, kind);
        String csv;
        try {
            csv = file == null || file.getSize() == 0 ? "" : new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            csv = "";
        }
        if (csv.isBlank()) {
            return upload(request, caller, planYear, chosen, t.get("plan.import.file.missing"), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        String text = csv;
        try {
            List<ImportLine> lines = rehearsal.rehearse(() -> run(chosen, text, caller));
            return result(request, planYear, chosen, text, file.getFilename(), lines, null, HttpStatus.OK);
        } catch (ProblemException refused) {
            return result(request, planYear, chosen, text, file.getFilename(), List.of(), refused,
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> importAll(HttpRequest<?> request, Authentication authentication, @PathVariable String year,
                                     @Body Map<String, Object> body) {
        Integer planYear = PlanController.year(year);
        if (planYear == null) {
            return errors.notFound(request);
        }
        Caller caller = Caller.of(authentication);
        WebTexts t = Pages.texts(request);
        String chosen = kind(caller, ActivityForm.one(body, "kind"));
        String csv;
        try {
            csv = new String(Base64.getDecoder().decode(ActivityForm.one(body, "csv")), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            csv = "";
        }
        if (csv.isBlank()) {
            return upload(request, caller, planYear, chosen, t.get("plan.import.file.missing"), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            ImportResult done = ImportLine.counted(run(chosen, csv, caller));
            return Pages.seeOther(request, "/plan/" + planYear + "?sparad=import&skapade=" + done.created()
                    + "&andrade=" + done.updated() + "&oforandrade=" + done.unchanged());
        } catch (ProblemException refused) {
            // the register changed since the preview: show why, nothing was stored
            return result(request, planYear, chosen, csv, ActivityForm.one(body, "fileName"), List.of(), refused,
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private List<ImportLine> run(String kind, String csv, Caller caller) {
        return PLAN.equals(kind) ? plan.runLines(csv, false, null, caller.actor(Channel.WEB))
                : own.runLines(csv, null, caller, caller.actor(Channel.WEB));
    }

    /** The plan is stab's; anything else is an own-activities import (a manager's only kind). */
    private static String kind(Caller caller, @Nullable String asked) {
        return PLAN.equals(asked) && NewActivities.mayAddAny(caller) ? PLAN : OWN;
    }

    private MutableHttpResponse<?> upload(HttpRequest<?> request, Caller caller, int year, String kind,
                                          @Nullable String problem, HttpStatus status) {
        WebTexts t = Pages.texts(request);
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.format("plan.import.title", String.valueOf(year)));
        model.put("year", year);
        model.put("chooseKind", NewActivities.mayAddAny(caller));
        model.put("kinds", List.of(new ActivityFormPage.Option(PLAN, t.get("plan.import.kind.plan"), PLAN.equals(kind)),
                new ActivityFormPage.Option(OWN, t.get("plan.import.kind.own"), OWN.equals(kind))));
        model.put("problem", problem);
        model.put("back", "/plan/" + year);
        return pages.render(request, status, "plan-import", model);
    }

    private MutableHttpResponse<?> result(HttpRequest<?> request, int year, String kind, String csv,
                                          @Nullable String fileName, List<ImportLine> lines,
                                          @Nullable ProblemException refused, HttpStatus status) {
        WebTexts t = Pages.texts(request);
        ImportResult counts = ImportLine.counted(lines);
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.format("plan.preview.title", String.valueOf(year)));
        model.put("year", year);
        model.put("kindLabel", t.get(PLAN.equals(kind) ? "plan.import.kind.plan" : "plan.import.kind.own"));
        model.put("kind", kind);
        model.put("fileName", fileName == null ? "" : fileName);
        model.put("refused", refused == null ? List.of() : ImportPreview.refusals(refused, t));
        model.put("refusedSummary", refused == null ? null : refused.getMessage());
        model.put("lines", lines.stream().map(line -> new ImportPreview.Line(line.line(), line.ref(), line.title(),
                t.get("plan.preview.outcome." + line.outcome().name()))).toList());
        model.put("counts", t.formatAll("plan.preview.counts", counts.created(), counts.updated(), counts.unchanged()));
        model.put("csv", Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8)));
        model.put("button", t.format("plan.preview.button", Counted.of(lines.size(), Counted.ACTIVITY, t.language())));
        model.put("again", "/plan/" + year + "/import");
        model.put("back", "/plan/" + year);
        return pages.render(request, status, "plan-import-preview", model);
    }
}
