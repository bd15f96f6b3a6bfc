package se.ange.tertial.mail;

/** What became of a received reply. */
public enum InboundOutcome {
    /** Statuses recorded; the sender got a confirmation. */
    RECORDED,
    /** Trusted, but no status could be read; the sender got a friendly reply showing how to answer. */
    NOT_UNDERSTOOD,
    /** An out-of-office or other automatic reply: kept, never parsed, never answered. */
    AUTO_REPLY,
    /** The sender is not the person the reminder went to (nor their deputy); the owner got a notice. */
    REJECTED_SENDER,
    /** No valid, unexpired, correctly signed reply token. */
    REJECTED_TOKEN,
    /** The receiving server's Authentication-Results say SPF, DKIM or DMARC failed; the owner got a notice. */
    REJECTED_AUTH,
    /** The same Message-ID was processed before; nothing changed. */
    DUPLICATE,
    /** Kept as it arrived, not handled yet (its handling failed and is retried with back-off). */
    PENDING
}
