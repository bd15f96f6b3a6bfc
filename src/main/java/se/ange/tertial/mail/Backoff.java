package se.ange.tertial.mail;

import java.time.Duration;

/** A wait that doubles with each failure in a row, from {@code first} up to {@code max}. */
record Backoff(Duration first, Duration max) {

    Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < first <= max, not " + first + " / " + max);
        }
    }

    /** The wait after {@code failures} failures in a row (1 = the first failure: {@code first}). */
    Duration after(int failures) {
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
