package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.OrgUnit;
import se.ange.tertial.register.org.OrgUnitRepository;
import se.ange.tertial.register.org.Organisation;
import se.ange.tertial.system.ProblemException;

/**
 * The tertial report as HTML, PDF or DOCX: the whole municipality (stab, admin) or one department
 * ({@code department=Staben}; managers only their own, unit managers see their unit's activities).
 */
@Controller("/api/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ReportController {

    private final TertialReports reports;
    private final Organisation organisation;
    private final OrgUnitRepository units;

    ReportController(TertialReports reports, Organisation organisation, OrgUnitRepository units) {
        this.reports = reports;
        this.organisation = organisation;
        this.units = units;
    }

    @Get("/{tertial}")
    HttpResponse<byte[]> report(@PathVariable String tertial, @Nullable @QueryValue String format,
                                @Nullable @QueryValue String department, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Tertial id = TertialRecordController.parseTertial(tertial);
        ReportFormat chosen = format == null || format.isBlank() ? ReportFormat.HTML : ReportFormat.parse(format)
                .orElseThrow(() -> ProblemException.invalidField("format",
                        "Okänt format '%s'. Välj docx, pdf eller html".formatted(format)));
        ReportScope scope = scope(caller, department);
        byte[] body = chosen.render(reports.report(id, scope));
        String filename = "tertialrapport-" + id + (scope.isMunicipality() ? "" : "-" + slug(scope.label()))
                + "." + chosen.extension();
        String disposition = (chosen == ReportFormat.HTML ? "inline" : "attachment")
                + "; filename=\"" + filename + "\"; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8);
        return HttpResponse.ok(body).contentType(chosen.mediaType()).header(HttpHeaders.CONTENT_DISPOSITION, disposition);
    }

    private ReportScope scope(Caller caller, @Nullable String departmentName) {
        boolean everything = ReportAccess.seesEverything(caller);
        if (departmentName == null || departmentName.isBlank()) {
            if (everything) {
                return ReportScope.municipality();
            }
            throw ProblemException.forbidden(caller.has(se.ange.tertial.register.org.Role.MANAGER)
                    ? "Som chef kan du ta fram rapporten för din avdelning (department=…); hela kommunens gör stab"
                    : "Tertialrapporten tas fram av stab och chefer");
        }
        Department department = organisation.findDepartment(departmentName)
                .orElseThrow(() -> ProblemException.notFound("Avdelningen " + departmentName + " finns inte"));
        if (everything) {
            return new ReportScope(department.id(), null, department.name());
        }
        if (!ReportAccess.managesScope(caller, department.id())) {
            throw ProblemException.forbidden("Du får bara ta fram rapporten för din egen avdelning");
        }
        if (caller.unitId() != null) {
            String unit = units.findById(caller.unitId()).map(OrgUnit::name).orElse("?");
            return new ReportScope(department.id(), caller.unitId(), department.name() + " – " + unit);
        }
        return new ReportScope(department.id(), null, department.name());
    }

    /** "Staben – HR och Kommunikation" → "staben-hr-och-kommunikation". */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
