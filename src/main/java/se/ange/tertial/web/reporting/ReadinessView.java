package se.ange.tertial.web.reporting;

import io.micronaut.core.annotation.Nullable;

/**
 * A department's row in the readiness table: its state in words, who did it and when, stab's note when the
 * part came back, and which buttons the viewer has ({@code error}: a refused send-back's message).
 */
record ReadinessView(long departmentId, String department, String state, String stateClass, @Nullable String detail,
                     @Nullable String note, boolean canReady, boolean canTakeBack, boolean canReview,
                     boolean canSendBack, @Nullable String error, String typedNote) {

    public boolean hasActions() {
        return canReady || canTakeBack || canReview || canSendBack;
    }

    /** The id of the send-back note's field (the error summary links to it). */
    public String noteId() {
        return "note-" + departmentId;
    }
}
