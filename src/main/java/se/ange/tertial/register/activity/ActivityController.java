package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.DeviationRules;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.system.Page;
import se.ange.tertial.system.ProblemException;

@Controller("/api/activities")
class ActivityController {

    private final ActivityCatalog catalog;
    private final ActivityStore store;
    private final Reporting reporting;
    private final PersonRepository people;
    private final DeviationRules rules;
    private final Clock clock;

    ActivityController(ActivityCatalog catalog, ActivityStore store, Reporting reporting, PersonRepository people,
                       DeviationRules rules, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.reporting = reporting;
        this.people = people;
        this.rules = rules;
        this.clock = clock;
    }

    @Get
    Page<ActivityJson.Summary> list(@Nullable @QueryValue String department, @Nullable @QueryValue String unit,
                                    @Nullable @QueryValue String owner, @Nullable @QueryValue String status,
                                    @Nullable @QueryValue String goal, @Nullable @QueryValue String tertial,
                                    @Nullable @QueryValue LocalDate deviationsOn, @Nullable @QueryValue LocalDate overdueOn,
                                    @QueryValue(defaultValue = "0") @Min(0) int page,
                                    @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        ActivityFilter filter = new ActivityFilter(department, unit, owner, status == null ? null : parseStatus(status),
                goal, tertial == null ? null : parseTertial(tertial), deviationsOn, overdueOn);
        var matching = catalog.all().stream()
                .filter(view -> filter.matches(view, rules))
                .map(ActivityJson.Summary::of)
                .toList();
        return Page.of(matching, page, size);
    }

    @Get("/{ref}")
    ActivityJson.Detail show(@PathVariable String ref) {
        return detail(find(ref));
    }

    @Put("/{ref}")
    ActivityJson.Detail replace(@PathVariable String ref, @Body @Valid ActivityChanges changes) {
        changes.requireComplete();
        return edit(ref, changes, true);
    }

    @Patch("/{ref}")
    ActivityJson.Detail patch(@PathVariable String ref, @Body @Valid ActivityChanges changes) {
        return edit(ref, changes, false);
    }

    @Post("/{ref}/reports")
    HttpResponse<ActivityJson.Report> report(@PathVariable String ref, @Body @Valid NewReport report) {
        Status status = parseStatus(report.status());
        Tertial tertial = parseTertial(report.tertial());
        StatusReport saved = reporting.report(ref, tertial, status, report.comment(), apiActor(report.reportedBy()));
        return HttpResponse.created(ActivityJson.Report.of(saved));
    }

    private ActivityJson.Detail edit(String ref, ActivityChanges changes, boolean replaceAll) {
        ActivityView current = find(ref);
        ActivityData changed = changes.applyTo(ActivityData.of(current), replaceAll);
        store.save(changed, apiActor(null));
        return detail(find(ref));
    }

    private ActivityJson.Detail detail(ActivityView view) {
        return new ActivityJson.Detail(ActivityJson.Summary.of(view), view.activity().description(),
                view.reports().stream().map(ActivityJson.Report::of).toList(),
                rules.deviationsOn(view.facts(), LocalDate.now(clock)).stream().map(ActivityJson.DeviationJson::of).toList());
    }

    private ActivityView find(String ref) {
        return catalog.byRef(ref).orElseThrow(() -> ProblemException.notFound("Aktiviteten " + ref + " finns inte"));
    }

    /** Until callers are authenticated, an API change is attributed to the named person or to "api". */
    private Actor apiActor(@Nullable String email) {
        if (email == null) {
            return new Actor("api", null, Channel.API);
        }
        String normalized = email.trim().toLowerCase(java.util.Locale.ROOT);
        return new Actor(normalized, people.findByEmail(normalized).map(p -> p.id()).orElse(null), Channel.API);
    }

    static Status parseStatus(String text) {
        return Status.parse(text).orElseThrow(() -> ProblemException.invalidField("status",
                "Okänd status '%s'. Välj en av: Ej påbörjad, Pågående enligt plan, Pågående med avvikelse, "
                        .formatted(text) + "Vänteläge, Avslutad enligt plan, Avslutad med avvikelse"));
    }

    static Tertial parseTertial(String text) {
        try {
            return Tertial.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("tertial", e.getMessage());
        }
    }
}
