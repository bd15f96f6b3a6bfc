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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.activity.ActivityJson;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemException;

/**
 * Deviations of the activities active in a tertial, as of the tertial's close (or today, while it is
 * open, or the given {@code on} date), reading the reports up to that tertial. Most urgent first.
 * The whole list as JSON (with its total), or as CSV with {@code Accept: text/csv} or {@code format=csv}.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/tertials")
@Secured(SecurityRule.IS_AUTHENTICATED)
class DeviationController {

    @Serdeable
    record Item(ActivityJson.Summary activity, List<ActivityJson.DeviationJson> deviations) {
    }

    @Serdeable
    record Result(String tertial, LocalDate asOf, List<Item> items, int total) {
    }

    private final ActivityQueries queries;
    private final Clock clock;

    DeviationController(ActivityQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Get(uri = "/{id}/deviations", produces = {MediaType.APPLICATION_JSON, CsvExport.TEXT_CSV})
    HttpResponse<?> deviations(HttpRequest<?> request, @PathVariable String id,
                               @Nullable @QueryValue String department, @Nullable @QueryValue LocalDate on,
                               @Nullable @QueryValue String format, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        boolean csv = CsvExport.wanted(request, format);
        Tertial tertial = ProblemException.tertial(id);
        QueryRows.checkDepartment(queries, caller, department);
        Limits.date("on", on);
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = on != null ? on : today.isBefore(tertial.closingDate()) ? today : tertial.closingDate();
        List<ActivityQueries.Found> found = queries.deviations(caller, department, tertial, asOf);
        if (csv) {
            return CsvExport.response("avvikelser-" + QueryController.scope(department) + tertial + ".csv",
                    QueryRows.header("Avvikelser", "Senaste kommentar"), found.stream().map(f -> QueryRows.row(f.view(),
                            f.deviations().stream().map(d -> d.kind().label(Language.SV)
                                    + (d.tertial() == null ? "" : " " + d.tertial()))
                                    .collect(Collectors.joining(", ")),
                            f.view().factsUpTo(Tertial.containing(asOf)).latestReport().map(r -> QueryRows.orEmpty(r.comment()))
                                    .orElse(""))).toList());
        }
        List<Item> items = found.stream().map(f -> new Item(ActivityJson.Summary.of(f.view()),
                f.deviations().stream().map(ActivityJson.DeviationJson::of).toList())).toList();
        return HttpResponse.ok(new Result(tertial.toString(), asOf, items, items.size()));
    }
}
