package se.ange.tertial.followup;

/** The kinds of deviation a manager wants to hear about, most urgent first. */
public enum DeviationKind {
    OVERDUE("Försenad: slutdatum passerat", "Overdue: end date passed"),
    MISSING_REPORT("Status saknas för tertialet", "No status reported for the tertial"),
    WITH_DEVIATION("Rapporterad med avvikelse", "Reported with deviation"),
    DEVIATION_WITHOUT_COMMENT("Avvikelse utan kommentar", "Deviation reported without a comment"),
    NOT_STARTED("Ej påbörjad trots passerat startdatum", "Not started after its start date"),
    ON_HOLD("Vänteläge", "On hold");

    private final String swedish;
    private final String english;

    DeviationKind(String swedish, String english) {
        this.swedish = swedish;
        this.english = english;
    }

    public String label(Language language) {
        return language == Language.EN ? english : swedish;
    }
}
