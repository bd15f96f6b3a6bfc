package se.ange.tertial.report;

import java.util.Locale;
import java.util.Optional;

/**
 * The two documents the municipality hands in each tertial. {@link #UPPSIKT}: one department's (or unit's)
 * uppsiktsrapport, its activities per goal with fixed text sections and no goal assessments (seeds 000, 001).
 * {@link #MALUPPFOLJNING}: the board's måluppföljning, per goal the decided assessment, measures and analysis,
 * then the activities (seed 003, cover memo seed 004).
 */
public enum ReportKind {
    UPPSIKT("uppsikt"),
    MALUPPFOLJNING("maluppfoljning");

    private final String code;

    ReportKind(String code) {
        this.code = code;
    }

    /** The name in the API ({@code ?kind=uppsikt}) and in file names. */
    public String code() {
        return code;
    }

    public static Optional<ReportKind> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace("å", "a").replace("ö", "o");
        for (ReportKind kind : values()) {
            if (kind.code.equals(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
