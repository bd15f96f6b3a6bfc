package se.ange.tertial.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Caller;

/** What is waiting, sent, dead or cancelled in the outbox; a DEAD message sent again, a PENDING one cancelled. */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/outbox")
@Secured({"STAB", "ADMIN"})
class OutboxController {

    private final OutboxRepository outbox;
    private final OutboxAdministration administration;

    OutboxController(OutboxRepository outbox, OutboxAdministration administration) {
        this.outbox = outbox;
        this.administration = administration;
    }

    @Get
    List<OutboxMessage> list(@Nullable @QueryValue OutboxState state) {
        return (state == null ? outbox.findAllOrderById() : outbox.findByStateOrderById(state)).stream()
                .map(OutboxMessage::withoutSecrets).toList();
    }

    @Post("/{id}/retry")
    OutboxMessage retry(@PathVariable long id, Authentication authentication) {
        return administration.retry(id, Caller.of(authentication).actor(Channel.API));
    }

    @Post("/{id}/cancel")
    OutboxMessage cancel(@PathVariable long id, Authentication authentication) {
        return administration.cancel(id, Caller.of(authentication).actor(Channel.API));
    }
}
