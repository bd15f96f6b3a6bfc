package se.ange.tertial.register.importer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Caller;

/**
 * CSV imports; the body is the file itself, UTF-8. The plan is stab's; departments' own activities are
 * also their managers'; people carry roles, so they are the admin's.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/import")
class ImportController {

    private static final String CSV = "text/csv";

    private final ActivityPlanImport plan;
    private final PeopleImport people;
    private final OwnActivityImport own;

    ImportController(ActivityPlanImport plan, PeopleImport people, OwnActivityImport own) {
        this.own = own;
        this.plan = plan;
        this.people = people;
    }

    @Secured("STAB")
    @Post(value = "/activities", consumes = {CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    ImportResult activities(@Nullable @Body String csv, @QueryValue(defaultValue = "false") boolean createPeople,
                            @Nullable @QueryValue Integer year, Authentication authentication) {
        if (year != null) {
            se.ange.tertial.system.Limits.year("year", year);
        }
        return plan.run(csv == null ? "" : csv, createPeople, year, Caller.of(authentication).actor(Channel.IMPORT));
    }

    /** Departments' own activities toward the plan's KS goals: stab and admin any department, a manager their own. */
    @Secured({"STAB", "ADMIN", "MANAGER"})
    @Post(value = "/own-activities", consumes = {CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    ImportResult ownActivities(@Nullable @Body String csv, @Nullable @QueryValue Integer year,
                               Authentication authentication) {
        if (year != null) {
            se.ange.tertial.system.Limits.year("year", year);
        }
        Caller caller = Caller.of(authentication);
        return own.run(csv == null ? "" : csv, year, caller, caller.actor(Channel.IMPORT));
    }

    @Secured("ADMIN")
    @Post(value = "/people", consumes = {CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    ImportResult people(@Nullable @Body String csv, Authentication authentication) {
        return people.run(csv == null ? "" : csv, Caller.of(authentication).actor(Channel.IMPORT));
    }
}
