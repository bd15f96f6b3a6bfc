package se.ange.tertial.notify;

/** What an outbox message is; a person gets at most one message of a kind per day. */
public enum MessageKind {
    REMINDER
}
