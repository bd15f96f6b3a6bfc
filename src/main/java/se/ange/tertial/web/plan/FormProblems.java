package se.ange.tertial.web.plan;

import java.util.Map;
import se.ange.tertial.system.ProblemError;
import se.ange.tertial.system.ProblemException;

/** A service's refusal of an activity, each message put at the form field it concerns. */
final class FormProblems {

    private FormProblems() {
    }

    static void from(ProblemException refused, Map<String, String> problems) {
        if (refused.errors().isEmpty()) {
            // a refusal of the whole (a manager outside their department): it concerns the department
            problems.putIfAbsent(refused.status().getCode() == 409 ? "a-ref" : "a-department", refused.getMessage());
            return;
        }
        for (ProblemError error : refused.errors()) {
            problems.putIfAbsent(field(error.field()), error.message());
        }
    }

    private static String field(String apiField) {
        if (apiField == null) {
            return "form";
        }
        return switch (apiField) {
            case "ref" -> "a-ref";
            case "title" -> "a-title";
            case "description" -> "a-description";
            case "goal", "goalYear" -> "a-goal";
            case "source" -> "a-source";
            case "department" -> "a-department";
            case "unit" -> "a-unit";
            case "startDate" -> "a-start";
            case "endDate" -> "a-end";
            case "owners" -> "a-owners";
            default -> "form";
        };
    }
}
