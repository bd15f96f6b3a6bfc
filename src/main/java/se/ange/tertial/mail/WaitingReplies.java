package se.ange.tertial.mail;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Messages left in the reply mailbox because they could not be kept (the database was unavailable), by UID:
 * when each is tried again. Once one message is kept again, the others are due at once.
 */
final class WaitingReplies {

    /** A message's identity in the mailbox: its UID, valid while the folder's UIDVALIDITY stays. */
    record Uid(long validity, long uid) {
    }

    /** A message that could not be kept: how often in a row, and when it is tried again. */
    record Waiting(int failures, Instant until) {
    }

    private final Backoff backoff;
    private final Map<Uid, Waiting> waiting = new HashMap<>();
    private Instant retryAt;
    private int pollFailures;

    WaitingReplies(Backoff backoff) {
        this.backoff = backoff;
    }

    /** Forgets messages no longer in the folder (handled, moved by a person, or a new UIDVALIDITY). */
    synchronized void present(Set<Uid> uids) {
        waiting.keySet().retainAll(uids);
    }

    synchronized boolean waits(Uid uid, Instant now) {
        Waiting wait = waiting.get(uid);
        return wait != null && now.isBefore(wait.until());
    }

    synchronized Waiting failed(Uid uid, Instant now) {
        Waiting before = waiting.get(uid);
        int failures = before == null ? 1 : before.failures() + 1;
        Waiting next = new Waiting(failures, now.plus(backoff.after(failures)));
        waiting.put(uid, next);
        return next;
    }

    /** Kept: the database answers (again), so the messages waiting for it are due at once. */
    synchronized void kept(Uid uid, Instant now) {
        waiting.remove(uid);
        waiting.replaceAll((key, wait) -> new Waiting(wait.failures(), now));
    }

    /** After a poll: the next retry is when the first waiting message is due. */
    synchronized void polled() {
        pollFailures = 0;
        retryAt = waiting.values().stream().map(Waiting::until).min(Comparator.naturalOrder()).orElse(null);
    }

    /** A retry could not read the mailbox at all: it is tried again with the same back-off. */
    synchronized void pollFailed(Instant now) {
        retryAt = now.plus(backoff.after(++pollFailures));
    }

    synchronized boolean due(Instant now) {
        return retryAt != null && !now.isBefore(retryAt);
    }

    synchronized Instant retryAt() {
        return retryAt;
    }
}
