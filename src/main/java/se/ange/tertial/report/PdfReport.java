package se.ange.tertial.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import se.ange.tertial.report.PdfText.Run;
import se.ange.tertial.report.PdfText.Style;
import se.ange.tertial.report.ReportParts.ActivityRow;
import se.ange.tertial.report.ReportParts.Paragraph;
import se.ange.tertial.report.ReportParts.Section;

/**
 * The report as tagged PDF (PDF/UA), drawn with PDFBox from the same model as the HTML ({@code report/uppsikt.html},
 * {@code maluppfoljning.html}, {@code parts.html}) with report.css's sizes, colours and page rules: cover, table of
 * contents with page numbers and links, each chapter on a new page, tables with repeated headers, "Sida X av Y" in
 * the footer, bookmarks for the contents' entries. DejaVu Sans is embedded (it has å ä ö and the status symbols
 * ▶ ✔ ⚠ ○; Vänteläge's ⏸ is not in it and is printed as ‖, see {@link DocumentSymbols}). One instance per render.
 */
final class PdfReport {

    private static final float MM = PdfPages.MM;
    private static final String DEFLATE_LEVEL = "org.apache.pdfbox.filter.deflatelevel";

    static {
        // PDFBox has no per-document deflate level, only this JVM-wide property, read whenever it compresses a stream;
        // this report is the app's only PDFBox output, and level 1 instead of 6 takes 13 % less CPU for a 2,000-activity
        // report (0.47 instead of 0.54 s) for a 20 % larger file (2.9 instead of 2.4 MB). An operator's -D value wins.
        if (System.getProperty(DEFLATE_LEVEL) == null) {
            System.setProperty(DEFLATE_LEVEL, "1");
        }
    }
    private static final int TEXT = 0x1a1a1a;
    private static final int GREY = 0x4d4d4d;
    private static final int CAPTION_GREY = 0x444444;

    private final ReportDocument document;
    private final ReportView view;
    private final PDDocument pdf = new PDDocument();
    private final PdfTags tags = new PdfTags(pdf);
    private final PdfPages pages = new PdfPages(pdf, tags);
    private final PdfFlow flow = new PdfFlow(pages);
    private final Style body;
    private final Style bold;
    private final Style small;
    private final Style change;
    private final Style caption;
    private final Style empty;
    /** The headings with an anchor (the table of contents' targets), by anchor. */
    private final Map<String, PdfFlow.Text> headings = new HashMap<>();
    private final List<TocLine> toc = new ArrayList<>();

    private PdfReport(ReportDocument document) {
        this.document = document;
        this.view = ReportView.of(document);
        PdfFonts fonts = PdfFonts.load(pdf);
        body = new Style(fonts.regular, 9.5f, TEXT);
        bold = new Style(fonts.bold, 9.5f, TEXT);
        small = new Style(fonts.regular, 8.5f, GREY);
        change = new Style(fonts.regular, 8.5f, 0x7a3d00);
        caption = new Style(fonts.regular, 8.5f, CAPTION_GREY);
        empty = new Style(fonts.regular, 9.5f, GREY);
    }

    /**
     * A report of either kind as tagged PDF (PDF/UA): DejaVu Sans embedded for every text (the footer too), the
     * title and language in the metadata and bookmarks for the chapters and their sections.
     */
    static byte[] render(ReportDocument document) {
        return new PdfReport(document).write();
    }

