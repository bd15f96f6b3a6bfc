package se.ange.tertial.chat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import se.ange.tertial.command.CommandHandler;
import se.ange.tertial.command.Reply;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Caller;

/**
 * The Bolt app: every Slack handler is registered here, each a thin call into the command core. Slack
 * wants an acknowledgement within 3 seconds: an answer ready within 2 comes with the ack, a slower one
 * is acknowledged at once and sent through {@code response_url} when done.
 */
@Factory
@Requires(property = "tertial.slack.signing-secret", pattern = ".+")
class SlackApp {

    @Singleton
    App app(SlackSettings settings, CommandHandler commands, SlackPeople people, SlackReports reports,
            se.ange.tertial.notify.ChatRecords records,
            @jakarta.inject.Named(io.micronaut.scheduling.TaskExecutors.BLOCKING) ExecutorService blocking) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/");
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
                if (se.ange.tertial.command.CommandParser.parse(text) instanceof se.ange.tertial.command.CommandParser.Parsed.Ok ok
                        && ok.command() instanceof se.ange.tertial.command.Command.Report) {
                    // a status report by chat is an official record: keep it as received
                    records.keep("SLACK", userId, caller.map(Caller::personId).orElse(null), request.getRequestBodyAsString());
                }
                return commands.handle(text, caller, Channel.SLACK);
            }, blocking);
            try {
                Reply reply = answer.get(2, TimeUnit.SECONDS);
                return context.ack(r -> r.responseType("ephemeral").text(reply.toText()).blocks(SlackBlocks.of(reply)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return context.ack("Ett ögonblick …");
            } catch (java.util.concurrent.ExecutionException e) {
                org.slf4j.LoggerFactory.getLogger(SlackApp.class).warn("Slack command failed: {}", e.getCause().getMessage());
                return context.ack("Något gick fel hos Tertial. Försök igen om en stund.");
            } catch (TimeoutException slow) {
                answer.thenAccept(reply -> {
                    try {
                        context.respond(r -> r.responseType("ephemeral").text(reply.toText()).blocks(SlackBlocks.of(reply)));
                    } catch (java.io.IOException e) {
                        org.slf4j.LoggerFactory.getLogger(SlackApp.class).warn("Slack response_url failed: {}", e.getMessage());
                    }
                });
                return context.ack("Ett ögonblick …");
            }
        });
        app.blockAction(SlackReminders.ACTION, (request, context) -> {
            reports.openCommentModal(app, request.getPayload());
            return context.ack();
        });
        app.viewSubmission(SlackReminderService.MODAL, (request, context) -> {
            Optional<String> refused = reports.submit(app, request.getPayload(), request.getRequestBodyAsString());
            return refused.isEmpty() ? context.ack()
                    : context.ack(r -> r.responseAction("errors").errors(java.util.Map.of("comment", refused.get())));
        });
        return app;
    }
}
