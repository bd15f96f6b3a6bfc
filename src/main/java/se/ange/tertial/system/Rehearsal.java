package se.ange.tertial.system;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/**
 * Runs a change for real and then rolls it back: what a preview shows ("would be created, updated, refused") is
 * what the same code would do, never a second copy of its rules. Everything the work writes — rows, audit,
 * outbox — is undone; only sequences may have moved.
 */
@Singleton
public class Rehearsal {

    private final TransactionOperations<Connection> transactions;

    Rehearsal(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The work's result, with nothing it wrote kept; an exception it throws (a refusal) passes through. */
    public <T> T rehearse(Supplier<T> work) {
        return transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
            T result = work.get();
            status.setRollbackOnly();
            return result;
        });
    }
}
