package se.ange.tertial.register.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.activity.ActivityJson;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.StatusReport;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.Page;
import se.ange.tertial.system.ProblemException;

/**
 * The stab's questions as endpoints, answered as the chat commands answer them ({@link ActivityQueries}):
 * JSON pages by default, the whole list as CSV with {@code Accept: text/csv} or {@code format=csv}.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
class QueryController {

    @Serdeable
    record OverdueItem(ActivityJson.Summary activity, long daysOverdue) {
    }

    @Serdeable
    record MissingItem(String tertial, ActivityJson.Summary activity, @Nullable String lastReportedTertial) {
    }

    private final ActivityQueries queries;
    private final Clock clock;

    QueryController(ActivityQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** Activities past their end date and not completed as of {@code on} (today), most overdue first. */
    @Get(uri = "/activities/overdue", produces = {MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
    HttpResponse<?> overdue(HttpRequest<?> request, @Nullable @QueryValue String department,
                            @Nullable @QueryValue LocalDate on, @Nullable @QueryValue String format,
                            @QueryValue(defaultValue = "0") @Min(0) int page,
                            @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size,
                            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        boolean csv = CsvExport.wanted(request, format);
        QueryRows.checkDepartment(queries, caller, department);
        Limits.date("on", on);
        LocalDate day = on != null ? on : LocalDate.now(clock);
        List<ActivityView> late = queries.overdue(caller, department, day);
        if (csv) {
            return CsvExport.response("försenade-" + scope(department) + day + ".csv",
                    QueryRows.header("Dagar försenad"),
                    late.stream().map(view -> QueryRows.row(view, String.valueOf(daysOverdue(view, day)))).toList());
        }
        return HttpResponse.ok(Page.of(late.stream()
                .map(view -> new OverdueItem(ActivityJson.Summary.of(view), daysOverdue(view, day))).toList(), page, size));
    }

    /** Activities that must report for the tertial and have not, soonest end date first. */
    @Get(uri = "/tertials/{tertial}/missing", produces = {MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
    HttpResponse<?> missing(HttpRequest<?> request, @PathVariable String tertial,
                            @Nullable @QueryValue String department, @Nullable @QueryValue String format,
                            @QueryValue(defaultValue = "0") @Min(0) int page,
                            @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size,
                            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        boolean csv = CsvExport.wanted(request, format);
        Tertial asked = ProblemException.tertial(tertial);
        QueryRows.checkDepartment(queries, caller, department);
        List<ActivityView> missing = queries.missing(caller, department, asked);
        if (csv) {
            return CsvExport.response("saknas-" + scope(department) + asked + ".csv",
                    QueryRows.header("Tertial", "Senast rapporterad"),
                    missing.stream().map(view -> QueryRows.row(view, asked.toString(),
                            QueryRows.orEmpty(lastReported(view)))).toList());
        }
        return HttpResponse.ok(Page.of(missing.stream().map(view -> new MissingItem(asked.toString(),
                ActivityJson.Summary.of(view), lastReported(view))).toList(), page, size));
    }

    private static long daysOverdue(ActivityView view, LocalDate day) {
        return ChronoUnit.DAYS.between(view.activity().endDate(), day);
    }

    private static String lastReported(ActivityView view) {
        return view.reports().stream().map(StatusReport::tertial).max(java.util.Comparator.comparing(Tertial::parse))
                .orElse(null);
    }

    static String scope(@Nullable String department) {
        return department == null || department.isBlank() ? "" : CsvExport.slug(department) + "-";
    }
}
