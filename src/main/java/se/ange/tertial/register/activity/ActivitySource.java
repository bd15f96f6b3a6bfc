package se.ange.tertial.register.activity;

/** KS: decided by the board in the verksamhetsplan; UNIT: a unit's own activity toward a KS goal. */
public enum ActivitySource {
    KS, UNIT
}
