package se.ange.tertial.report;

/**
 * The text sections of a report kind: Tertial writes a Swedish default, stab (or the department's manager,
 * for their uppsiktsrapport) edits it per tertial and scope, and the text is frozen with the tertial.
 *
 * @param heading the section's heading in the document
 */
public enum TextSection {
    /** Uppsikt: "Redovisning av arbete för de politiska målen", the intro with the styrmodell quote. */
    UPPSIKT_INTRO(ReportKind.UPPSIKT, "Redovisning av arbete för de politiska målen"),
    UPPSIKT_REPORTING(ReportKind.UPPSIKT, "Rapportering och uppföljning"),
    UPPSIKT_DELIMITATION(ReportKind.UPPSIKT, "Avgränsning"),
    /** Måluppföljning: "Inledning", with the legend of assessments and statuses. */
    MALUPPFOLJNING_INTRO(ReportKind.MALUPPFOLJNING, "Inledning"),
    /** Måluppföljning: the closing "Sammanfattning och analys". */
    MALUPPFOLJNING_ANALYSIS(ReportKind.MALUPPFOLJNING, "Sammanfattning och analys");

    private final ReportKind kind;
    private final String heading;

    TextSection(ReportKind kind, String heading) {
        this.kind = kind;
        this.heading = heading;
    }

    public ReportKind kind() {
        return kind;
    }

    public String heading() {
        return heading;
    }
}
