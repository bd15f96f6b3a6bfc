package se.ange.tertial.web.reporting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import se.ange.tertial.followup.AskedTertial;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.report.DepartmentReadiness.Action;
import se.ange.tertial.report.Readiness;
import se.ange.tertial.report.ReportDownloads;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.web.ErrorPages;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /rapport/{tertial}}: the report workspace's main page for stab (every department) and managers (their
 * own): the tertial and whether it is closed, the goals with their suggestion and decision (linking to each
 * goal's page), each department's readiness (the manager marks it ready, stab reviews or sends it back), the
 * documents to download, and for stab the way to close the tertial. Every change goes through the same
 * services as the API ({@link Readiness}, {@link se.ange.tertial.report.TertialRecords}), audited.
 */
@Controller("/rapport")
@Produces(MediaType.TEXT_HTML)
@Secured({"STAB", "MANAGER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportWorkspaceController {

    private static final List<String> SAVED = List.of("klar", "aterkallad", "granskad", "aterskickad", "stangd");

    private final WorkspaceModel model;
    private final Readiness readiness;
    private final ReportDownloads downloads;
    private final DepartmentRepository departments;
    private final AskedTertial asked;
    private final Pages pages;
    private final ErrorPages errors;
    private final Clock clock;

    ReportWorkspaceController(WorkspaceModel model, Readiness readiness, ReportDownloads downloads,
                              DepartmentRepository departments, AskedTertial asked, Pages pages, ErrorPages errors,
                              Clock clock) {
        this.model = model;
        this.readiness = readiness;
        this.downloads = downloads;
        this.departments = departments;
        this.asked = asked;
        this.pages = pages;
        this.errors = errors;
        this.clock = clock;
    }

    /** The tertial being followed up now: the one owners are asked about. */
    @Get
    MutableHttpResponse<?> now(HttpRequest<?> request) {
        return Pages.seeOther(request, "/rapport/" + asked.on(LocalDate.now(clock)));
    }

    @Get("/{tertial}")
    MutableHttpResponse<?> show(HttpRequest<?> request, @PathVariable String tertial, @Nullable @QueryValue String sparad,
                                Authentication authentication) {
        Optional<Tertial> id = parse(tertial);
        if (id.isEmpty()) {
            return errors.notFound(request);
        }
        WebTexts t = Pages.texts(request);
        String saved = sparad != null && SAVED.contains(sparad) ? t.get("rapport.saved." + sparad) : null;
        return pages.render(request, "rapport", model.page(t, id.get(), Caller.of(authentication), saved,
                WorkspaceModel.Refusal.NONE));
    }

    @Post("/{tertial}/beredskap")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> readiness(HttpRequest<?> request, @PathVariable String tertial,
                                     @Nullable @Body("department") String department,
                                     @Nullable @Body("action") String action, @Nullable @Body("note") String note,
                                     Authentication authentication) {
        Optional<Tertial> id = parse(tertial);
        Optional<Department> found = number(department).flatMap(departments::findById);
        Optional<Action> chosen = Arrays.stream(Action.values()).filter(a -> a.name().equals(action)).findFirst();
        if (id.isEmpty() || found.isEmpty() || chosen.isEmpty()) {
            return errors.notFound(request);
        }
        Caller caller = Caller.of(authentication);
        WebTexts t = Pages.texts(request);
        try {
            readiness.change(id.get(), found.get(), chosen.get(), note, caller, Channel.WEB);
        } catch (Readiness.Refused refused) {
            if (refused.status() == HttpStatus.FORBIDDEN) {
                return errors.forbidden(request);
            }
            return pages.render(request, refused.status(), "rapport", model.page(t, id.get(), caller, null,
                    new WorkspaceModel.Refusal(found.get().id(), t.get("rapport.readiness.refused." + refused.refusal()),
                            note == null ? "" : note)));
        } catch (ProblemException invalid) {
            return pages.render(request, HttpStatus.UNPROCESSABLE_ENTITY, "rapport", model.page(t, id.get(), caller,
                    null, new WorkspaceModel.Refusal(found.get().id(), t.format("rapport.readiness.noteTooLong",
                            Readiness.NOTE), note == null ? "" : note)));
        }
        String done = switch (chosen.get()) {
            case MARK_READY -> "klar";
            case TAKE_BACK -> "aterkallad";
            case REVIEW -> "granskad";
            case SEND_BACK -> "aterskickad";
        };
        return Pages.seeOther(request, "/rapport/" + id.get() + "?sparad=" + done + "#beredskap");
    }

    /** The confirmation before closing: what freezing means and who is not ready (stab only). */
    @Get("/{tertial}/stang")
    MutableHttpResponse<?> confirmClose(HttpRequest<?> request, @PathVariable String tertial,
                                        Authentication authentication) {
        Optional<Tertial> id = parse(tertial);
        if (id.isEmpty()) {
            return errors.notFound(request);
        }
        if (!Caller.of(authentication).has(Role.STAB)) {
            return errors.forbidden(request);
        }
        return pages.render(request, "rapport-stang", model.closing(Pages.texts(request), id.get(), null));
    }

    @Post("/{tertial}/stang")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> close(HttpRequest<?> request, @PathVariable String tertial, Authentication authentication) {
        Optional<Tertial> id = parse(tertial);
        if (id.isEmpty()) {
            return errors.notFound(request);
        }
        Caller caller = Caller.of(authentication);
        if (!caller.has(Role.STAB)) {
            return errors.forbidden(request);
        }
        try {
            model.close(id.get(), caller);
        } catch (ProblemException refused) {
            return pages.render(request, refused.status(), "rapport-stang",
                    model.closing(Pages.texts(request), id.get(), refused.getMessage()));
        }
        return Pages.seeOther(request, "/rapport/" + id.get() + "?sparad=stangd");
    }

    /**
     * A report as DOCX, PDF or HTML ({@code kind=uppsikt|maluppfoljning|memo}, {@code format=docx|pdf|html},
     * {@code department=} for uppsikt): the same documents and permission as {@code /api/reports}.
     */
    @Get("/{tertial}/dokument")
    @Produces({"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf",
            MediaType.TEXT_HTML})
    MutableHttpResponse<?> document(HttpRequest<?> request, @PathVariable String tertial,
                                    @Nullable @QueryValue String kind, @Nullable @QueryValue String format,
                                    @Nullable @QueryValue String department, Authentication authentication) {
        Optional<Tertial> id = parse(tertial);
        if (id.isEmpty()) {
            return errors.notFound(request);
        }
        try {
            ReportDownloads.Download file = downloads.download(Caller.of(authentication), id.get(), kind, format,
                    department);
            return HttpResponse.ok(file.body()).contentType(file.mediaType())
                    .header(HttpHeaders.CONTENT_DISPOSITION, file.disposition())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        } catch (ProblemException refused) {
            return refused.status() == HttpStatus.FORBIDDEN ? errors.forbidden(request) : errors.notFound(request);
        }
    }

    private static Optional<Tertial> parse(String text) {
        try {
            return Optional.of(Tertial.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(@Nullable String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
