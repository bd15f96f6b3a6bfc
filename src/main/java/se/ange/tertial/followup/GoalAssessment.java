package se.ange.tertial.followup;

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
}
