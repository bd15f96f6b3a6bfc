package se.ange.tertial.register.importer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Caller;

/**
 * CSV imports; the body is the file itself, UTF-8. The plan is stab's; people carry roles, so they are
 * the admin's.
 */
@Controller("/api/import")
class ImportController {

    private static final String CSV = "text/csv";

    private final ActivityPlanImport plan;
    private final PeopleImport people;

    ImportController(ActivityPlanImport plan, PeopleImport people) {
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

    @Secured("ADMIN")
    @Post(value = "/people", consumes = {CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    ImportResult people(@Nullable @Body String csv, Authentication authentication) {
        return people.run(csv == null ? "" : csv, Caller.of(authentication).actor(Channel.IMPORT));
    }
}
