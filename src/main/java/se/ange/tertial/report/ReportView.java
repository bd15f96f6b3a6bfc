package se.ange.tertial.report;

import java.util.ArrayList;
import java.util.List;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Tertial;

/**
 * What the HTML templates show beside the document itself: the cover's lines in words, the document title
 * for the metadata and the table of contents (levels 1 and 2, also the PDF's bookmarks).
 */
public record ReportView(String documentTitle, String subject, String organisation, String tertialText,
                         String dateText, String stateText, List<TocEntry> toc) {

    static final String PRELIMINARY = "Preliminär: tertialen är inte låst, rapporten visar registret som det är nu.";

    /** A line of the table of contents, pointing at the heading with id {@code anchor}. */
    public record TocEntry(int level, String anchor, String text) {
    }

    static ReportView of(ReportDocument document) {
        String tertial = tertialText(document.tertial());
        String subject = switch (document.kind()) {
            case UPPSIKT -> "Verksamhetens arbete mot de politiska målen, " + tertial.toLowerCase(java.util.Locale.ROOT);
            case MALUPPFOLJNING -> "Uppföljning av kommunstyrelsens mål, " + tertial.toLowerCase(java.util.Locale.ROOT);
        };
        return new ReportView(documentTitle(document), subject, "Ånge kommun", tertial + " (" + Dates.dayMonth(document.tertial().firstDay(), Language.SV)
                        + " – " + Dates.dayMonth(document.tertial().closingDate(), Language.SV) + ")",
                "Datum: " + Dates.full(document.date(), Language.SV),
                document.frozen() != null ? document.frozen() : PRELIMINARY, toc(document));
    }

    /**
     * The title for metadata, footers and the browser tab: "Uppsiktsrapport till kommunstyrelsen – Staben,
     * tertial 1 2024"; the måluppföljning's own title already names the tertial and the whole municipality.
     */
    static String documentTitle(ReportDocument document) {
        return document.kind() == ReportKind.MALUPPFOLJNING ? document.title()
                : document.title() + " – " + document.scope() + ", "
                        + tertialText(document.tertial()).toLowerCase(java.util.Locale.ROOT);
    }

    /** "Tertial 1 2024". */
    static String tertialText(Tertial tertial) {
        return "Tertial " + tertial.number() + " " + tertial.year();
    }

    private static List<TocEntry> toc(ReportDocument document) {
        List<TocEntry> toc = new ArrayList<>();
        if (document instanceof DepartmentReport report) {
            add(toc, report.intro());
            report.goals().forEach(goal -> toc.add(new TocEntry(2, goal.anchor(), goal.number() + " " + goal.title())));
            report.closing().forEach(section -> add(toc, section));
            add(toc, report.boardGoals());
        } else if (document instanceof BoardReport report) {
            add(toc, report.intro());
            add(toc, report.goalsChapter());
            report.kfGoals().forEach(kf -> toc.add(new TocEntry(2, kf.anchor(), kf.number() + " " + kf.title())));
            add(toc, report.analysis());
        }
        return List.copyOf(toc);
    }

    private static void add(List<TocEntry> toc, ReportParts.Section section) {
        toc.add(new TocEntry(Math.min(section.level(), 2), section.anchor(), section.number() + " " + section.heading()));
    }
}
