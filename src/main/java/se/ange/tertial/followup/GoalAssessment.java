package se.ange.tertial.followup;

import java.util.Optional;

/** The four goal assessments of the governance model, best first. */
public enum GoalAssessment {
    UPPFYLLD("Uppfylld", "Achieved", "●"),
    DELVIS_UPPFYLLD("Delvis uppfylld", "Partly achieved", "◕"),
    KNAPPT_UPPFYLLD("Knappt uppfylld", "Barely achieved", "◔"),
    EJ_UPPFYLLD("Ej uppfylld", "Not achieved", "○");

    /** What a report shows for a goal nobody assessed. */
    public static final String NOT_ASSESSED_SYMBOL = "–";

    private final String swedish;
    private final String english;
    private final String symbol;

    GoalAssessment(String swedish, String english, String symbol) {
        this.swedish = swedish;
        this.english = english;
        this.symbol = symbol;
    }

    /** The legend's symbol (seed 003's filled circles: full for Uppfylld, empty for Ej uppfylld). */
    public String symbol() {
        return symbol;
    }

    public String label(Language language) {
        return language == Language.EN ? english : swedish;
    }

    /**
     * Reads an assessment as people and the seeds write it: the enum name, the Swedish or English label,
     * ignoring case and diacritics, and the seeds' neuter "Uppfyllt", "Delvis uppfyllt", "Knappt uppfyllt",
     * "Ej uppfyllt" (also "inte uppfyllt", and the short "Delvis" / "Knappt" of the seeds' legend).
     */
    public static Optional<GoalAssessment> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = StatusText.normalize(text).strip()
                .replaceAll("\\buppfyll(t|da|d)?$", "uppfylld")
                .replaceAll("^inte ", "ej ");
        key = switch (key) {
            case "delvis" -> "delvis uppfylld";
            case "knappt" -> "knappt uppfylld";
            default -> key;
        };
        for (GoalAssessment assessment : values()) {
            if (key.equals(StatusText.normalize(assessment.name()).strip())
                    || key.equals(StatusText.normalize(assessment.swedish).strip())
                    || key.equals(StatusText.normalize(assessment.english).strip())) {
                return Optional.of(assessment);
            }
        }
        return Optional.empty();
    }
}
