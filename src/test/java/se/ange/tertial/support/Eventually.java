package se.ange.tertial.support;

import java.util.function.BooleanSupplier;

/** Waits for an outcome, polling, with a generous bound (an outcome, never a duration, is what tests assert). */
public final class Eventually {

    private Eventually() {
    }

    /** @return whether the condition came true within {@code seconds} */
    public static boolean within(int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
