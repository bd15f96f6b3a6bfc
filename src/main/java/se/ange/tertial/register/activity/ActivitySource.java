package se.ange.tertial.register.activity;

/** KS: decided by the board in the verksamhetsplan; UNIT: a department's (or unit's) own activity toward a KS goal. */
public enum ActivitySource {
    KS("Kommunstyrelsens plan"),
    UNIT("Avdelningens egen");

    private final String swedish;

    ActivitySource(String swedish) {
        this.swedish = swedish;
    }

    /** The origin as users read it, in lists, exports and reports. */
    public String swedish() {
        return swedish;
    }
}
