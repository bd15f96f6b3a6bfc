package se.ange.tertial.register.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.system.Database;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemException;

/** Opening a new year: the plan is stab's. */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/plans")
@Secured("STAB")
class PlanController {

    private final PlanCopy planCopy;

    PlanController(PlanCopy planCopy) {
        this.planCopy = planCopy;
    }

    /** Copies the year's goals, measures (without outcomes) and unfinished activities into {@code to} (next year). */
    @Post("/{year}/copy")
    CopyResult copy(@PathVariable int year, @Nullable @QueryValue Integer to, Authentication authentication) {
        Limits.year("year", year);
        if (to != null) {
            Limits.year("to", to);
        }
        try {
            return planCopy.copy(year, to == null ? year + 1 : to, Caller.of(authentication).actor(Channel.API));
        } catch (RuntimeException e) {
            // two copies at once (a double click): the year's goals are locked, so the second normally waits
            // and finds everything there; should it still collide, it is told, and nothing was half-written
            if (Database.isUniqueViolation(e)) {
                throw new ProblemException(HttpStatus.CONFLICT,
                        "Planen kopierades samtidigt av någon annan. Försök igen: det som redan finns kopieras inte igen.",
                        List.of());
            }
            throw e;
        }
    }
}
