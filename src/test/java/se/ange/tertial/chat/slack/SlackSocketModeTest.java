package se.ange.tertial.chat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;

/**
 * Socket Mode: with {@code SLACK_APP_TOKEN} set, Tertial opens the WebSocket Slack hands out
 * (apps.connections.open, on the Web API stub) and answers the envelopes sent over it, here a local
 * WebSocket server in Slack's place.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackSocketModeTest implements TestPropertyProvider {

    private final WireMockServer slackApi = new WireMockServer(options().dynamicPort());
    private final SlackSocket socket = new SlackSocket();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ActivityCatalog catalog;

    @Override
    public Map<String, String> getProperties() {
        socket.start();
        slackApi.start();
        slackApi.stubFor(post(urlPathEqualTo("/api/apps.connections.open")).willReturn(okJson(
                "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socket.port() + "/link/?ticket=t1\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}")));
        return Map.of("tertial.slack.signing-secret", "test-signing-secret-0123456789abcdef",
                "tertial.slack.bot-token", "test-bot-token", "tertial.slack.app-token", "xapp-test-app-token",
                "tertial.slack.api-url", slackApi.baseUrl() + "/api/");
    }

    @AfterAll
    void stop() throws InterruptedException {
        slackApi.stop();
        socket.stop(1000);
    }

    @Test
    void slash_commands_arrive_over_the_socket_and_are_acknowledged_with_the_answer() throws Exception {
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
        WebSocket connection = socket.connected.get(20, TimeUnit.SECONDS);
        slackApi.verify(postRequestedFor(urlPathEqualTo("/api/apps.connections.open")));

        connection.send(envelope("env-1", "U05OWN0001", "status KS2024-002 pågående enligt plan: bokat"));
        String ack = socket.nextFor("env-1");
        assertThat(ack).contains("Tack! Registrerat");
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).singleElement().satisfies(report -> {
            assertThat(report.channel().name()).isEqualTo("SLACK");
            assertThat(report.reportedBy()).isEqualTo("emma.berglund@ange.example");
            assertThat(report.comment()).isEqualTo("bokat");
        });

        connection.send(envelope("env-2", "U05STAB001", "hjälp"));
        assertThat(socket.nextFor("env-2")).contains("mina");
    }

    private String envelope(String id, String userId, String text) {
        return """
                {"envelope_id":"%s","type":"slash_commands","accepts_response_payload":true,
                 "payload":{"token":"legacy","team_id":"T1","team_domain":"ange","channel_id":"D1",
                   "channel_name":"directmessage","user_id":"%s","user_name":"someone","command":"/tertial",
                   "text":"%s","api_app_id":"A1","is_enterprise_install":"false",
                   "response_url":"%s/respond","trigger_id":"1.2.3"}}
                """.formatted(id, userId, text, slackApi.baseUrl());
    }

    /** Slack's side of Socket Mode: says hello, then collects what the app sends back. */
    private static final class SlackSocket extends WebSocketServer {
        final CompletableFuture<WebSocket> connected = new CompletableFuture<>();
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        SlackSocket() {
            super(new InetSocketAddress("127.0.0.1", se.ange.tertial.support.Ports.free()));
            setReuseAddr(true);
        }

        int port() {
            return getAddress().getPort();
        }


        String nextFor(String envelopeId) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                String message = received.poll(200, TimeUnit.MILLISECONDS);
                if (message != null && message.contains("\"" + envelopeId + "\"")) {
                    return message;
                }
            }
            throw new AssertionError("no acknowledgement for " + envelopeId);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"stub\"},"
                    + "\"connection_info\":{\"app_id\":\"A1\"}}");
            connected.complete(conn);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
        }
    }
}