    private byte[] write() {
        try (pdf) {
            cover();
            contents();
            if (document instanceof DepartmentReport report) {
                department(report);
            } else if (document instanceof BoardReport report) {
                board(report);
            }
            pages.close();
            contentsNumbers();
            footers();
            tags.finish(pages.pages);
            outline();
            metadata();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- building blocks ----

    private PdfFlow.Text text(String type, PDStructureNode parent, List<Run> runs, Style strut, float indent,
                              float top, float bottom) {
        PDStructureElement element = tags.add(type, parent);
        return new PdfFlow.Text(element, PdfText.lines(runs, PdfPages.CONTENT_WIDTH - indent, strut),
                PdfPages.LEFT + indent, top, bottom);
    }

    private void paragraph(String text, Style style) {
        paragraph(List.of(new Run(text, style)), style, 0, 2.5f * MM);
    }

    private void paragraph(List<Run> runs, Style strut, float top, float bottom) {
        flow.add(text(StandardStructureTypes.P, tags.document, runs, strut, 0, top, bottom));
    }

    /** h1 17 pt (margin 0 0 4 mm), h2 13 pt (7 mm 0 2.5 mm), h3 11 pt (5 mm 0 2 mm); kept with what follows. */
    private void heading(int level, String text, String anchor, float size) {
        float top = level == 1 ? 0 : level == 2 ? 7 * MM : 5 * MM;
        float bottom = level == 1 ? 4 * MM : level == 2 ? 2.5f * MM : 2 * MM;
        Style style = bold.withSize(size);
        PdfFlow.Text heading = text("H" + level, tags.document, List.of(new Run(text, style)), style, 0, top, bottom);
        heading.keep = true;
        heading.minRoom = 45 * MM;
        if (anchor != null) {
            headings.put(anchor, heading);
        }
        flow.add(heading);
    }

    private void heading(int level, String text, String anchor) {
        heading(level, text, anchor, level == 1 ? 17 : level == 2 ? 13 : 11);
    }

    private void paragraphs(Section section) {
        for (Paragraph paragraph : section.paragraphs()) {
            if (paragraph.quote()) {
                // blockquote: margin 3 mm 0 3 mm 6 mm, a 1 mm border, 4 mm padding; italic is printed upright
                PDStructureElement quote = tags.add(StandardStructureTypes.BLOCK_QUOTE, tags.document);
                PdfFlow.Text text = text(StandardStructureTypes.P, quote, List.of(new Run(paragraph.text(), body)),
                        body, 11 * MM, 3 * MM, 3 * MM);
                text.ruleX = PdfPages.LEFT + 6 * MM;
                flow.add(text);
            } else {
                paragraph(paragraph.text(), body);
            }
        }
    }

    private void textSection(Section section) {
        heading(section.level() == 1 ? 1 : 2, section.number() + " " + section.heading(), section.anchor());
        paragraphs(section);
    }

    /** A bulleted list (ul: 1 mm above, 1 em below, 30 pt indent), L > LI > Lbl + LBody. */
    private void list(List<String> items) {
        PDStructureElement list = tags.add(StandardStructureTypes.L, tags.document);
        for (int i = 0; i < items.size(); i++) {
            PDStructureElement item = tags.add(StandardStructureTypes.LI, list);
            PDStructureElement label = tags.add(StandardStructureTypes.LBL, item);
            PDStructureElement itemBody = tags.add(StandardStructureTypes.L_BODY, item);
            List<PdfText.Line> bullet = PdfText.lines(List.of(new Run("•", body)), Float.MAX_VALUE, body);
            PdfFlow.Text text = new PdfFlow.Text(itemBody,
                    PdfText.lines(List.of(new Run(items.get(i), body)), PdfPages.CONTENT_WIDTH - 30, body),
                    PdfPages.LEFT + 30, i == 0 ? 1 * MM : 0, i == items.size() - 1 ? 9.5f : 0) {
                @Override
                public void draw(PdfFlow on) {
                    if (pages.y + lines.get(0).height() > PdfPages.BOTTOM && !pages.atTop()) {
                        on.breakPage();
                    }
                    pages.begin(label);
                    pages.line(bullet.get(0), PdfPages.LEFT + 21, pages.y);
                    pages.end();
                    super.draw(on);
                }
            };
            flow.add(text);
        }
    }

    private PdfTable.Cell cell(Run... runs) {
        return PdfTable.Cell.of(List.of(runs));
    }

    private PdfTable.Cell cell(String text) {
        return cell(new Run(text, body));
    }

    private void table(String captionText, float width, float[] shares, List<String> headings,
                       List<List<PdfTable.Cell>> rows) {
        flow.add(new PdfTable(tags, tags.document, captionText, caption, width, shares, headings, bold, rows, body));
    }

    // ---- cover and contents ----

    private void cover() {
        pages.newPage();
        pages.y += 55 * MM; // .cover { padding-top: 55mm }
        paragraph(List.of(new Run(view.organisation(), new Style(body.face(), 12, CAPTION_GREY))), body, 0, 0);
        Style title = bold.withSize(24);
        flow.add(text(StandardStructureTypes.H1, tags.document, List.of(new Run(document.title(), title)), title, 0,
                2 * MM, 6 * MM));
        Style scope = bold.withSize(16);
        paragraph(List.of(new Run(document.scope(), scope)), scope, 0, 4 * MM);
        Style line = body.withSize(11);
        paragraph(List.of(new Run(view.tertialText(), line)), line, MM, MM);
        paragraph(List.of(new Run(view.dateText(), line)), line, MM, MM);
        Style state = document.frozen() == null ? new Style(bold.face(), 10, 0x8a3b00) : body.withSize(10);
        paragraph(List.of(new Run(view.stateText(), state)), state, 8 * MM, 2.5f * MM);
        flow.draw();
    }

    /** A line of the table of contents: its text now, its page number and link once the chapters are drawn. */
    private record TocLine(ReportView.TocEntry entry, PdfFlow.Text text, PDStructureElement link) {
    }

    private void contents() {
        flow.add(new PdfFlow.PageBreak());
        PDStructureElement nav = tags.add(StandardStructureTypes.DIV, tags.document);
        Style headingStyle = bold.withSize(16);
        PdfFlow.Text heading = text("H2", nav, List.of(new Run("Innehållsförteckning", headingStyle)), headingStyle,
                0, 7 * MM, 2.5f * MM);
        flow.add(heading);
        PDStructureElement list = tags.add(StandardStructureTypes.L, nav);
        for (ReportView.TocEntry entry : view.toc()) {
            PDStructureElement itemBody = tags.add(StandardStructureTypes.L_BODY, tags.add(StandardStructureTypes.LI, list));
            PDStructureElement link = tags.add(StandardStructureTypes.LINK, itemBody);
            Style style = entry.level() == 1 ? bold : body;
            float indent = entry.level() == 1 ? 0 : 7 * MM;
            // room at the right for the leader and the page number
            PdfFlow.Text line = new PdfFlow.Text(link, PdfText.lines(List.of(new Run(entry.text(), style)),
                    PdfPages.CONTENT_WIDTH - indent - 14 * MM, style), PdfPages.LEFT + indent,
                    entry.level() == 1 ? 3 * MM : 1.2f * MM, 1.2f * MM);
            toc.add(new TocLine(entry, line, link));
            flow.add(line);
        }
        flow.draw();
    }

    /** The contents' dotted leaders, page numbers and link annotations, now that the headings have pages. */
    private void contentsNumbers() {
        for (TocLine line : toc) {
            PdfFlow.Text target = headings.get(line.entry().anchor());
            PdfFlow.Position at = line.text().position;
            if (target == null || target.position == null || at == null) {
                continue;
            }
            PdfText.Line last = line.text().lines.get(line.text().lines.size() - 1);
            float lastTop = at.top();
            for (int i = 0; i < line.text().lines.size() - 1; i++) {
                lastTop += line.text().lines.get(i).height();
            }
            Style style = last.pieces().isEmpty() ? body : last.pieces().get(0).style();
            String number = String.valueOf(target.position.pageNumber());
            float right = PdfPages.LEFT + PdfPages.CONTENT_WIDTH;
            float numberWidth = style.face().width(number, style.size());
            float dot = style.face().width(".", style.size());
            float leaderStart = line.text().x + last.width() + style.face().width(" ", style.size());
            float leaderEnd = right - numberWidth - style.face().width(" ", style.size());
            int dots = Math.max(0, (int) ((leaderEnd - leaderStart) / dot));
            pages.reopen(at.page());
            pages.beginArtifact("Layout");
            pages.line(PdfText.lines(List.of(new Run(".".repeat(dots), style)), Float.MAX_VALUE, style).get(0),
                    leaderEnd - dots * dot, lastTop);
            pages.end();
            pages.begin(line.link());
            pages.line(PdfText.lines(List.of(new Run(number, style)), Float.MAX_VALUE, style).get(0),
                    right - numberWidth, lastTop);
            pages.end();
            pages.close();

            PDAnnotationLink annotation = new PDAnnotationLink();
            float height = lastTop + last.height() - at.top();
            annotation.setRectangle(new PDRectangle(line.text().x, PdfPages.HEIGHT - at.top() - height,
                    right - line.text().x, height));
            PDBorderStyleDictionary border = new PDBorderStyleDictionary();
            border.setWidth(0);
            annotation.setBorderStyle(border);
            annotation.setDestination(destination(target.position));
            annotation.setContents(line.entry().text()); // PDF/UA: a link's description
            annotation.setPrinted(true);
            try {
                at.page().getAnnotations().add(annotation);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            tags.annotate(line.link(), annotation, at.page());
        }
    }

    private static PDPageXYZDestination destination(PdfFlow.Position position) {
        PDPageXYZDestination destination = new PDPageXYZDestination();
        destination.setPage(position.page());
        destination.setLeft(0);
        destination.setTop(Math.round(PdfPages.HEIGHT - position.top()));
        return destination;
    }

    /** report.css's @bottom-center: "Sida X av Y", 8 pt #444, centred in the bottom margin; an artifact. */
    private void footers() {
        Style style = new Style(body.face(), 8, CAPTION_GREY);
        int count = pages.pages.size();
        for (int i = 0; i < count; i++) {
            PdfText.Line line = PdfText.lines(List.of(new Run("Sida " + (i + 1) + " av " + count, style)),
                    Float.MAX_VALUE, style).get(0);
            pages.reopen(pages.pages.get(i));
            pages.beginArtifact("Pagination");
            pages.line(line, (PdfPages.WIDTH - line.width()) / 2, PdfPages.HEIGHT - 10 * MM - line.height() / 2);
            pages.end();
            pages.close();
        }
    }

    /** Bookmarks: the contents' entries, sections under their chapter. */
    private void outline() {
        PDDocumentOutline outline = new PDDocumentOutline();
        PDOutlineItem chapter = null;
        for (TocLine line : toc) {
            PdfFlow.Text target = headings.get(line.entry().anchor());
            if (target == null || target.position == null) {
                continue;
            }
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(line.entry().text());
            item.setDestination(destination(target.position));
            if (line.entry().level() == 1 || chapter == null) {
                outline.addLast(item);
                chapter = item;
            } else {
                chapter.addLast(item);
            }
        }
        outline.openNode();
        pdf.getDocumentCatalog().setDocumentOutline(outline);
    }

    private void metadata() throws IOException {
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        catalog.setLanguage("sv");
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(view.documentTitle());
        info.setSubject(view.subject());
        info.setAuthor("Ånge kommun");
        info.setProducer("Tertial");
        PDMetadata metadata = new PDMetadata(pdf);
        metadata.importXMPMetadata(PdfXmp.of(view.documentTitle(), view.subject(), "Ånge kommun")
                .getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(metadata);
    }

    // ---- the two report kinds ----

    private void department(DepartmentReport report) {
        flow.add(new PdfFlow.PageBreak());
        Section intro = report.intro();
        heading(1, intro.number() + " " + intro.heading(), intro.anchor());
        paragraphs(intro);
        for (DepartmentReport.Goal goal : report.goals()) {
            heading(2, goal.number() + " " + goal.title(), goal.anchor());
            if (goal.activities().isEmpty()) {
                paragraph("Verksamheten har inga aktiviteter mot målet i tertialen.", empty);
                continue;
            }
            List<List<PdfTable.Cell>> rows = new ArrayList<>();
            for (ActivityRow a : goal.activities()) {
                List<List<Run>> paragraphs = new ArrayList<>();
                List<Run> title = new ArrayList<>(List.of(new Run(a.title(), bold)));
                if (a.unit() != null) {
                    title.add(new Run(" • " + a.unit(), small));
                }
                paragraphs.add(title);
                if (a.description() != null) {
                    paragraphs.add(List.of(new Run(a.description(), body)));
                }
                paragraphs.add(List.of(new Run(printable(a.symbol()), body), new Run(" ", body),
                        new Run(a.statusLabel(), bold)));
                notes(a, paragraphs);
                rows.add(List.of(new PdfTable.Cell(paragraphs, false, PdfTable.Align.LEFT),
                        new PdfTable.Cell(List.of(List.of(new Run(a.startDate().toString(), body))), true, PdfTable.Align.LEFT),
                        new PdfTable.Cell(List.of(List.of(new Run(a.endDate().toString(), body))), true, PdfTable.Align.LEFT)));
            }
            table("Verksamhetens aktiviteter för mål " + goal.number(), 1, new float[] {0.74f, 0.13f, 0.13f},
                    List.of("Verksamhetens aktiviteter", "Startdatum", "Slutdatum"), rows);
        }
        report.closing().forEach(this::textSection);
        flow.add(new PdfFlow.PageBreak());
        Section boardGoals = report.boardGoals();
        heading(1, boardGoals.number() + " " + boardGoals.heading(), boardGoals.anchor());
        paragraphs(boardGoals);
        for (ReportParts.GoalGroup group : report.goalGroups()) {
            heading(2, group.heading(), null, 11); // .goal-group h2 { font-size: 11pt }
            list(group.goals());
        }
        flow.draw();
    }

    /** What stands beside an activity's status: the comment (line breaks kept), the note and the changes. */
    private void notes(ActivityRow a, List<List<Run>> paragraphs) {
        if (a.comment() != null) {
            paragraphs.add(List.of(new Run(a.comment(), body)));
        }
        if (a.note() != null) {
            paragraphs.add(List.of(new Run(a.note(), small)));
        }
        a.changes().forEach(c -> paragraphs.add(List.of(new Run(c, change))));
    }

    private static String printable(String text) {
        return DocumentSymbols.printable(text);
    }

    private void board(BoardReport report) {
        flow.add(new PdfFlow.PageBreak());
        Section intro = report.intro();
        heading(1, intro.number() + " " + intro.heading(), intro.anchor());
        paragraphs(intro);
        float[] legendShares = {19 * MM / (PdfPages.CONTENT_WIDTH * 0.6f), 1 - 19 * MM / (PdfPages.CONTENT_WIDTH * 0.6f)};
        table("Bedömning av mål", 0.6f, legendShares, List.of("Symbol", "Bedömning"), legend(report.assessmentLegend()));
        table("Status för aktiviteter", 0.6f, legendShares, List.of("Symbol", "Status"), legend(report.statusLegend()));

        flow.add(new PdfFlow.PageBreak());
        Section goals = report.goalsChapter();
        heading(1, goals.number() + " " + goals.heading(), goals.anchor());
        paragraphs(goals);
        for (BoardReport.KfGoal kf : report.kfGoals()) {
            heading(2, kf.number() + " " + kf.title(), kf.anchor());
            if (kf.single()) {
                ksGoalBody(kf.goals().get(0), kf.number());
            } else {
                for (BoardReport.KsGoal ks : kf.goals()) {
                    heading(3, ks.number() + " " + ks.title(), ks.anchor());
                    ksGoalBody(ks, ks.number());
                }
            }
        }

        flow.add(new PdfFlow.PageBreak());
        Section analysis = report.analysis();
        heading(1, analysis.number() + " " + analysis.heading(), analysis.anchor());
        paragraph(report.summary().inWords(), body);
        float[] countShares = {0.75f, 0.25f};
        table("Mål per bedömning", 0.7f, countShares, List.of("Bedömning", "Antal mål"), counts(report.summary().byAssessment()));
        table("Aktiviteter per status", 0.7f, countShares, List.of("Status", "Antal aktiviteter"), counts(report.summary().byStatus()));
        if (!report.summary().changes().isEmpty()) {
            heading(2, "Förändringar sedan förra tertialen", null);
            list(report.summary().changes());
        }
        paragraphs(analysis);
        flow.draw();
    }

    private List<List<PdfTable.Cell>> legend(List<ReportParts.LegendEntry> entries) {
        List<List<PdfTable.Cell>> rows = new ArrayList<>();
        for (ReportParts.LegendEntry entry : entries) {
            rows.add(List.of(new PdfTable.Cell(List.of(List.of(new Run(printable(entry.symbol()), body))), false,
                    PdfTable.Align.CENTRE), cell(entry.label())));
        }
        return rows;
    }

    private List<List<PdfTable.Cell>> counts(List<ReportParts.Count> counts) {
        List<List<PdfTable.Cell>> rows = new ArrayList<>();
        for (ReportParts.Count count : counts) {
            rows.add(List.of(cell(new Run(printable(count.symbol()), body), new Run(" " + count.label(), body)),
                    new PdfTable.Cell(List.of(List.of(new Run(String.valueOf(count.count()), body))), false, PdfTable.Align.RIGHT)));
        }
        return rows;
    }

    /** A KS goal's assessment, measures and activities; {@code number} is how captions name the goal. */
    private void ksGoalBody(BoardReport.KsGoal ks, String number) {
        if (ks.goalArea() != null) {
            paragraph("Målområde: " + ks.goalArea(), small);
        }
        ReportParts.Assessment assessment = ks.assessment();
        Style large = body.withSize(10.5f);
        paragraph(List.of(new Run(printable(assessment.symbol()), large), new Run(" ", large),
                new Run(assessment.label(), bold.withSize(10.5f))), large, MM, 2.5f * MM);
        if (assessment.analysis() != null) {
            paragraph(List.of(new Run(assessment.analysis(), body)), body, 0, 2 * MM);
        }
        if (assessment.suggestion() != null) {
            paragraph(assessment.suggestion(), small);
        }
        paragraph(assessment.reasoning(), small);
        if (!ks.measures().isEmpty()) {
            List<List<PdfTable.Cell>> rows = new ArrayList<>();
            for (ReportParts.MeasureRow m : ks.measures()) {
                List<Run> outcome = new ArrayList<>(List.of(new Run(m.outcome(), body)));
                if (m.outcomeNote() != null) {
                    outcome.add(new Run("\n" + m.outcomeNote(), small));
                }
                rows.add(List.of(cell(new Run(m.name(), body), new Run(" (" + m.direction() + ")", small)),
                        cell(m.baseline()), cell(m.target()), PdfTable.Cell.of(outcome)));
            }
            table("Mått för mål " + number, 1, new float[] {0.40f, 0.17f, 0.17f, 0.26f},
                    List.of("Mått", "Utgångsvärde", "Målvärde", "Utfall"), rows);
        }
        if (ks.activities().isEmpty()) {
            paragraph("Inga aktiviteter i tertialen.", empty);
            return;
        }
        List<List<PdfTable.Cell>> rows = new ArrayList<>();
        for (ActivityRow a : ks.activities()) {
            List<List<Run>> notes = new ArrayList<>();
            notes(a, notes);
            String unit = a.unit() != null ? a.department() + " • " + a.unit() : a.department();
            rows.add(List.of(cell(new Run(a.title(), bold), new Run("\n" + unit, small)),
                    cell(new Run(printable(a.symbol()), body), new Run(" " + a.statusLabel(), body)),
                    new PdfTable.Cell(List.of(List.of(new Run(a.endDate().toString(), body))), true, PdfTable.Align.LEFT),
                    new PdfTable.Cell(notes, false, PdfTable.Align.LEFT)));
        }
        table("Verksamhetens aktiviteter för mål " + number, 1, new float[] {0.27f, 0.19f, 0.13f, 0.41f},
                List.of("Verksamhetens aktiviteter", "Status", "Slutdatum", "Kommentar"), rows);
    }
}
