package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import se.ange.tertial.followup.Tertial;

/**
 * A report as the renderers see it: every text already decided (Swedish) and every heading numbered, so
 * HTML, PDF and DOCX only lay it out. One of the two kinds the municipality hands in.
 */
public sealed interface ReportDocument permits DepartmentReport, BoardReport {

    ReportKind kind();

    Tertial tertial();

    /** The document's title, e.g. "Uppsiktsrapport till kommunstyrelsen". */
    String title();

    /** "Hela kommunen", "Staben" or "Staben – HR och Kommunikation". */
    String scope();

    LocalDate date();

    /** Who closed the tertial and when, in words; null while the report is live (preliminary). */
    @Nullable
    String frozen();
}
