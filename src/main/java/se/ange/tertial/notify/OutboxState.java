package se.ange.tertial.notify;

/** PENDING (also while retrying), SENT, DEAD after too many failures, CANCELLED when nothing is left to say. */
public enum OutboxState {
    PENDING, SENT, DEAD, CANCELLED
}
