package se.ange.tertial.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSettings;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.FtrDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.NumberingDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * The Word document the reports and the cover memo are written on: A4 with 2.5 cm margins, DejaVu Sans
 * embedded (obfuscated, as Word embeds fonts) so every status symbol prints everywhere, Swedish styles with
 * real headings (outline levels, kept with the next paragraph), a footer with the title and "Sida X av Y",
 * and tables with fixed column widths whose header rows repeat on every page.
 */
final class DocxDocument {

    static final String FONT = "DejaVu Sans";
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    static final int MARGIN = 1418;
    /** The width between the margins, what every table is laid out in. */
    static final int TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

    static final String TITLE = "Title";
    static final String SUBTITLE = "Subtitle";
    /** A document's title on its first page when there is no cover (the memo). */
    static final String TITLE_PLAIN = "DocumentTitle";
    static final String QUOTE = "Quote";
    static final String SMALL = "Small";
    static final String TOC_HEADING = "TOCHeading";
    static final String TABLE_TEXT = "TableText";
    static final String LIST = "ListBullet";
    static final String LEGEND = "Legend";
    static final String LEAD = "Lead";

    /** Compiled once: a long report splits and cleans tens of thousands of texts. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");

    private static final String MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final TextBodyDocument doc = new TextBodyDocument();
    /** The body's paragraphs and tables, as text (see {@link DocxXml}); the section properties stay in {@link #doc}. */
    private final StringBuilder body = new StringBuilder(64 * 1024);
    private final DocxXml paragraphs = new DocxXml(body);
    private boolean keepNext;

    /** @param cover true when the first page is a cover, which goes without the footer */
    DocxDocument(String title, String footerText, boolean cover) {
        try {
            doc.createStyles().setStyles(StylesDocument.Factory.parse(DocxStyles.STYLES).getStyles());
            doc.createNumbering().setNumbering(NumberingDocument.Factory.parse(DocxStyles.NUMBERING).getNumbering());
            doc.getProperties().getCoreProperties().setTitle(title);
            doc.getProperties().getCoreProperties().setCreator("Tertial");
            doc.getProperties().getCoreProperties().getUnderlyingProperties().setLanguageProperty("sv-SE");
            settings();
            page(footerText, cover);
        } catch (XmlException e) {
            throw new IllegalStateException("Broken built-in markup", e);
        }
        DocxFonts.embed(doc);
    }

