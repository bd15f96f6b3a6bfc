package se.ange.tertial.followup;

import java.util.Optional;

/** The six activity statuses of the municipality's governance model (seed 004's legend). */
public enum Status {
    EJ_PABORJAD("Ej påbörjad", "Not started", "○"),
    PAGAENDE_ENLIGT_PLAN("Pågående enligt plan", "In progress, on plan", "▶"),
    PAGAENDE_MED_AVVIKELSE("Pågående med avvikelse", "In progress, with deviation", "⚠"),
    VANTELAGE("Vänteläge", "On hold", "⏸"),
    AVSLUTAD_ENLIGT_PLAN("Avslutad enligt plan", "Completed as planned", "✔"),
    AVSLUTAD_MED_AVVIKELSE("Avslutad med avvikelse", "Completed with deviation", "⚠");

    private final String swedish;
    private final String english;
    private final String symbol;

    Status(String swedish, String english, String symbol) {
        this.swedish = swedish;
        this.english = english;
        this.symbol = symbol;
    }

    public String swedish() { return swedish; }

    public String english() { return english; }

    public String label(Language language) { return language == Language.EN ? english : swedish; }

    public String symbol() { return symbol; }

    public boolean isCompleted() { return this == AVSLUTAD_ENLIGT_PLAN || this == AVSLUTAD_MED_AVVIKELSE; }

    public boolean isWithDeviation() { return this == PAGAENDE_MED_AVVIKELSE || this == AVSLUTAD_MED_AVVIKELSE; }

    /**
     * Reads a status written by a person, a file or an API client: the enum name, the Swedish or English
     * label ignoring case, diacritics and punctuation, the number 1–6 of the reminders, the legacy
     * "Försenad" and the seeds' "Avslutad med avvikelser". The same rule as chat and e-mail
     * ({@link StatusText}), for a text that holds nothing but the status.
     */
    public static Optional<Status> parse(String text) {
        return StatusText.readWhole(text);
    }
}
