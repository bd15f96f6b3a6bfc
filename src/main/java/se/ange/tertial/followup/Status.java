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

    /** Older reports (seed 003) say "Försenad"; it means in progress with deviation. */
    private static final String LEGACY_DELAYED = "forsenad";

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
     * Reads a status written by a person or a file: the enum name, the Swedish or English label,
     * ignoring case, diacritics and punctuation ("pagaende enligt plan"), or the legacy "Försenad".
     */
    public static Optional<Status> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = normalize(text);
        if (key.equals(LEGACY_DELAYED)) {
            return Optional.of(PAGAENDE_MED_AVVIKELSE);
        }
        for (Status status : values()) {
            if (key.equals(normalize(status.name())) || key.equals(normalize(status.swedish))
                    || key.equals(normalize(status.english))) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    private static String normalize(String text) {
        return StatusText.normalize(text).strip();
    }
}
