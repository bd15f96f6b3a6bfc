package se.ange.tertial.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;
import java.security.Principal;

/**
 * {@code /health}: UP or DOWN for anyone (load balancers, monitoring); what each check found only for an
 * ADMIN. The database check is {@link DatabaseHealth}, which never shows the JDBC URL.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
class HealthByRole extends HealthEndpoint {

    static final String DETAILS_ROLE = "ADMIN";

    HealthByRole(HealthAggregator<HealthResult> aggregator, HealthIndicator[] indicators,
                 @Liveness HealthIndicator[] liveness) {
        super(aggregator, indicators, liveness);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(Principal principal) {
        return principal instanceof Authentication authentication && authentication.getRoles().contains(DETAILS_ROLE)
                ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS : HealthLevelOfDetail.STATUS;
    }
}
