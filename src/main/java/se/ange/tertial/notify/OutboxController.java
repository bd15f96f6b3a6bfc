package se.ange.tertial.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import java.util.List;

/** What is waiting, sent, dead or cancelled in the outbox. */
@Controller("/api/outbox")
@Secured({"STAB", "ADMIN"})
class OutboxController {

    private final OutboxRepository outbox;

    OutboxController(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Get
    List<OutboxMessage> list(@Nullable @QueryValue OutboxState state) {
        return (state == null ? outbox.findAllOrderById() : outbox.findByStateOrderById(state)).stream()
                .map(OutboxMessage::withoutSecrets).toList();
    }
}
