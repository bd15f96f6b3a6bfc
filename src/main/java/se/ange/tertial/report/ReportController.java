package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.system.ProblemException;

/**
 * A tertial's report as HTML, PDF or DOCX, of one of the two kinds: a department's uppsiktsrapport
 * ({@code kind=uppsikt&department=Staben}, one unit's with {@code &unit=HR och Kommunikation}; stab and admin
 * any, managers their own, unit managers their unit's) or the board's måluppföljning ({@code kind=maluppfoljning}, the whole municipality; stab and
 * admin). The kind defaults to uppsikt with a department and to måluppföljning without. The cover memo of the
 * måluppföljning: {@code /api/reports/{tertial}/memo?format=docx}.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ReportController {

    private final TertialReports reports;
    private final ReportScopes scopes;

    ReportController(TertialReports reports, ReportScopes scopes) {
        this.reports = reports;
        this.scopes = scopes;
    }

    @Get("/{tertial}")
    HttpResponse<byte[]> report(@PathVariable String tertial, @Nullable @QueryValue String kind,
                                @Nullable @QueryValue String format, @Nullable @QueryValue String department,
                                @Nullable @QueryValue String unit, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Tertial id = TertialRecordController.parseTertial(tertial);
        ReportFormat chosen = format == null || format.isBlank() ? ReportFormat.HTML : ReportFormat.parse(format)
                .orElseThrow(() -> ProblemException.invalidField("format",
                        "Okänt format '%s'. Välj docx, pdf eller html".formatted(format)));
        ReportKind reportKind = ReportScopes.kind(kind, department);
        ReportScope scope = scopes.forReport(caller, reportKind, department, unit);
        byte[] body = chosen.render(reports.document(reportKind, id, scope));
        String filename = filename(reportKind, id, scope) + "." + chosen.extension();
        String disposition = (chosen == ReportFormat.HTML ? "inline" : "attachment")
                + "; filename=\"" + filename + "\"; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8);
        return HttpResponse.ok(body).contentType(chosen.mediaType()).header(HttpHeaders.CONTENT_DISPOSITION, disposition);
    }

    /**
     * The cover memo (tjänsteskrivelse) of the board's måluppföljning as a Word draft: its figures from the
     * tertial, its prose for stab to write. Who may read the måluppföljning may read its memo.
     */
    @Get("/{tertial}/memo")
    HttpResponse<byte[]> memo(@PathVariable String tertial, @Nullable @QueryValue String format,
                              Authentication authentication) {
        Tertial id = TertialRecordController.parseTertial(tertial);
        if (format != null && !format.isBlank() && !format.trim().equalsIgnoreCase(ReportFormat.DOCX.extension())) {
            throw ProblemException.invalidField("format",
                    "Tjänsteskrivelsen finns bara som Word-dokument (format=docx), inte '%s'".formatted(format));
        }
        scopes.forReport(Caller.of(authentication), ReportKind.MALUPPFOLJNING, null);
        byte[] body = MemoDocx.render(reports.maluppfoljning(id));
        String filename = "tjansteskrivelse-maluppfoljning-" + id + "." + ReportFormat.DOCX.extension();
        return HttpResponse.ok(body).contentType(ReportFormat.DOCX.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
    }

    /** "uppsiktsrapport-2024-T1-staben", "maluppfoljning-2024-T1". */
    static String filename(ReportKind kind, Tertial tertial, ReportScope scope) {
        return kind == ReportKind.UPPSIKT ? "uppsiktsrapport-" + tertial + "-" + slug(scope.label())
                : "maluppfoljning-" + tertial;
    }

    /** "Staben – HR och Kommunikation" → "staben-hr-och-kommunikation". */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
