package se.ange.tertial.register.importer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.followup.Channel;

/** CSV imports of the plan and of people. The body is the file itself, UTF-8. */
@Controller("/api/import")
class ImportController {

    private static final String CSV = "text/csv";

    private final ActivityPlanImport plan;
    private final PeopleImport people;

    ImportController(ActivityPlanImport plan, PeopleImport people) {
        this.plan = plan;
        this.people = people;
    }

    @Post(value = "/activities", consumes = {CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    ImportResult activities(@Body String csv, @QueryValue(defaultValue = "false") boolean createPeople,
                            @Nullable @QueryValue Integer year) {
        return plan.run(csv, createPeople, year, new Actor("api", null, Channel.IMPORT));
    }

    @Post(value = "/people", consumes = {CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    ImportResult people(@Body String csv) {
        return people.run(csv, new Actor("api", null, Channel.IMPORT));
    }
}
