package se.ange.tertial.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFldChar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSettings;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.NumberingDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHighlightColor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
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

    private final XWPFDocument doc;

    /** @param cover true when the first page is a cover, which goes without the footer */
    DocxDocument(String title, String footerText, boolean cover) {
        doc = new XWPFDocument();
        try {
            doc.createStyles().setStyles(StylesDocument.Factory.parse(DocxStyles.STYLES).getStyles());
            doc.createNumbering().setNumbering(NumberingDocument.Factory.parse(DocxStyles.NUMBERING).getNumbering());
        } catch (XmlException e) {
            throw new IllegalStateException("Broken built-in styles", e);
        }
        doc.getProperties().getCoreProperties().setTitle(title);
        doc.getProperties().getCoreProperties().setCreator("Tertial");
        doc.getProperties().getCoreProperties().getUnderlyingProperties().setLanguageProperty("sv-SE");
        settings();
        page(footerText, cover);
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

    XWPFParagraph paragraph(String style) {
        XWPFParagraph paragraph = doc.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        }
        return paragraph;
    }

    XWPFParagraph paragraph(String style, String text) {
        XWPFParagraph paragraph = paragraph(style);
        run(paragraph, text, false, false);
        return paragraph;
    }

    /** How many body paragraphs the document has so far (see {@link #keepWithNext}). */
    int paragraphCount() {
        return doc.getParagraphs().size();
    }

    /**
     * The body paragraphs from index {@code from} on stay on the page of what follows them: a goal's lines
     * (area, assessment, reasoning) never stand alone at a page foot, away from the goal's table.
     */
    void keepWithNext(int from) {
        List<XWPFParagraph> paragraphs = doc.getParagraphs();
        for (int i = from; i < paragraphs.size(); i++) {
            // XWPFParagraph.setKeepNext fails on a paragraph without properties
            if (!paragraphs.get(i).getCTP().isSetPPr()) {
                paragraphs.get(i).getCTP().addNewPPr();
            }
            paragraphs.get(i).setKeepNext(true);
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

    XWPFParagraph heading(int level, String number, String text) {
        return paragraph("Heading" + level, number == null || number.isBlank() ? text : number + " " + text);
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
        CTR run = run(paragraph(style), "[" + text + "]", false, true);
        run.getRPr().addNewHighlight().setVal(STHighlightColor.YELLOW);
    }

    void pageBreak() {
        doc.createParagraph().createRun().addBreak(BreakType.PAGE);
    }

    static CTR run(XWPFParagraph paragraph, String text, boolean bold, boolean italic) {
        return run(paragraph.getCTP(), text, bold, italic);
    }

    /**
     * A run of text, lines split by breaks. Written on the XML beans directly, not through XWPFRun: a long
     * report has tens of thousands of runs and POI's wrappers cost several lookups each; the XML is the same
     * as XWPFRun's (w:b/w:i "on", xml:space="preserve" when the text starts or ends with white space).
     */
    static CTR run(CTP paragraph, String text, boolean bold, boolean italic) {
        CTR run = paragraph.addNewR();
        if (bold || italic) {
            CTRPr properties = run.addNewRPr();
            if (bold) {
                properties.addNewB().setVal(STOnOff1.ON);
            }
            if (italic) {
                properties.addNewI().setVal(STOnOff1.ON);
            }
        }
        String[] lines = splitLines(printable(text), -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addNewBr();
            }
            CTText line = run.addNewT();
            line.setStringValue(lines[i]);
            if (!lines[i].isEmpty() && (Character.isWhitespace(lines[i].charAt(0))
                    || Character.isWhitespace(lines[i].charAt(lines[i].length() - 1)))) {
                line.setSpace(SpaceAttribute.Space.PRESERVE);
            }
        }
        return run;
    }

    /**
     * The table of contents as a field of the headings of levels 1 and 2 (never the activities). Word
     * rebuilds it with page numbers when the document opens (the settings ask it to update fields); until
     * then, and in readers that never update fields, it already lists the headings.
     */
    void tableOfContents(List<ContentsEntry> entries) {
        paragraph(TOC_HEADING, "Innehåll");
        XWPFParagraph first = paragraph(entries.isEmpty() ? null : "TOC" + entries.get(0).level());
        fieldChar(first, STFldCharType.BEGIN);
        instruction(first, " TOC \\o \"1-2\" \\h \\z \\u ");
        fieldChar(first, STFldCharType.SEPARATE);
        XWPFParagraph last = first;
        if (entries.isEmpty()) {
            run(first, "Innehållsförteckningen fylls i när dokumentet öppnas (eller: högerklicka, Uppdatera fält).", false, false);
        } else {
            run(first, entries.get(0).text(), false, false);
            for (ContentsEntry entry : entries.subList(1, entries.size())) {
                last = paragraph("TOC" + entry.level(), entry.text());
            }
        }
        fieldChar(last, STFldCharType.END);
        pageBreak();
    }

    /** A heading as the table of contents lists it (level 1 or 2). */
    record ContentsEntry(int level, String text) {

        static ContentsEntry of(int level, String number, String text) {
            return new ContentsEntry(level, number == null || number.isBlank() ? text : number + " " + text);
        }
    }

    private static void fieldChar(XWPFParagraph paragraph, STFldCharType.Enum type) {
        CTFldChar fldChar = paragraph.createRun().getCTR().addNewFldChar();
        fldChar.setFldCharType(type);
        if (type == STFldCharType.BEGIN) {
            fldChar.setDirty(true);
        }
    }

    private static void instruction(XWPFParagraph paragraph, String code) {
        CTText instruction = paragraph.createRun().getCTR().addNewInstrText();
        instruction.setStringValue(code);
        instruction.setSpace(SpaceAttribute.Space.PRESERVE);
    }

    /**
     * A table over the whole text width with fixed column widths (words are never cut in two by a column
     * too narrow for them) and a header row that repeats on every page and never splits.
     */
    Table table(List<Column> columns) {
        XWPFTable table = doc.createTable();
        CTTbl ct = table.getCTTbl();
        CTTblPr properties = CTTblPr.Factory.newInstance();
        properties.addNewTblStyle().setVal("Tabell");
        int total = columns.stream().mapToInt(Column::width).sum();
        properties.addNewTblW().setW(BigInteger.valueOf(total));
        properties.getTblW().setType(STTblWidth.DXA);
        properties.addNewTblLayout().setType(STTblLayoutType.FIXED);
        ct.setTblPr(properties);
        CTTblGrid grid = CTTblGrid.Factory.newInstance();
        columns.forEach(column -> grid.addNewGridCol().setW(BigInteger.valueOf(column.width())));
        ct.setTblGrid(grid);
        XWPFTableRow header = table.getRow(0);
        for (int i = 1; i < columns.size(); i++) {
            header.addNewTableCell();
        }
        Table result = new Table(table, columns);
        result.header(header);
        return result;
    }

    /** A column of a table: its header and its width in twips. */
    record Column(String header, int width) {
    }

    /** A row being filled in: its cells, left to right. */
    record Row(CTTc[] cells) {

        CTTc cell(int index) {
            return cells[index];
        }
    }

    /** A table being filled in, row by row. */
    final class Table {
        private final XWPFTable table;
        private final List<Column> columns;

        private Table(XWPFTable table, List<Column> columns) {
            this.table = table;
            this.columns = columns;
        }

        private void header(XWPFTableRow row) {
            CTTrPr properties = row.getCtRow().addNewTrPr();
            properties.addNewCantSplit();
            properties.addNewTblHeader();
            for (int i = 0; i < columns.size(); i++) {
                XWPFTableCell cell = cell(row, i);
                cell.getCTTc().getTcPr().addNewShd().setVal(STShd.CLEAR);
                cell.getCTTc().getTcPr().getShd().setFill("E7EBF0");
                XWPFParagraph paragraph = cell.getParagraphs().get(0);
                paragraph.setStyle(TABLE_TEXT);
                run(paragraph, columns.get(i).header(), true, false);
            }
        }

        /**
         * A new row; {@code keepWhole}: short rows are never split over two pages. Built on the XML beans, as
         * POI's createRow would build it (a cell with its width and one empty paragraph per column), but
         * without its count of the rows so far (which made a long table quadratic) and its wrappers.
         */
        Row row(boolean keepWhole) {
            CTRow row = table.getCTTbl().addNewTr();
            if (keepWhole) {
                row.addNewTrPr().addNewCantSplit();
            }
            CTTc[] cells = new CTTc[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = row.addNewTc();
                CTTcPr properties = cells[i].addNewTcPr();
                properties.addNewTcW().setW(BigInteger.valueOf(columns.get(i).width()));
                properties.getTcW().setType(STTblWidth.DXA);
                cells[i].addNewP().addNewPPr().addNewPStyle().setVal(TABLE_TEXT);
            }
            return new Row(cells);
        }

        private XWPFTableCell cell(XWPFTableRow row, int index) {
            XWPFTableCell cell = row.getCell(index);
            if (!cell.getCTTc().isSetTcPr()) {
                cell.getCTTc().addNewTcPr();
            }
            if (!cell.getCTTc().getTcPr().isSetTcW()) {
                cell.getCTTc().getTcPr().addNewTcW().setW(BigInteger.valueOf(columns.get(index).width()));
                cell.getCTTc().getTcPr().getTcW().setType(STTblWidth.DXA);
            }
            return cell;
        }

        /** A paragraph in a cell: the cell's first (empty) one, then new ones below it. */
        CTP paragraph(CTTc cell, String style) {
            if (cell.sizeOfPArray() == 1 && cell.getPArray(0).sizeOfRArray() == 0) {
                CTP first = cell.getPArray(0);
                first.getPPr().getPStyle().setVal(style);
                return first;
            }
            CTP paragraph = cell.addNewP();
            paragraph.addNewPPr().addNewPStyle().setVal(style);
            return paragraph;
        }

        /** One or more lines of plain text in a cell, each line its own paragraph. */
        void text(CTTc cell, String text, boolean bold, boolean italic) {
            for (String line : splitLines(text, 0)) {
                if (!line.isBlank()) {
                    run(paragraph(cell, italic ? SMALL : TABLE_TEXT), line.strip(), bold, italic);
                }
            }
        }

        /** Ends the table: a short empty paragraph so the next table never merges into it. */
        void end() {
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
    private void page(String footerText, boolean cover) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph paragraph = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        paragraph.setStyle("Footer");
        run(paragraph, footerText, false, false);
        paragraph.createRun().addTab();
        run(paragraph, "Sida ", false, false);
        field(paragraph, "PAGE", "1");
        run(paragraph, " av ", false, false);
        field(paragraph, "NUMPAGES", "1");
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

    private static void field(XWPFParagraph paragraph, String code, String placeholder) {
        fieldChar(paragraph, STFldCharType.BEGIN);
        instruction(paragraph, " " + code + " ");
        fieldChar(paragraph, STFldCharType.SEPARATE);
        paragraph.createRun().setText(placeholder);
        fieldChar(paragraph, STFldCharType.END);
    }

    byte[] bytes() {
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
}
