package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.system.ProblemError;
import se.ange.tertial.system.ProblemException;

/**
 * A report's text sections as JSON, section → text ({@code intro}, {@code reporting}, {@code delimitation} for
 * uppsikt; {@code intro}, {@code analysis} for måluppföljning): GET gives the effective texts, PUT writes some
 * (an empty text goes back to Tertial's default). Kind and department as for the report itself.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ReportTextController {

    /** The column's size (V39). */
    static final int MAX_TEXT = 20_000;

    private final ReportTexts texts;
    private final TertialReports reports;
    private final ReportScopes scopes;

    ReportTextController(ReportTexts texts, TertialReports reports, ReportScopes scopes) {
        this.texts = texts;
        this.reports = reports;
        this.scopes = scopes;
    }

    @Get("/{tertial}/texts")
    Map<String, String> show(@PathVariable String tertial, @Nullable @QueryValue String kind,
                             @Nullable @QueryValue String department, Authentication authentication) {
        Tertial id = TertialRecordController.parseTertial(tertial);
        ReportKind reportKind = ReportScopes.kind(kind, department);
        Long departmentId = departmentId(reportKind, department);
        if (!ReportScopes.mayRead(Caller.of(authentication), reportKind, departmentId)) {
            throw ProblemException.forbidden("Du får bara läsa texterna i din egen avdelnings uppsiktsrapport");
        }
        return json(texts.effective(reportKind, id, departmentId, reports.textContext(id)));
    }

    @Put("/{tertial}/texts")
    Map<String, String> edit(@PathVariable String tertial, @Nullable @QueryValue String kind,
                             @Nullable @QueryValue String department, @Body Map<String, String> body,
                             Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Tertial id = TertialRecordController.parseTertial(tertial);
        ReportKind reportKind = ReportScopes.kind(kind, department);
        Long departmentId = departmentId(reportKind, department);
        if (!ReportScopes.mayEdit(caller, reportKind, departmentId)) {
            throw ProblemException.forbidden(reportKind == ReportKind.UPPSIKT
                    ? "Texterna i en uppsiktsrapport skriver stab eller avdelningens chef"
                    : "Måluppföljningens texter skriver stab");
        }
        List<ProblemError> tooLong = body.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().length() > MAX_TEXT)
                .map(e -> ProblemError.atField(e.getKey(), "Texten är för lång (högst %d tecken)".formatted(MAX_TEXT)))
                .toList();
        if (!tooLong.isEmpty()) {
            throw ProblemException.invalid("Texten är för lång", tooLong);
        }
        texts.edit(reportKind, id, departmentId, department == null ? null : department.trim(), body,
                caller.actor(Channel.API));
        return json(texts.effective(reportKind, id, departmentId, reports.textContext(id)));
    }

    @Nullable
    private Long departmentId(ReportKind kind, @Nullable String department) {
        if (kind == ReportKind.MALUPPFOLJNING) {
            return null;
        }
        Department found = scopes.department(department);
        return found.id();
    }

    private static Map<String, String> json(Map<TextSection, String> texts) {
        Map<String, String> result = new LinkedHashMap<>();
        texts.forEach((section, text) -> result.put(ReportTexts.key(section), text));
        return result;
    }
}
