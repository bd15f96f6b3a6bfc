package se.ange.tertial.notify;

/**
 * Published by a run that put messages in the outbox; after its transaction commits the workers start
 * delivering, so a run's mail leaves at once rather than at the next poll.
 */
public record OutboxFilled(int messages) {
}
