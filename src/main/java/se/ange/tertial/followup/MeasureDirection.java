package se.ange.tertial.followup;

/** Which way a measure (mått) should move to count as better: "Sjukfrånvaro (%)" should decrease. */
public enum MeasureDirection {
    INCREASE, DECREASE
}
