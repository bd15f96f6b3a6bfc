package se.ange.tertial.chat.slack;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Slack's one endpoint (slash command, interactivity, events). Not behind our login: Bolt verifies every
 * request's signature with the signing secret and refuses timestamps older than 5 minutes (401).
 */
@Controller("/slack/events")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(bean = App.class)
class SlackEventsController {

    private final App app;
    private final SlackRequestParser parser;

    SlackEventsController(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    @Post
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> events(HttpRequest<?> request, @Nullable @Body String body) throws Exception {
        Map<String, List<String>> headers = new HashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
        Map<String, List<String>> query = new HashMap<>();
        request.getParameters().forEach(query::put);
        Request<?> slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(request.getPath()).queryString(query).headers(new RequestHeaders(headers))
                .requestBody(body == null ? "" : body)
                .remoteAddress(request.getRemoteAddress().getAddress().getHostAddress()).build());
        Response response = app.run(slackRequest);
        MutableHttpResponse<String> answer = HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(response.getStatusCode()));
        response.getHeaders().forEach((name, values) -> values.forEach(value -> answer.header(name, value)));
        if (response.getContentType() != null) {
            answer.contentType(response.getContentType());
        }
        return response.getBody() == null ? answer : answer.body(response.getBody());
    }
}
