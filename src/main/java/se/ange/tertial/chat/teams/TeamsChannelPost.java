package se.ange.tertial.chat.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import se.ange.tertial.command.Reply;
import se.ange.tertial.notify.ChannelPosts;
import se.ange.tertial.notify.Notifier;

/**
 * Posts an answer to a Teams channel as an Adaptive Card through the channel's incoming webhook or
 * Workflows URL ({@code tertial.teams.channel-webhook-url}, a secret: from the environment only).
 */
@Singleton
@Requires(property = "tertial.teams.channel-webhook-url", pattern = ".+")
public class TeamsChannelPost implements ChannelPosts {

    private final URI webhook;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TeamsChannelPost(TeamsSettings settings) {
        this.webhook = URI.create(settings.channelWebhookUrl());
    }

    /** A prepared text (the weekly stab summary) as a card with its heading. */
    @Override
    public void post(String heading, String text) throws Notifier.DeliveryFailure {
        send(TeamsCards.textCard(heading, text));
    }

    /** @throws Notifier.DeliveryFailure when the webhook did not take it (with Retry-After on 429) */
    public void post(Reply reply) throws Notifier.DeliveryFailure {
        send(TeamsCards.reply(reply));
    }

    private void send(ObjectNode card) throws Notifier.DeliveryFailure {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("type", "message");
        message.withArray("attachments").add(JsonNodeFactory.instance.objectNode()
                .put("contentType", TeamsCards.CARD_TYPE).putNull("contentUrl").set("content", card));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(TeamsCards.JSON_MAPPER.writeValueAsString(message))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new Notifier.DeliveryFailure("the Teams channel webhook answered " + response.statusCode(), null,
                        Notifier.DeliveryFailure.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null)));
            }
        } catch (IOException e) {
            throw new Notifier.DeliveryFailure("the Teams channel webhook is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Notifier.DeliveryFailure("interrupted", e);
        }
    }
}
