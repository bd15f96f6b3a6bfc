package se.ange.tertial.chat.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.system.ProblemException;

/**
 * The Teams bot's messaging endpoint. Not behind our own login: every request must carry a Bot Framework
 * JWT for this bot (signature, issuer, audience, expiry, serviceUrl), else 401 and nothing happens; and it
 * must come from the municipality's tenant ({@code tertial.teams.tenant-id}, required), else 403.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/teams/messages")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(bean = BotConnector.class)
@Hidden
class TeamsController {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsController.class);

    private final BotFrameworkTokens tokens;
    private final TeamsBot bot;
    private final TeamsSettings settings;
    private final ObjectMapper json;

    TeamsController(BotFrameworkTokens tokens, TeamsBot bot, TeamsSettings settings) {
        this.tokens = tokens;
        this.bot = bot;
        this.settings = settings;
        this.json = TeamsCards.JSON_MAPPER;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<?> messages(@Nullable @Header("Authorization") String authorization, @Body String body) throws IOException {
        JsonNode activity;
        try {
            activity = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("activity", "Inte en Bot Framework-aktivitet (JSON)");
        }
        if (tokens.verify(authorization, activity.path("serviceUrl").asText(null),
                activity.path("channelId").asText(null)).isEmpty()) {
            return HttpResponse.unauthorized();
        }
        // only the municipality's own tenant: without it, any tenant's admin could pose as a register person
        String tenant = activity.path("channelData").path("tenant").path("id").asText(null);
        if (settings.tenantId() == null || settings.tenantId().isBlank()) {
            LOG.warn("Teams activity refused: set TERTIAL_TEAMS_TENANT_ID to the municipality's Entra tenant");
            return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN);
        }
        if (!settings.tenantId().equalsIgnoreCase(tenant)) {
            LOG.info("Teams activity from tenant {} refused", tenant);
            return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN);
        }
        Optional<ObjectNode> invokeResponse;
        try {
            invokeResponse = bot.handle(activity, body);
        } catch (IOException | RuntimeException e) {
            // the Connector is unreachable or refused our token: never a 500 with its text. The activity was
            // received (a status in it may be recorded), so it is acknowledged and not sent again by Microsoft.
            LOG.warn("Teams activity ({}) could not be answered: {}", activity.path("type").asText(), e.toString(), e);
            if ("invoke".equals(activity.path("type").asText())) {
                return HttpResponse.ok(json.writeValueAsString(TeamsCards.invokeResponse(TeamsCards.textCard(
                        TeamsBot.UNAVAILABLE_HEADING, TeamsBot.UNAVAILABLE)))).contentType(MediaType.APPLICATION_JSON_TYPE);
            }
            return HttpResponse.ok();
        }
        if (invokeResponse.isEmpty()) {
            return HttpResponse.ok();
        }
        return HttpResponse.ok(json.writeValueAsString(invokeResponse.get())).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
