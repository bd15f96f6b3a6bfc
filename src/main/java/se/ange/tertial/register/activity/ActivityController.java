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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.DeviationRules;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.org.Organisation;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.Page;
import se.ange.tertial.system.ProblemException;

/** Activities, each answer limited to what the caller may see (see {@link Permissions}). */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/activities")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ActivityController {

    private final ActivityCatalog catalog;
    private final ActivityStore store;
    private final Reporting reporting;
    private final DeviationRules rules;
    private final Clock clock;
    private final Organisation organisation;
    private final NewActivities newActivities;
    private final ActivityFinder finder;

    ActivityController(ActivityCatalog catalog, ActivityStore store, Reporting reporting,
                       DeviationRules rules, Clock clock, Organisation organisation,
                       NewActivities newActivities, ActivityFinder finder) {
        this.finder = finder;
        this.organisation = organisation;
        this.newActivities = newActivities;
        this.catalog = catalog;
        this.store = store;
        this.reporting = reporting;
        this.rules = rules;
        this.clock = clock;
    }

    @Get
    Page<ActivityJson.Summary> list(@Nullable @QueryValue String department, @Nullable @QueryValue String unit,
                                    @Nullable @QueryValue String owner, @Nullable @QueryValue String status,
                                    @Nullable @QueryValue String goal, @Nullable @QueryValue String tertial,
                                    @Nullable @QueryValue LocalDate deviationsOn, @Nullable @QueryValue LocalDate overdueOn,
                                    @QueryValue(defaultValue = "0") @Min(0) int page,
                                    @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size,
                                    Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Limits.date("deviationsOn", deviationsOn);
        Limits.date("overdueOn", overdueOn);
        ActivityFilter filter = new ActivityFilter(department, unit, owner, status == null ? null : parseStatus(status),
                goal, tertial == null ? null : ProblemException.tertial(tertial), deviationsOn, overdueOn);
        // the filter's plain column conditions select the rows by index; the filter (the rules) decides on each
        ActivitySelection selection = ActivitySelection.readableBy(caller).department(department).unit(unit)
                .ownedBy(owner).status(filter.status()).goal(goal).endingBefore(overdueOn);
        var matching = finder.find(selection).stream()
                .filter(view -> Permissions.canRead(caller, view) && filter.matches(view, rules))
                .map(ActivityJson.Summary::of)
                .toList();
        return Page.of(matching, page, size);
    }

    @Get("/{ref}")
    ActivityJson.Detail show(@PathVariable String ref, Authentication authentication) {
        return detail(readable(ref, Caller.of(authentication)));
    }

    /** A new activity toward an existing KS goal: stab any, a manager their department's own (source UNIT). */
    @Post
    @Secured({"STAB", "MANAGER"})
    HttpResponse<ActivityJson.Detail> create(@Body @Valid NewActivity activity, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        ActivityView created = newActivities.create(activity.toData(), caller, caller.actor(Channel.API));
        return HttpResponse.created(detail(created));
    }

    @Put("/{ref}")
    ActivityJson.Detail replace(@PathVariable String ref, @Body @Valid ActivityChanges changes,
                                Authentication authentication) {
        Caller caller = Caller.of(authentication);
        ActivityView current = readable(ref, caller);
        if (!Permissions.canEditActivity(caller, current)) {
            throw ProblemException.forbidden("Bara stab kan ändra en aktivitets planering; en chef sin avdelnings egna");
        }
        changes.requireComplete();
        return edit(current, changes, true, caller);
    }

    @Patch("/{ref}")
    ActivityJson.Detail patch(@PathVariable String ref, @Body @Valid ActivityChanges changes,
                              Authentication authentication) {
        Caller caller = Caller.of(authentication);
        ActivityView current = readable(ref, caller);
        boolean allowed = Permissions.canEditActivity(caller, current)
                || changes.onlyOwners() && Permissions.canChangeOwners(caller, current);
        if (!allowed) {
            throw ProblemException.forbidden(Permissions.canChangeOwners(caller, current)
                    ? "Som chef kan du byta ansvariga (owners); övriga ändringar gör stab"
                    : "Du får inte ändra aktiviteten " + ref);
        }
        return edit(current, changes, false, caller);
    }

    @Post("/{ref}/reports")
    HttpResponse<ActivityJson.Report> report(@PathVariable String ref, @Body @Valid NewReport report,
                                             Authentication authentication) {
        Caller caller = Caller.of(authentication);
        // read once (two queries) and handed to the report, which would otherwise read it again
        ActivityView view = reporting.read(ref).filter(found -> Permissions.canRead(caller, found))
                .orElseThrow(() -> notFound(ref));
        if (!Permissions.canReport(caller, view)) {
            throw ProblemException.forbidden("Du får inte rapportera status för " + ref);
        }
        Status status = parseStatus(report.status());
        Tertial tertial = report.tertial() == null || report.tertial().isBlank()
                ? reporting.askedTertial(view)
                : ProblemException.tertial(report.tertial());
        StatusReport saved = reporting.report(view, tertial, status, report.comment(), caller.actor(Channel.API), null);
        return HttpResponse.created(ActivityJson.Report.of(saved));
    }

    private ActivityJson.Detail edit(ActivityView current, ActivityChanges changes, boolean replaceAll, Caller caller) {
        ActivityData changed = changes.applyTo(ActivityData.of(current), replaceAll);
        if (changes.department() != null) {
            requireKnownDepartment(changes.department());
        }
        // a manager's own activity stays in their department (and a unit manager's in their unit), as when added;
        // it stays the department's own, too: the board's plan is stab's
        if (!Permissions.canEditPlan(caller)) {
            newActivities.departmentRefusal(caller, changed.department())
                    .or(() -> newActivities.unitRefusal(caller, changed.department(), changed.unit()))
                    .ifPresent(reason -> {
                        throw ProblemException.forbidden(reason);
                    });
            if (changed.source() != current.activity().source()) {
                throw ProblemException.forbidden("Bara stab kan flytta en aktivitet till kommunstyrelsens plan");
            }
        }
        store.save(changed, caller.actor(Channel.API));
        return detail(find(current.ref()));
    }

    private ActivityJson.Detail detail(ActivityView view) {
        return new ActivityJson.Detail(ActivityJson.Summary.of(view), view.activity().description(),
                view.reports().stream().map(ActivityJson.Report::of).toList(),
                rules.deviationsOn(view.facts(), LocalDate.now(clock)).stream().map(ActivityJson.DeviationJson::of).toList());
    }

    /**
     * The activity, when the caller may see it; 404 with the same text when there is none and when it is not
     * theirs to see, so that refs cannot be probed.
     */
    private ActivityView readable(String ref, Caller caller) {
        return catalog.byRef(ref).filter(view -> Permissions.canRead(caller, view))
                .orElseThrow(() -> notFound(ref));
    }

    private ActivityView find(String ref) {
        return catalog.byRef(ref).orElseThrow(() -> notFound(ref));
    }

    static ProblemException notFound(String ref) {
        return ProblemException.notFound("Aktiviteten " + ref + " finns inte");
    }

    /**
     * An edit chooses among the departments the register has (an import defines them): a misspelt one is
     * refused with the valid names, rather than created.
     */
    private void requireKnownDepartment(String name) {
        if (organisation.findDepartment(name).isEmpty()) {
            List<String> known = organisation.departmentNames();
            String shown = name.strip().length() > 60 ? name.strip().substring(0, 60) + "…" : name.strip();
            throw ProblemException.invalidField("department", "Det finns ingen avdelning som heter '%s'. Välj en av: %s"
                    .formatted(shown, String.join(", ", known)));
        }
    }

    /** The one status rule of chat, e-mail and API ({@link Status#parse}): labels, 1–6, "Försenad", "… med avvikelser". */
    static Status parseStatus(String text) {
        return Status.parse(text).orElseThrow(() -> ProblemException.invalidField("status",
                ("Okänd status '%s'. Välj en av: 1 Ej påbörjad, 2 Pågående enligt plan, 3 Pågående med avvikelse, "
                        + "4 Vänteläge, 5 Avslutad enligt plan, 6 Avslutad med avvikelse (namnet eller siffran)").formatted(text)));
    }
}
