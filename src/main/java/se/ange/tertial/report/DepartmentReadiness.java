package se.ange.tertial.report;

/**
 * The rule for a department's readiness in a tertial's follow-up. The department's manager marks its part
 * ready, and may take it back until stab has reviewed it; stab reviews a ready part, or sends it back (ready
 * or reviewed) with a note, after which the manager marks it ready again. Nothing changes once the tertial is
 * closed. Plain Java.
 */
public final class DepartmentReadiness {

    /** Ej klar, Klar, Granskad. */
    public enum State {
        NOT_READY, READY, REVIEWED
    }

    public enum Action {
        MARK_READY, TAKE_BACK, REVIEW, SEND_BACK
    }

    /** Why a change is refused. */
    public enum Refusal {
        /** The tertial is closed: its readiness is read-only. */
        CLOSED,
        /** Not the caller's to do: ready and take back are the department manager's, review and send back stab's. */
        NOT_YOURS,
        /** Not from this state (ready twice, take back after review, review a part that is not ready). */
        NOT_NOW,
        /** Sending back needs a note saying what to complete. */
        NOTE_MISSING
    }

    /** The state after the action, or why it is refused (then {@code state} is the unchanged one). */
    public record Outcome(State state, Refusal refusal) {

        public boolean allowed() {
            return refusal == null;
        }

        static Outcome to(State state) {
            return new Outcome(state, null);
        }

        static Outcome refused(State unchanged, Refusal why) {
            return new Outcome(unchanged, why);
        }
    }

    private DepartmentReadiness() {
    }

    /**
     * @param departmentManager the caller manages this department (the whole department, not one unit)
     * @param stab              the caller is stab
     * @param closed            the tertial is closed
     * @param hasNote           a note came with the action (not blank)
     */
    public static Outcome decide(State from, Action action, boolean departmentManager, boolean stab, boolean closed,
                                 boolean hasNote) {
        if (closed) {
            return Outcome.refused(from, Refusal.CLOSED);
        }
        boolean managerAction = action == Action.MARK_READY || action == Action.TAKE_BACK;
        if (managerAction ? !departmentManager : !stab) {
            return Outcome.refused(from, Refusal.NOT_YOURS);
        }
        return switch (action) {
            case MARK_READY -> from == State.NOT_READY ? Outcome.to(State.READY) : Outcome.refused(from, Refusal.NOT_NOW);
            case TAKE_BACK -> from == State.READY ? Outcome.to(State.NOT_READY) : Outcome.refused(from, Refusal.NOT_NOW);
            case REVIEW -> from == State.READY ? Outcome.to(State.REVIEWED) : Outcome.refused(from, Refusal.NOT_NOW);
            case SEND_BACK -> from == State.NOT_READY ? Outcome.refused(from, Refusal.NOT_NOW)
                    : hasNote ? Outcome.to(State.NOT_READY) : Outcome.refused(from, Refusal.NOTE_MISSING);
        };
    }
}
