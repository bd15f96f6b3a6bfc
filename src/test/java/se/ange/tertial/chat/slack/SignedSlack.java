package se.ange.tertial.chat.slack;

import com.slack.api.app_backend.SlackSignature;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Requests to Slack's endpoint signed exactly as Slack signs them (v0, HMAC-SHA256 of timestamp and body). */
final class SignedSlack {

    static final String SECRET = "test-signing-secret-0123456789abcdef";

    /** What came back: status and body, also for 4xx/5xx. */
    record Answer(int status, String body) {
    }

    private final HttpClient client;

    SignedSlack(HttpClient client) {
        this.client = client;
    }

    static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    static String signature(String timestamp, String body) {
        return new SlackSignature.Generator(SECRET).generate(timestamp, body);
    }

    /** A slash command's form body as Slack sends it. */
    static String command(String userId, String text) {
        return "token=legacy&team_id=T1&team_domain=ange&channel_id=D1&channel_name=directmessage&user_id="
                + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "&user_name=someone&command=%2Ftertial&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&trigger_id=1.2.3";
    }

    /** An interactivity body: {@code payload=} and the JSON, form-encoded. */
    static String interaction(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    Answer send(String body, String contentType) {
        String timestamp = now();
        return send(body, contentType, timestamp, signature(timestamp, body));
    }

    Answer send(String body, String contentType, String timestamp, String signature) {
        MutableHttpRequest<String> request = HttpRequest.POST("/slack/events", body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return new Answer(response.code(), response.getBody().orElse(""));
        } catch (HttpClientResponseException e) {
            return new Answer(e.getStatus().getCode(), e.getResponse().getBody(String.class).orElse(""));
        }
    }
}
