package se.ange.tertial.followup;

/** The languages users may choose for messages; Swedish is the default. */
public enum Language {
    SV, EN
}
