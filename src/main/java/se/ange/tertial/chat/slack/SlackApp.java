package se.ange.tertial.chat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.command.Command;
import se.ange.tertial.command.CommandHandler;
import se.ange.tertial.command.CommandParser;
import se.ange.tertial.command.Reply;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.notify.ChatRecords;
import se.ange.tertial.register.access.Caller;

/**
 * The Bolt app: every Slack handler is registered here, each a thin call into the command core. Slack
 * wants an acknowledgement within 3 seconds: an answer ready within 2 comes with the ack, a slower one
 * is acknowledged at once and sent through {@code response_url} when done.
 */
@Factory
@Requires(property = "tertial.slack.signing-secret", pattern = ".+")
class SlackApp {

    private static final Logger LOG = LoggerFactory.getLogger(SlackApp.class);

    @Singleton
    App app(SlackSettings settings, CommandHandler commands, SlackPeople people, SlackReports reports,
            ChatRecords records,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/");
        // a Slack API that stops answering fails the call (and the outbox retries) instead of holding a worker;
        // connecting is bounded by OkHttp's default, 10 s
        slackConfig.setHttpClientReadTimeoutMillis(10_000);
        slackConfig.setHttpClientWriteTimeoutMillis(10_000);
        slackConfig.setHttpClientCallTimeoutMillis(20_000);
        App app = new App(AppConfig.builder()
                .signingSecret(settings.signingSecret())
                .singleTeamBotToken(settings.botToken())
                .slack(Slack.getInstance(slackConfig))
                .build());
        app.command(settings.command(), (request, context) -> {
            String text = request.getPayload().getText();
            String userId = request.getPayload().getUserId();
            CompletableFuture<Reply> answer = CompletableFuture.supplyAsync(() -> {
                Optional<Caller> caller = people.caller(app, userId);
                if (CommandParser.parse(text) instanceof CommandParser.Parsed.Ok ok
                        && ok.command() instanceof Command.Report) {
                    // a status report by chat is an official record: keep it as received
                    records.keep("SLACK", userId, caller.map(Caller::personId).orElse(null), request.getRequestBodyAsString());
                }
                return commands.handle(text, caller, Channel.SLACK);
            }, blocking);
            try {
                Reply reply = answer.get(settings.answerWithin().toMillis(), TimeUnit.MILLISECONDS);
                return context.ack(r -> r.responseType("ephemeral").text(SlackBlocks.fallback(reply)).blocks(SlackBlocks.of(reply)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return context.ack("Ett ögonblick …");
            } catch (ExecutionException e) {
                LOG.warn("Slack command failed: {}", e.getCause().getMessage());
                return context.ack("Något gick fel hos Tertial. Försök igen om en stund.");
            } catch (TimeoutException slow) {
                answer.whenComplete((reply, failure) -> {
                    try {
                        if (failure != null) {
                            // the user was told "a moment": never leave them waiting in silence
                            LOG.warn("Slack command failed: {}", failure.getMessage());
                            context.respond(r -> r.responseType("ephemeral")
                                    .text("Något gick fel hos Tertial. Försök igen om en stund."));
                        } else {
                            context.respond(r -> r.responseType("ephemeral").text(SlackBlocks.fallback(reply)).blocks(SlackBlocks.of(reply)));
                        }
                    } catch (IOException e) {
                        LOG.warn("Slack response_url failed: {}", e.getMessage());
                    }
                });
                return context.ack("Ett ögonblick …");
            }
        });
        app.blockAction(SlackReminders.ACTION, (request, context) -> {
            try {
                reports.openCommentModal(app, request.getPayload());
            } catch (IOException | SlackApiException | IllegalStateException e) {
                // the person chose a status and nothing opened: say so where they are, and how to answer anyway
                LOG.warn("Slack views.open failed, the comment modal was not shown", e);
                try {
                    context.respond(r -> r.responseType("ephemeral").replaceOriginal(false)
                            .text(SlackBlocks.escape(reports.modalFailed(app, request.getPayload()))));
                } catch (IOException | RuntimeException again) {
                    LOG.warn("Slack response_url failed too: {}", again.getMessage());
                }
            }
            return context.ack();
        });
        app.viewSubmission(SlackReminderService.MODAL, (request, context) -> {
            Optional<String> refused = reports.submit(app, request.getPayload(), request.getRequestBodyAsString());
            return refused.isEmpty() ? context.ack()
                    : context.ack(r -> r.responseAction("errors").errors(Map.of("comment", refused.get())));
        });
        return app;
    }
}
