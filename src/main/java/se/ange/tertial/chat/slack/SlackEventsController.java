package se.ange.tertial.chat.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.slack.api.bolt.request.RequestType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's one endpoint (slash command, interactivity, events). Not behind our login: every request's signature
 * is verified with the signing secret, and a timestamp more than 5 minutes from now, either way, is refused
 * (401). A signed request is handled once: delivered again it is acknowledged and nothing is done
 * ({@link SlackReplay}, shared by all instances through the database). A signed request whose body cannot be
 * read (not JSON, a reminder's choice or a modal's metadata that Tertial did not write) is a 400 with a
 * Swedish reason, never a 500.
 * When Slack's Web API cannot be reached or refuses the bot token, a verified request is never answered
 * with a 500 and an exception: the person gets a short Swedish message, the log gets the cause.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/slack/events")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(bean = App.class)
class SlackEventsController {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);
    /** What Bolt answers when auth.test refuses the bot token (its signature check answers otherwise). */
    private static final String TOKEN_REFUSED = "unknown workspace";
    static final String UNAVAILABLE = "Tertial får inte kontakt med Slack just nu, så inget har registrerats. "
            + "Försök igen om en stund, eller svara på påminnelsen via e-post.";

    static final String DUPLICATE = "Den här begäran har redan tagits emot, så inget har registrerats en gång till.";

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignature.Verifier signatures;
    private final SlackReplay replay;

    SlackEventsController(App app, SlackReplay replay) {
        this.app = app;
        this.replay = replay;
        this.parser = new SlackRequestParser(app.config());
        this.signatures = new SlackSignature.Verifier(new SlackSignature.Generator(app.config().getSigningSecret()));
    }

    @Post
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    HttpResponse<String> events(HttpRequest<?> request, @Nullable @Body String body) throws Exception {
        String text = body == null ? "" : body;
        String timestamp = request.getHeaders().get(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = request.getHeaders().get(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        // checked here, before Bolt: its first run checks the bot token with Slack before any signature, and
        // Bolt refuses only timestamps in the past; one from more than 5 minutes ahead is refused the same way
        if (!replay.withinWindow(timestamp) || !signatures.isValid(timestamp, text, signature)) {
            return HttpResponse.unauthorized();
        }
        Request<?> slackRequest;
        try {
            Map<String, List<String>> headers = new HashMap<>();
            request.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
            Map<String, List<String>> query = new HashMap<>();
            request.getParameters().forEach(query::put);
            slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.getPath()).queryString(query).headers(new RequestHeaders(headers))
                    .requestBody(text)
                    .remoteAddress(request.getRemoteAddress().getAddress().getHostAddress()).build());
        } catch (RuntimeException e) {
            LOG.info("Signed Slack request refused: its body could not be read ({})", e.toString());
            return SlackMalformed.answer("innehållet gick inte att läsa");
        }
        if (slackRequest == null) {
            LOG.info("Signed Slack request refused: not a request Tertial knows");
            return SlackMalformed.answer("det är ingen sorts begäran som Tertial känner till");
        }
        // the same signed request again, from any instance: handled once, answered without doing anything
        if (!replay.firstTime(timestamp, signature)) {
            LOG.info("Slack request ({}) refused: the same signed request was already handled", slackRequest.getRequestType());
            return duplicate(slackRequest.getRequestType());
        }
        Response response;
        try {
            response = app.run(slackRequest);
        } catch (SlackMalformed e) {
            LOG.info("Signed Slack request ({}) refused: {}", slackRequest.getRequestType(), e.getMessage());
            return SlackMalformed.answer(e.getMessage());
        } catch (Exception e) {
            LOG.warn("Slack request ({}) not handled: Slack's Web API could not be reached or refused the bot token: {}",
                    slackRequest.getRequestType(), e.toString(), e);
            return unavailable(slackRequest.getRequestType());
        }
        if (response.getStatusCode() == 401 && response.getBody() != null && response.getBody().contains(TOKEN_REFUSED)) {
            LOG.warn("Slack request ({}) failed: Slack refused the bot token (auth.test); check TERTIAL_SLACK_BOT_TOKEN",
                    slackRequest.getRequestType());
            return unavailable(slackRequest.getRequestType());
        }
        if (response.getStatusCode() >= 500) {
            LOG.warn("Slack request ({}) failed in Bolt: {} {}", slackRequest.getRequestType(), response.getStatusCode(),
                    response.getBody());
            return unavailable(slackRequest.getRequestType());
        }
        MutableHttpResponse<String> answer = HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(response.getStatusCode()));
        response.getHeaders().forEach((name, values) -> values.forEach(value -> answer.header(name, value)));
        if (response.getContentType() != null) {
            answer.contentType(response.getContentType());
        }
        return response.getBody() == null ? answer : answer.body(response.getBody());
    }

    /** A request already handled: a slash command is told so; anything else is acknowledged and nothing done. */
    private static HttpResponse<String> duplicate(RequestType type) {
        if (type == RequestType.Command) {
            return HttpResponse.ok("{\"response_type\":\"ephemeral\",\"text\":\"" + DUPLICATE + "\"}")
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok();
    }

    /** A short Swedish answer where Slack shows one (a slash command, a modal); else an empty acknowledgement. */
    private static HttpResponse<String> unavailable(RequestType type) {
        if (type == RequestType.Command) {
            return HttpResponse.ok("{\"response_type\":\"ephemeral\",\"text\":\"" + UNAVAILABLE + "\"}")
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        if (type == RequestType.ViewSubmission) {
            return HttpResponse.ok("{\"response_action\":\"errors\",\"errors\":{\"comment\":\"" + UNAVAILABLE + "\"}}")
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok();
    }
}
