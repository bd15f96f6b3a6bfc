package se.ange.tertial.notify;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.system.ProblemException;

/**
 * What stab and the admin may do to the outbox by hand: send a DEAD message again once its channel works
 * (back to PENDING, due now, attempts counted afresh) and cancel a PENDING one that should not go out. Each
 * takes the message's row lock first, so it never races a worker delivering that message, and is audited.
 */
@Singleton
public class OutboxAdministration {

    private final OutboxRepository outbox;
    private final AuditLog audit;
    private final Clock clock;

    OutboxAdministration(OutboxRepository outbox, AuditLog audit, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** A DEAD message due again now; anything else is refused (409) and left as it is. */
    @Transactional
    public OutboxMessage retry(long id, Actor actor) {
        OutboxMessage message = locked(id);
        if (message.kind() == MessageKind.SIGN_IN) {
            // a sign-in link is good for minutes: one sent late would only fail; the person asks for a new one
            throw new ProblemException(HttpStatus.CONFLICT, "En inloggningslänk skickas inte igen: den hinner gå ut. "
                    + "Personen ber om en ny på inloggningssidan.", List.of());
        }
        if (message.state() != OutboxState.DEAD) {
            throw new ProblemException(HttpStatus.CONFLICT, "Bara ett meddelande som gett upp (DEAD) kan skickas igen; "
                    + "det här är " + message.state(), List.of());
        }
        OutboxMessage retried = outbox.update(message.retried(clock.instant()));
        audit.record(actor, "outbox.retry", "outbox:" + id, null, summary(message), summary(retried));
        return retried.withoutSecrets();
    }

    /** A PENDING message that will not be sent; anything else is refused (409) and left as it is. */
    @Transactional
    public OutboxMessage cancel(long id, Actor actor) {
        OutboxMessage message = locked(id);
        if (message.state() != OutboxState.PENDING) {
            throw new ProblemException(HttpStatus.CONFLICT, "Bara ett väntande meddelande (PENDING) kan avbrytas; "
                    + "det här är " + message.state(), List.of());
        }
        OutboxMessage cancelled = outbox.update(message.cancelled());
        audit.record(actor, "outbox.cancel", "outbox:" + id, null, summary(message), summary(cancelled));
        return cancelled.withoutSecrets();
    }

    private OutboxMessage locked(long id) {
        return outbox.findByIdForUpdate(id).orElseThrow(() -> ProblemException.notFound("Inget meddelande " + id));
    }

    /** What the audit row keeps: never a body (a sign-in link is a key). */
    private static Map<String, Object> summary(OutboxMessage message) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("recipient", message.recipientId());
        values.put("kind", message.kind().name());
        values.put("channel", message.channel().name());
        values.put("state", message.state().name());
        values.put("attempts", message.attempts());
        if (message.lastError() != null) {
            values.put("lastError", message.lastError());
        }
        return values;
    }
}
