package se.ange.tertial.chat.teams;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Optional;
import se.ange.tertial.command.CommandHandler;
import se.ange.tertial.command.Reply;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.notify.Notifier;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.system.ProblemException;

/**
 * Stab posts a summary to the Teams channel: any read command of the chat language ({@code försenade},
 * {@code saknas 2024-T1}, {@code avvikelser}), answered as the caller would see it in chat.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/teams/channel-posts")
@Requires(bean = TeamsChannelPost.class)
class TeamsChannelController {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TeamsChannelController.class);

    @Serdeable
    record Posted(String heading, int entries) {
    }

    private static final List<String> SUMMARIES = List.of("forsenade", "försenade", "overdue", "saknas", "missing",
            "avvikelser", "deviations");

    private final TeamsChannelPost channel;
    private final CommandHandler commands;

    TeamsChannelController(TeamsChannelPost channel, CommandHandler commands) {
        this.channel = channel;
        this.commands = commands;
    }

    @Post
    @Secured({"STAB", "ADMIN"})
    Posted post(@QueryValue String command, Authentication authentication) {
        String verb = command.strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
        if (!SUMMARIES.contains(verb)) {
            throw ProblemException.invalidField("command", "Bara sammanställningar kan postas: försenade, saknas, avvikelser");
        }
        Reply reply = commands.handle(command, Optional.of(Caller.of(authentication)), Channel.TEAMS);
        try {
            channel.post(reply);
        } catch (Notifier.DeliveryFailure e) {
            LOG.warn("Teams channel post failed: {}", e.getMessage(), e);
            throw new ProblemException(HttpStatus.BAD_GATEWAY,
                    "Teams-kanalen tog inte emot inlägget, så inget postades. Försök igen om en stund.", List.of());
        }
        return new Posted(reply.heading(), reply.entries().size());
    }
}
