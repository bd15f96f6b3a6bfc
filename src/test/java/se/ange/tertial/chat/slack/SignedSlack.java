package se.ange.tertial.chat.slack;

import com.slack.api.app_backend.SlackSignature;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Requests to Slack's endpoint signed exactly as Slack signs them (v0, HMAC-SHA256 of timestamp and body). */
final class SignedSlack {

    static final String SECRET = "test-signing-secret-0123456789abcdef";

    /** What came back: status and body, also for 4xx/5xx. */
    record Answer(int status, String body) {
    }

    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param server the running service; requests go over the wire as they are, any content type */
    SignedSlack(EmbeddedServer server) {
        this.endpoint = server.getURI().resolve("/slack/events");
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
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
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
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
