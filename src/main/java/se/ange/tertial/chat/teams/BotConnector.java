package se.ange.tertial.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import se.ange.tertial.notify.Notifier;

/**
 * The Bot Connector REST API (Microsoft's Java SDK is retired): the bot's own token by OAuth2 client
 * credentials, cached until shortly before it expires, and the three calls Tertial needs — look up a
 * member, post an activity to a conversation, replace an activity (update a card).
 */
@Singleton
@Requires(property = "tertial.teams.app-id", pattern = ".+")
public class BotConnector {

    private final TeamsSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    BotConnector(TeamsSettings settings, Clock clock) {
        this.settings = settings;
        this.json = TeamsCards.JSON_MAPPER;
        this.clock = clock;
    }

    /** A Connector call that failed; {@code retryAfter} when Microsoft said how long to wait. */
    public static final class ConnectorException extends IOException {
        private final int status;
        private final transient Duration retryAfter;

        ConnectorException(String message, int status, Duration retryAfter) {
            super(message);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        public int status() {
            return status;
        }

        /** 400, 404 and 413 (too big, conversation gone) cannot be helped by trying again. */
        public Notifier.DeliveryFailure toDeliveryFailure() {
            return new Notifier.DeliveryFailure("Teams: " + getMessage(), this, retryAfter,
                    status == 400 || status == 404 || status == 413);
        }
    }

    /** A conversation member (id, aadObjectId, email, userPrincipalName, name). */
    public JsonNode member(String serviceUrl, String conversationId, String userId) throws IOException {
        return call("GET", conversationUrl(serviceUrl, conversationId) + "/members/" + encode(userId), null);
    }

    /** Posts an activity; returns the new activity's id (needed to update it later). */
    public String send(String serviceUrl, String conversationId, ObjectNode activity) throws IOException {
        JsonNode answer = call("POST", conversationUrl(serviceUrl, conversationId) + "/activities", activity);
        return answer.path("id").asText(null);
    }

    /** Replaces a posted activity, e.g. a reminder card after a report. */
    public void update(String serviceUrl, String conversationId, String activityId, ObjectNode activity) throws IOException {
        activity.put("id", activityId);
        call("PUT", conversationUrl(serviceUrl, conversationId) + "/activities/" + encode(activityId), activity);
    }

    private JsonNode call(String method, String url, ObjectNode body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token()).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            forgetToken();
        }
        if (response.statusCode() / 100 != 2) {
            Duration retryAfter = Notifier.DeliveryFailure.parseRetryAfter(
                    response.headers().firstValue("Retry-After").orElse(null));
            throw new ConnectorException(method + " " + URI.create(url).getPath() + " answered " + response.statusCode(),
                    response.statusCode(), retryAfter);
        }
        String text = response.body();
        return text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
    }

    private synchronized String token() throws IOException {
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return token;
        }
        String form = Map.of("grant_type", "client_credentials", "client_id", settings.appId(),
                        "client_secret", String.valueOf(settings.appPassword()), "scope", settings.scope())
                .entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new ConnectorException("the token endpoint answered " + response.statusCode(), response.statusCode(),
                    Notifier.DeliveryFailure.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        JsonNode answer = json.readTree(response.body());
        token = answer.path("access_token").asText();
        long lifetime = answer.path("expires_in").asLong(3600);
        tokenExpires = clock.instant().plusSeconds(Math.max(60, lifetime - 300));
        return token;
    }

    private synchronized void forgetToken() {
        token = null;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String conversationUrl(String serviceUrl, String conversationId) {
        String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
        return base + "v3/conversations/" + encode(conversationId);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
