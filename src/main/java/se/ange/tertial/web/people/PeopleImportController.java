package se.ange.tertial.web.people;

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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.importer.ImportResult;
import se.ange.tertial.register.importer.PeopleImport;
import se.ange.tertial.system.ProblemError;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /personer/import}: the admin uploads the people CSV and first sees what it would do — created, updated,
 * unchanged, and every refused line with its reason — with nothing stored ({@link PeopleImport#preview}); then
 * imports it, all or nothing, as the API does. People carry roles, so this is the admin's only.
 */
@Controller("/personer/import")
@Produces(MediaType.TEXT_HTML)
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class PeopleImportController {

    static final int MAX_BYTES = 1_000_000;

    /** A line as the preview lists it. */
    record Line(int line, String name, String email, String outcome) {
    }

    /** A refused line (0 when the whole file is refused) with the column and the reason. */
    record Refusal(String line, String column, String reason) {
    }

    private final PeopleImport people;
    private final Pages pages;

    PeopleImportController(PeopleImport people, Pages pages) {
        this.people = people;
        this.pages = pages;
    }

    @Get
    MutableHttpResponse<?> form(HttpRequest<?> request) {
        return pages.render(request, "personer-import", base(request, List.of()));
    }

    @Post(value = "/forhandsgranska", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> preview(HttpRequest<?> request, Authentication authentication,
                                   @Nullable @Part("file") CompletedFileUpload file) {
        WebTexts t = Pages.texts(request);
        String csv;
        try {
            if (file == null || file.getSize() == 0 || file.getFilename() == null || file.getFilename().isBlank()) {
                return refusedFile(request, t.get("import.file.missing"));
            }
            if (file.getSize() > MAX_BYTES) {
                return refusedFile(request, t.get("import.file.large"));
            }
            csv = new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return refusedFile(request, t.get("import.file.missing"));
        }
        return previewPage(request, authentication, csv, HttpStatus.OK, null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> run(HttpRequest<?> request, Authentication authentication, @Nullable @Body("csv") String csv) {
        WebTexts t = Pages.texts(request);
        if (csv == null || csv.isBlank()) {
            return refusedFile(request, t.get("import.file.missing"));
        }
        try {
            ImportResult result = people.run(csv, Caller.of(authentication).actor(Channel.WEB));
            return Pages.seeOther(request, "/personer?importerad=%d-%d-%d".formatted(result.created(), result.updated(),
                    result.unchanged()));
        } catch (ProblemException refused) {
            return previewPage(request, authentication, csv, HttpStatus.UNPROCESSABLE_ENTITY, t.get("import.changed"));
        }
    }

    private MutableHttpResponse<?> previewPage(HttpRequest<?> request, Authentication authentication, String csv,
                                               HttpStatus status, @Nullable String notice) {
        WebTexts t = Pages.texts(request);
        Map<String, Object> model = base(request, List.of());
        model.put("previewed", true);
        model.put("notice", notice);
        try {
            PeopleImport.Preview preview = people.preview(csv, Caller.of(authentication).actor(Channel.WEB));
            model.put("lines", preview.lines().stream().map(l -> new Line(l.line(), l.name(), l.email(),
                    t.get("import.outcome." + l.outcome().name()))).toList());
            model.put("refusals", refusals(preview.refused()));
            model.put("summary", t.formatAll("import.summary", preview.count(PeopleImport.Outcome.CREATED),
                    preview.count(PeopleImport.Outcome.UPDATED), preview.count(PeopleImport.Outcome.UNCHANGED),
                    preview.refused().stream().map(ProblemError::line).distinct().count()));
            boolean importable = preview.refused().isEmpty() && !preview.lines().isEmpty();
            model.put("csv", importable ? csv : null);
            model.put("importLabel", t.format("import.run", preview.lines().size()));
        } catch (ProblemException unreadable) {
            model.put("lines", List.of());
            model.put("refusals", refusals(unreadable.errors().isEmpty()
                    ? List.of(ProblemError.atCell(1, null, unreadable.getMessage())) : unreadable.errors()));
            model.put("summary", t.get("import.unreadable"));
            model.put("csv", null);
        }
        boolean refused = !((List<?>) model.get("refusals")).isEmpty();
        return pages.render(request, refused && status == HttpStatus.OK ? HttpStatus.OK : status, "personer-import", model);
    }

    private static List<Refusal> refusals(List<ProblemError> errors) {
        return errors.stream().map(e -> new Refusal(e.line() == null ? "–" : e.line().toString(),
                e.column() == null ? (e.field() == null ? "–" : e.field()) : e.column(), e.message())).toList();
    }

    private MutableHttpResponse<?> refusedFile(HttpRequest<?> request, String message) {
        Map<String, Object> model = base(request, List.of(new Form.Problem("file", message)));
        return pages.render(request, HttpStatus.UNPROCESSABLE_ENTITY, "personer-import", model);
    }

    private static Map<String, Object> base(HttpRequest<?> request, List<Form.Problem> problems) {
        WebTexts t = Pages.texts(request);
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.get("import.title"));
        model.put("previewed", false);
        model.put("problems", problems);
        model.put("errors", Form.errors(problems));
        return model;
    }
}