    /**
     * Text as it can be printed: the symbols the font lacks replaced as in the PDF ({@link DocumentSymbols}),
     * and control characters pasted into a comment dropped (XML 1.0 cannot carry them).
     */
    static String printable(String text) {
        String symbols = DocumentSymbols.printable(text);
        // most texts have no control character: look before building a matcher
        for (int i = 0; i < symbols.length(); i++) {
            char c = symbols.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return CONTROL.matcher(symbols).replaceAll("");
            }
        }
        return symbols;
    }

    /** {@code text} split at line breaks ({@code \R}), as {@link Pattern#split}; most texts are one line. */
    private static String[] splitLines(String text, int limit) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028
                    || c == 0x2029) {
                return LINE_BREAK.split(text, limit);
            }
        }
        return new String[] {text};
    }

    private DocxXml paragraph(String style) {
        return paragraphs.paragraph(style, keepNext);
    }

    void paragraph(String style, String text) {
        run(paragraph(style), text, false, false);
    }

    /**
     * The body paragraphs {@code lines} writes stay on the page of what follows them: a goal's lines (area,
     * assessment, reasoning) never stand alone at a page foot, away from the goal's table.
     */
    void keptWithNext(Runnable lines) {
        keepNext = true;
        try {
            lines.run();
        } finally {
            keepNext = false;
        }
    }

    /** Text paragraphs: each line of the stored text its own paragraph, empty lines dropped. */
    void lines(String style, String text) {
        for (String line : splitLines(text, 0)) {
            if (!line.isBlank()) {
                paragraph(style, line.strip());
            }
        }
    }

    void heading(int level, String number, String text) {
        paragraph("Heading" + level, number == null || number.isBlank() ? text : number + " " + text);
    }

    /** A bold line introducing what follows, kept with it; not a heading (the contents list chapters and goals only). */
    void lead(String text) {
        run(paragraph(LEAD), text, true, false);
    }

    void bullet(String text) {
        paragraph(LIST, text);
    }

    /** Text the stab must write before the memo goes out: yellow, in brackets, easy to find. */
    void placeholder(String style, String text) {
        paragraph(style).run(lines("[" + text + "]"), false, true, true);
    }

    void pageBreak() {
        paragraph(null).pageBreak();
    }

    /**
     * A run of text in the open paragraph of {@code paragraph}, lines split by breaks, as XWPFRun writes it
     * (w:b/w:i "on", xml:space="preserve" when the text starts or ends with white space).
     */
    static void run(DocxXml paragraph, String text, boolean bold, boolean italic) {
        paragraph.run(lines(text), bold, italic, false);
    }

    /** The printable text's lines, empty ones kept: each after the first follows a break in its run. */
    private static String[] lines(String text) {
        return splitLines(printable(text), -1);
    }

    /**
     * The table of contents as a field of the headings of levels 1 and 2 (never the activities). Word
     * rebuilds it with page numbers when the document opens (the settings ask it to update fields); until
     * then, and in readers that never update fields, it already lists the headings.
     */
    void tableOfContents(List<ContentsEntry> entries) {
        paragraph(TOC_HEADING, "Innehåll");
        DocxXml field = paragraph(entries.isEmpty() ? null : "TOC" + entries.get(0).level());
        field.fieldChar("begin");
        field.instruction(" TOC \\o \"1-2\" \\h \\z \\u ");
        field.fieldChar("separate");
        if (entries.isEmpty()) {
            run(field, "Innehållsförteckningen fylls i när dokumentet öppnas (eller: högerklicka, Uppdatera fält).", false, false);
        } else {
            run(field, entries.get(0).text(), false, false);
            for (ContentsEntry entry : entries.subList(1, entries.size())) {
                paragraph("TOC" + entry.level(), entry.text());
            }
        }
        // the field ends in the last entry's paragraph, still open
        field.fieldChar("end");
        pageBreak();
    }

    /** A heading as the table of contents lists it (level 1 or 2). */
    record ContentsEntry(int level, String text) {

        static ContentsEntry of(int level, String number, String text) {
            return new ContentsEntry(level, number == null || number.isBlank() ? text : number + " " + text);
        }
    }

    /**
     * A table over the whole text width with fixed column widths (words are never cut in two by a column
     * too narrow for them) and a header row that repeats on every page and never splits.
     */
    Table table(List<Column> columns) {
        paragraphs.close();
        int total = columns.stream().mapToInt(Column::width).sum();
        body.append("<w:tbl><w:tblPr><w:tblStyle w:val=\"Tabell\"/><w:tblW w:w=\"").append(total)
                .append("\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
        columns.forEach(column -> body.append("<w:gridCol w:w=\"").append(column.width()).append("\"/>"));
        body.append("</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (Column column : columns) {
            body.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(column.width())
                    .append("\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:fill=\"E7EBF0\"/></w:tcPr>");
            run(paragraphs.paragraph(TABLE_TEXT, false), column.header(), true, false);
            paragraphs.close();
            body.append("</w:tc>");
        }
        body.append("</w:tr>");
        return new Table(columns);
    }

    /** A column of a table: its header and its width in twips. */
    record Column(String header, int width) {
    }

    /** A cell being filled in: its paragraphs, written when its row is done (then empty for the next row). */
    static final class Cell {
        private final StringBuilder xml = new StringBuilder(256);
        private final DocxXml paragraphs = new DocxXml(xml);
    }

    /** A row being filled in: its cells, left to right. */
    record Row(boolean keepWhole, Cell[] cells) {

        Cell cell(int index) {
            return cells[index];
        }
    }

    /** A table being filled in, row by row. */
    final class Table {
        private final List<Column> columns;
        /** Every row's cells, emptied when a row is written: their builders keep the room a long comment needed. */
        private final Cell[] cells;
        private Row row;

        private Table(List<Column> columns) {
            this.columns = columns;
            cells = new Cell[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = new Cell();
            }
        }

        /** A new row (the one before it done); {@code keepWhole}: short rows are never split over two pages. */
        Row row(boolean keepWhole) {
            writeRow();
            row = new Row(keepWhole, cells);
            return row;
        }

        /** The row as Word stores it: each cell with its width and at least one (empty) paragraph. */
        private void writeRow() {
            if (row == null) {
                return;
            }
            body.append(row.keepWhole() ? "<w:tr><w:trPr><w:cantSplit/></w:trPr>" : "<w:tr>");
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = row.cell(i);
                cell.paragraphs.close();
                body.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(columns.get(i).width()).append("\" w:type=\"dxa\"/></w:tcPr>");
                if (cell.xml.isEmpty()) {
                    cell.paragraphs.paragraph(TABLE_TEXT, false).close();
                }
                body.append(cell.xml).append("</w:tc>");
                cell.xml.setLength(0);
            }
            body.append("</w:tr>");
            row = null;
        }

        /** A new paragraph in a cell, below what it has. */
        DocxXml paragraph(Cell cell, String style) {
            return cell.paragraphs.paragraph(style, false);
        }

        /** One or more lines of plain text in a cell, each line its own paragraph. */
        void text(Cell cell, String text, boolean bold, boolean italic) {
            for (String line : splitLines(text, 0)) {
                if (!line.isBlank()) {
                    run(paragraph(cell, italic ? SMALL : TABLE_TEXT), line.strip(), bold, italic);
                }
            }
        }

        /** Ends the table: a short empty paragraph so the next table never merges into it. */
        void end() {
            writeRow();
            body.append("</w:tbl>");
            DocxDocument.this.paragraph(TABLE_TEXT);
        }
    }

    private void settings() {
        CTSettings settings = doc.getSettings().getCTSettings();
        settings.addNewEmbedTrueTypeFonts();
        settings.addNewSaveSubsetFonts().setVal(false);
        doc.enforceUpdateFields();
        settings.addNewThemeFontLang().setVal("sv-SE");
    }

    /** A4 portrait, 2.5 cm margins; the footer on every page but the cover. */
    private void page(String footerText, boolean cover) throws XmlException {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        StringBuilder xml = new StringBuilder("<w:ftr xmlns:w=\"" + MAIN + "\">");
        DocxXml line = new DocxXml(xml).paragraph("Footer", false);
        run(line, footerText, false, false);
        xml.append("<w:r><w:tab/></w:r>");
        run(line, "Sida ", false, false);
        field(line, "PAGE");
        run(line, " av ", false, false);
        field(line, "NUMPAGES");
        line.close();
        footer.setHeaderFooter(FtrDocument.Factory.parse(xml.append("</w:ftr>").toString()).getFtr());
        CTSectPr section = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
        if (!section.isSetPgSz()) {
            section.addNewPgSz();
        }
        section.getPgSz().setW(BigInteger.valueOf(PAGE_WIDTH));
        section.getPgSz().setH(BigInteger.valueOf(PAGE_HEIGHT));
        if (!section.isSetPgMar()) {
            section.addNewPgMar();
        }
        section.getPgMar().setTop(BigInteger.valueOf(MARGIN));
        section.getPgMar().setBottom(BigInteger.valueOf(MARGIN));
        section.getPgMar().setLeft(BigInteger.valueOf(MARGIN));
        section.getPgMar().setRight(BigInteger.valueOf(MARGIN));
        section.getPgMar().setHeader(BigInteger.valueOf(709));
        section.getPgMar().setFooter(BigInteger.valueOf(709));
        section.getPgMar().setGutter(BigInteger.ZERO);
        if (cover) {
            XWPFFooter empty = doc.createFooter(HeaderFooterType.FIRST);
            if (empty.getParagraphs().isEmpty()) {
                empty.createParagraph().setStyle("Footer");
            }
            if (!section.isSetTitlePg()) {
                section.addNewTitlePg();
            }
        }
    }

    /** A field with the text it shows until Word updates it. */
    private static void field(DocxXml paragraph, String code) {
        paragraph.fieldChar("begin");
        paragraph.instruction(" " + code + " ");
        paragraph.fieldChar("separate");
        run(paragraph, "1", false, false);
        paragraph.fieldChar("end");
    }

    byte[] bytes() {
        paragraphs.close();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DocxPackage.write(doc, out);
            // not doc.close(): a package created in memory saves itself again on close (zip and fonts deflated a
            // second time, into a stream nobody reads); revert lets it go without saving
            doc.getPackage().revert();
            return DocxFonts.withFaces(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The document whose main part is written from {@link #body} (and its section properties, from POI's
     * model), not from paragraphs and tables in POI's model, which stays without them.
     */
    private final class TextBodyDocument extends XWPFDocument {

        @Override
        protected void commit() throws IOException {
            XmlOptions namespaces = new XmlOptions().setSaveOuter()
                    .setSaveSuggestedPrefixes(Map.of(MAIN, "w", RELATIONSHIPS, "r"))
                    .setSaveImplicitNamespaces(Map.of("w", MAIN, "r", RELATIONSHIPS));
            try (Writer out = new OutputStreamWriter(getPackagePart().getOutputStream(), StandardCharsets.UTF_8)) {
                out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:document xmlns:w=\"" + MAIN + "\" xmlns:r=\""
                        + RELATIONSHIPS + "\"><w:body>");
                char[] chunk = new char[8192];
                for (int start = 0; start < body.length(); start += chunk.length) {
                    int end = Math.min(body.length(), start + chunk.length);
                    body.getChars(start, end, chunk, 0);
                    out.write(chunk, 0, end - start);
                }
                out.write(getDocument().getBody().getSectPr().xmlText(namespaces));
                out.write("</w:body></w:document>");
            }
        }
    }
}
