package se.ange.tertial.register.goal;

/** KF: the council's long-term goal; KS: the board's yearly goal under it. */
public enum GoalLevel {
    KF, KS
}
