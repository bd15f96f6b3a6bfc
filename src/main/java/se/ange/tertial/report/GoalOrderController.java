package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.system.ProblemException;

/**
 * A department's goal order for its uppsiktsrapport: {@code goals} the KS references it lists first (PUT
 * replaces them; unknown references are a 422 naming them), {@code order} every KS goal of the year as the
 * report would follow it. Stab any department, a manager their own.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/reports/goal-order")
@Secured(SecurityRule.IS_AUTHENTICATED)
class GoalOrderController {

    @Serdeable
    record OrderJson(String department, int year, List<String> goals, List<String> order) {
    }

    @Serdeable
    record OrderRequest(@Nullable List<String> goals) {
    }

    private final GoalOrders orders;
    private final ReportScopes scopes;

    GoalOrderController(GoalOrders orders, ReportScopes scopes) {
        this.orders = orders;
        this.scopes = scopes;
    }

    @Get
    OrderJson show(@Nullable @QueryValue String department, @Nullable @QueryValue Integer year,
                   Authentication authentication) {
        Department found = scopes.department(department);
        int planYear = year(year);
        if (!ReportScopes.mayRead(Caller.of(authentication), ReportKind.UPPSIKT, found.id())) {
            throw ProblemException.forbidden("Du får bara se din egen avdelnings målordning");
        }
        return json(found, planYear);
    }

    @Put
    OrderJson set(@Nullable @QueryValue String department, @Nullable @QueryValue Integer year,
                  @Body OrderRequest body, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Department found = scopes.department(department);
        int planYear = year(year);
        if (!ReportScopes.mayEdit(caller, ReportKind.UPPSIKT, found.id())) {
            throw ProblemException.forbidden("Målordningen sätter stab eller avdelningens chef");
        }
        if (body.goals() == null) {
            throw ProblemException.invalidField("goals", "Ange målen i ordning, t.ex. {\"goals\": [\"4.1\", \"3.1.2\"]}");
        }
        orders.set(found, planYear, body.goals(), caller.actor(Channel.API));
        return json(found, planYear);
    }

    private OrderJson json(Department department, int year) {
        return new OrderJson(department.name(), year, orders.of(department.id(), year).listed(),
                orders.effective(department.id(), year));
    }

    private static int year(@Nullable Integer year) {
        if (year == null) {
            throw ProblemException.invalidField("year", "Ange planåret, t.ex. year=2024");
        }
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalidField("year", "Planåret %d är inte rimligt".formatted(year));
        }
        return year;
    }
}
