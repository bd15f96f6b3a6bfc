package se.ange.tertial.followup;

import java.util.Optional;

/** The four goal assessments of the governance model, best first. */
public enum GoalAssessment {
    UPPFYLLD("Uppfylld", "Achieved"),
    DELVIS_UPPFYLLD("Delvis uppfylld", "Partly achieved"),
    KNAPPT_UPPFYLLD("Knappt uppfylld", "Barely achieved"),
    EJ_UPPFYLLD("Ej uppfylld", "Not achieved");

    private final String swedish;
    private final String english;

    GoalAssessment(String swedish, String english) {
        this.swedish = swedish;
        this.english = english;
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
