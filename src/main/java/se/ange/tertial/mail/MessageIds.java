package se.ange.tertial.mail;

import io.micronaut.context.annotation.Context;
import io.micronaut.data.event.listeners.PostPersistEventListener;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Optional;
import se.ange.tertial.notify.OutboxMessage;

/**
 * Each outbox message's Message-ID, {@code <outbox-{id}.{random}@{hostname}>}: stored with the row in the
 * transaction that creates it, so every attempt (also one after a crash between the SMTP send and the commit)
 * sends the same ID and a duplicate is recognisable as one. The random part keeps IDs unique when a database
 * is recreated and its ids start again.
 */
@Singleton
@Context   // created at start: a hostname that is no usable name stops the start with a clear message
class MessageIds implements PostPersistEventListener<OutboxMessage> {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcOperations jdbc;
    private final String hostname;

    MessageIds(JdbcOperations jdbc, MailConnectionConfig connection, MailConfig mail) {
        this.jdbc = jdbc;
        this.hostname = connection.effectiveHostname(mail.from());
    }

    @Override
    public void postPersist(OutboxMessage message) {
        if (message.id() != null) {
            assign(message.id());
        }
    }

    /**
     * The message's stored Message-ID; a row from before they were stored gets one now (in the delivery's
     * transaction when there is one).
     */
    @Transactional
    String of(long outboxId) {
        Optional<String> stored = stored(outboxId);
        if (stored.isPresent()) {
            return stored.get();
        }
        String fresh = assign(outboxId);
        // when two took it at once, the one stored first counts
        return stored(outboxId).orElse(fresh);
    }

    String hostname() {
        return hostname;
    }

    private String assign(long outboxId) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        String id = "<outbox-" + outboxId + "." + HexFormat.of().formatHex(random) + "@" + hostname + ">";
        jdbc.prepareStatement("UPDATE outbox_message SET message_id = ? WHERE id = ? AND message_id IS NULL", statement -> {
            statement.setString(1, id);
            statement.setLong(2, outboxId);
            return statement.executeUpdate();
        });
        return id;
    }

    private Optional<String> stored(long outboxId) {
        return jdbc.prepareStatement("SELECT message_id FROM outbox_message WHERE id = ?", statement -> {
            statement.setLong(1, outboxId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.<String>empty();
            }
        });
    }
}
