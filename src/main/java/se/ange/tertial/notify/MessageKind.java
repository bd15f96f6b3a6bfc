package se.ange.tertial.notify;

/** What an outbox message is. */
public enum MessageKind {
    /** Reminders and escalations, rendered from their items at delivery. */
    REMINDER,
    /** An answer to an e-mail reply: what was recorded, or how to answer. */
    ANSWER,
    /** A notice to an owner, e.g. that a reply in their name was rejected. */
    NOTICE,
    /** The weekly deviation digest to a manager or stab. */
    DIGEST,
    /** A sign-in link to the web pages, asked for by the person themselves. */
    SIGN_IN,
    /** A post to a team's channel (the stab summary); the recipient is the person it was made for. */
    CHANNEL_POST
}
