package se.ange.tertial.web.plan;

import java.util.Comparator;
import java.util.List;
import se.ange.tertial.system.ProblemError;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.web.WebTexts;

/** The rows of an import preview: what each line would do, and each refused line with its reason. */
final class ImportPreview {

    record Line(int line, String ref, String title, String outcome) {
    }

    record Refused(String line, String column, String reason) {
    }

    private ImportPreview() {
    }

    /** Every error of a refused file, by line; one without a line (the file as a whole) first. */
    static List<Refused> refusals(ProblemException refused, WebTexts t) {
        if (refused.errors().isEmpty()) {
            return List.of(new Refused(t.get("plan.preview.wholeFile"), "", refused.getMessage()));
        }
        return refused.errors().stream()
                .sorted(Comparator.comparing((ProblemError e) -> e.line() == null ? 0 : e.line()))
                .map(e -> new Refused(e.line() == null ? t.get("plan.preview.wholeFile") : String.valueOf(e.line()),
                        e.column() != null ? e.column() : e.field() != null ? e.field() : "", e.message()))
                .toList();
    }
}
