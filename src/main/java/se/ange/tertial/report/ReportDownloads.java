package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.system.ProblemException;

/**
 * A report document for a page's download link: the same documents and the same permission as the report
 * API ({@link ReportController}: {@link TertialReports}, {@link ReportScopes}), with a Swedish file name
 * ("Uppsiktsrapport T1 2024 Staben.docx", "Måluppföljning T1 2024.pdf", "Tjänsteskrivelse T1 2024.docx").
 */
@Singleton
public class ReportDownloads {

    /** The document kinds a page offers: the two reports and the måluppföljning's cover memo. */
    public static final String MEMO = "memo";

    /** The file: its bytes, media type and the Content-Disposition that names it. */
    public record Download(byte[] body, String mediaType, String filename, String disposition) {
    }

    private final TertialReports reports;
    private final ReportScopes scopes;

    ReportDownloads(TertialReports reports, ReportScopes scopes) {
        this.reports = reports;
        this.scopes = scopes;
    }

    /**
     * @param kind       uppsikt, maluppfoljning or memo
     * @param format     docx, pdf or html (the memo: docx only)
     * @param department the department's name (uppsikt only)
     * @throws ProblemException 422 for an unknown kind or format, 404 for an unknown department, 403 when the
     *                          caller may not have the report
     */
    public Download download(Caller caller, Tertial tertial, @Nullable String kind, @Nullable String format,
                             @Nullable String department) {
        ReportFormat chosen = ReportFormat.parse(format == null ? "" : format).orElseThrow(() ->
                ProblemException.invalidField("format", "Okänt format '%s'. Välj docx, pdf eller html".formatted(format)));
        String period = "T%d %d".formatted(tertial.number(), tertial.year());
        if (kind != null && MEMO.equals(kind.strip())) {
            if (chosen != ReportFormat.DOCX) {
                throw ProblemException.invalidField("format", "Tjänsteskrivelsen finns bara som Word-dokument (docx)");
            }
            scopes.forReport(caller, ReportKind.MALUPPFOLJNING, null);
            return file(MemoDocx.render(reports.maluppfoljning(tertial)), chosen, "Tjänsteskrivelse måluppföljning " + period);
        }
        ReportKind reportKind = ReportScopes.kind(kind, department);
        ReportScope scope = scopes.forReport(caller, reportKind, department);
        byte[] body = chosen.render(reports.document(reportKind, tertial, scope));
        String name = reportKind == ReportKind.UPPSIKT ? "Uppsiktsrapport " + period + " " + scope.label()
                : "Måluppföljning " + period;
        return file(body, chosen, name);
    }

    private static Download file(byte[] body, ReportFormat format, String name) {
        String filename = name + "." + format.extension();
        String ascii = Normalizer.normalize(filename, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9 ._-]", "-");
        String disposition = (format == ReportFormat.HTML ? "inline" : "attachment") + "; filename=\"" + ascii
                + "\"; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return new Download(body, format.mediaType(), filename, disposition);
    }
}
