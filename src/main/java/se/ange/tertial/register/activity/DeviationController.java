package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import se.ange.tertial.followup.Deviation;
import se.ange.tertial.followup.DeviationRules;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;

/**
 * Deviations of the activities active in a tertial, as of the tertial's close (or today, while it is
 * open, or the given {@code on} date), reading the reports up to that tertial. Most urgent first.
 */
@Controller("/api/tertials")
@Secured(SecurityRule.IS_AUTHENTICATED)
class DeviationController {

    @Serdeable
    record Item(ActivityJson.Summary activity, List<ActivityJson.DeviationJson> deviations) {
    }

    @Serdeable
    record Result(String tertial, LocalDate asOf, List<Item> items, int total) {
    }

    private final ActivityCatalog catalog;
    private final DeviationRules rules;
    private final Clock clock;

    DeviationController(ActivityCatalog catalog, DeviationRules rules, Clock clock) {
        this.catalog = catalog;
        this.rules = rules;
        this.clock = clock;
    }

    @Get("/{id}/deviations")
    Result deviations(@PathVariable String id, @Nullable @QueryValue String department,
                      @Nullable @QueryValue LocalDate on, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Tertial tertial = ActivityController.parseTertial(id);
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = on != null ? on : today.isBefore(tertial.closingDate()) ? today : tertial.closingDate();
        record Found(ActivityView view, List<Deviation> deviations) {
        }
        List<Item> items = catalog.all().stream()
                .filter(view -> Permissions.canRead(caller, view))
                .filter(view -> department == null || department.equalsIgnoreCase(view.department()))
                .map(view -> new Found(view, rules.deviationsOn(
                        view.factsUpTo(Tertial.containing(asOf)), asOf)))
                .filter(found -> !found.deviations().isEmpty())
                .filter(found -> found.view().factsUpTo(tertial).isActiveIn(tertial))
                .sorted(Comparator.comparing((Found f) -> f.deviations().get(0).kind())
                        .thenComparing(f -> f.view().activity().endDate())
                        .thenComparing(f -> f.view().ref()))
                .map(found -> new Item(ActivityJson.Summary.of(found.view()),
                        found.deviations().stream().map(ActivityJson.DeviationJson::of).toList()))
                .toList();
        return new Result(tertial.toString(), asOf, items, items.size());
    }
}
