package se.ange.tertial.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * A table as report.css draws it: caption above (8.5 pt), 0.5 pt grey borders, cells padded 1.5 × 2 mm, a shaded
 * bold header row that is repeated (as an artifact) on every page the table runs onto, column widths as shares of
 * the table's width. A row is never split between pages unless it is taller than a page; then it continues on the
 * next one, line by line, under the repeated header. Tagged Table > Caption, THead > TR > TH (scope column),
 * TBody > TR > TD (with a P per paragraph when a cell has several).
 */
final class PdfTable implements PdfFlow.Block {

    private static final float PAD_X = 2 * PdfPages.MM;
    private static final float PAD_Y = 1.5f * PdfPages.MM;
    /** report.css: {@code td p { margin: 0 0 1.5mm 0 }}, the last paragraph without. */
    private static final float PARAGRAPH_GAP = 1.5f * PdfPages.MM;
    private static final int HEADER_SHADE = 0xe6ecf2;

    /** How a cell's lines sit: report.css's default, {@code td.symbol} (the legend) and {@code .num}. */
    enum Align { LEFT, CENTRE, RIGHT }

    /** A cell: its paragraphs (each a list of runs), not wrapped ({@code td.date}) and aligned. */
    record Cell(List<List<PdfText.Run>> paragraphs, boolean nowrap, Align align) {

        static Cell of(List<PdfText.Run> paragraph) {
            return new Cell(List.of(paragraph), false, Align.LEFT);
        }
    }

    /** A laid-out line of a cell: its paragraph's element, and its top below the cell's content top. */
    private record CellLine(PdfText.Line line, float offset, PDStructureElement element, float x) {
    }

    /** A row laid out: per cell its lines; {@code height} includes the padding. */
    private record Row(List<List<CellLine>> cells, float height) {
    }

    private final PDStructureElement caption;
    private final List<PdfText.Line> captionLines;
    private final float[] columnX;
    private final float[] columnWidth;
    private final Row header;
    private final List<Row> rows = new ArrayList<>();

    /**
     * @param shares each column's share of the table's width; {@code width} the table's share of the page's
     */
    PdfTable(PdfTags tags, PDStructureNode parent, String captionText, PdfText.Style captionStyle, float width,
             float[] shares, List<String> headings, PdfText.Style headingStyle, List<List<Cell>> body,
             PdfText.Style bodyStyle) {
        PDStructureElement table = tags.add(StandardStructureTypes.TABLE, parent);
        caption = tags.add(StandardStructureTypes.CAPTION, table);
        float tableWidth = PdfPages.CONTENT_WIDTH * width;
        captionLines = PdfText.lines(List.of(new PdfText.Run(captionText, captionStyle)), tableWidth, captionStyle);
        columnX = new float[shares.length];
        columnWidth = widths(tableWidth, shares, headings, headingStyle, body, bodyStyle);
        float x = PdfPages.LEFT;
        for (int i = 0; i < shares.length; i++) {
            columnX[i] = x;
            x += columnWidth[i];
        }
        PDStructureElement headRow = tags.add(StandardStructureTypes.TR, tags.add(StandardStructureTypes.T_HEAD, table));
        List<Cell> headCells = new ArrayList<>();
        List<PDStructureElement> headElements = new ArrayList<>();
        for (String heading : headings) {
            PDStructureElement th = tags.add(StandardStructureTypes.TH, headRow);
            PDTableAttributeObject scope = new PDTableAttributeObject();
            scope.setScope(PDTableAttributeObject.SCOPE_COLUMN);
            th.addAttribute(scope);
            headElements.add(th);
            headCells.add(Cell.of(List.of(new PdfText.Run(heading, headingStyle))));
        }
        header = layout(tags, headCells, headElements, headingStyle);
        PDStructureElement tbody = tags.add(StandardStructureTypes.T_BODY, table);
        for (List<Cell> cells : body) {
            PDStructureElement tr = tags.add(StandardStructureTypes.TR, tbody);
            List<PDStructureElement> tds = new ArrayList<>();
            cells.forEach(cell -> tds.add(tags.add(StandardStructureTypes.TD, tr)));
            rows.add(layout(tags, cells, tds, bodyStyle));
        }
    }

    /**
     * The columns' widths from their shares, each widened to what it cannot wrap (as a browser's table layout does):
     * its heading's longest word and its unwrapped cells (dates); the widest column gives the room.
     */
    private static float[] widths(float tableWidth, float[] shares, List<String> headings, PdfText.Style headingStyle,
                                  List<List<Cell>> body, PdfText.Style bodyStyle) {
        float[] widths = new float[shares.length];
        float[] least = new float[shares.length];
        for (int c = 0; c < shares.length; c++) {
            widths[c] = tableWidth * shares[c];
            for (String word : headingStyle.face().printable(headings.get(c)).split(" ")) {
                least[c] = Math.max(least[c], headingStyle.face().width(word, headingStyle.size()));
            }
        }
        for (List<Cell> row : body) {
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c).nowrap()) {
                    for (PdfText.Line line : PdfText.lines(row.get(c).paragraphs().get(0), Float.MAX_VALUE, bodyStyle)) {
                        least[c] = Math.max(least[c], line.width());
                    }
                }
            }
        }
        int widest = 0;
        for (int c = 0; c < shares.length; c++) {
            widest = widths[c] > widths[widest] ? c : widest;
        }
        for (int c = 0; c < shares.length; c++) {
            float missing = least[c] + 2 * PAD_X + 0.5f - widths[c];
            if (missing > 0 && c != widest) {
                widths[c] += missing;
                widths[widest] -= missing;
            }
        }
        return widths;
    }

    private Row layout(PdfTags tags, List<Cell> cells, List<PDStructureElement> elements, PdfText.Style strut) {
        List<List<CellLine>> laidOut = new ArrayList<>();
        float height = 0;
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            float inner = columnWidth[c] - 2 * PAD_X;
            List<CellLine> lines = new ArrayList<>();
            float offset = 0;
            for (int p = 0; p < cell.paragraphs().size(); p++) {
                PDStructureElement element = cell.paragraphs().size() == 1 ? elements.get(c)
                        : tags.add(StandardStructureTypes.P, elements.get(c));
                if (p > 0) {
                    offset += PARAGRAPH_GAP;
                }
                for (PdfText.Line line : PdfText.lines(cell.paragraphs().get(p),
                        cell.nowrap() ? Float.MAX_VALUE : inner, strut)) {
                    float x = columnX[c] + PAD_X + switch (cell.align()) {
                        case LEFT -> 0;
                        case CENTRE -> (inner - line.width()) / 2;
                        case RIGHT -> inner - line.width();
                    };
                    lines.add(new CellLine(line, offset, element, x));
                    offset += line.height();
                }
            }
            laidOut.add(lines);
            height = Math.max(height, offset);
        }
        return new Row(laidOut, height + 2 * PAD_Y);
    }

    @Override
    public float marginTop() {
        return 2 * PdfPages.MM;
    }

    @Override
    public float marginBottom() {
        return 5 * PdfPages.MM;
    }

    private float captionHeight() {
        float height = PdfPages.MM; // the caption's padding below
        for (PdfText.Line line : captionLines) {
            height += line.height();
        }
        return height;
    }

    @Override
    public float firstPiece() {
        float page = PdfPages.BOTTOM - PdfPages.TOP;
        float start = captionHeight() + header.height() + (rows.isEmpty() ? 0 : rows.get(0).height());
        return Math.min(start, page);
    }

    @Override
    public float minRoom() {
        return 30 * PdfPages.MM;
    }

    @Override
    public void draw(PdfFlow flow) {
        PdfPages pages = flow.pages;
        pages.begin(caption);
        for (PdfText.Line line : captionLines) {
            pages.line(line, PdfPages.LEFT, pages.y);
            pages.y += line.height();
        }
        pages.end();
        pages.y += PdfPages.MM;
        drawRow(flow, header, true, false);
        float fresh = PdfPages.BOTTOM - PdfPages.TOP - header.height();
        for (Row row : rows) {
            if (row.height() > pages.remaining() && (row.height() <= fresh || pages.remaining() < header.height())) {
                flow.breakPage();
                drawRow(flow, header, true, true);
            }
            drawRow(flow, row, false, false);
        }
    }

    /**
     * Draws {@code row} at the cursor: whole if it fits, else as much of each cell as fits, the rest on the next
     * page(s) under the repeated header.
     */
    private void drawRow(PdfFlow flow, Row row, boolean isHeader, boolean repeated) {
        PdfPages pages = flow.pages;
        int[] next = new int[row.cells().size()];
        float[] shift = new float[row.cells().size()];
        while (true) {
            float top = pages.y;
            float room = PdfPages.BOTTOM - top - 2 * PAD_Y;
            float used = 0;
            boolean done = true;
            for (int c = 0; c < row.cells().size(); c++) {
                List<CellLine> lines = row.cells().get(c);
                int end = next[c];
                while (end < lines.size() && lines.get(end).offset() - shift[c] + lines.get(end).line().height() <= room) {
                    end++;
                }
                if (end < lines.size()) {
                    done = false;
                }
                if (end > next[c]) {
                    used = Math.max(used, lines.get(end - 1).offset() - shift[c] + lines.get(end - 1).line().height());
                }
            }
            float height = used + 2 * PAD_Y;
            // background and borders first, the text over them
            pages.beginArtifact(repeated ? "Pagination" : "Layout");
            for (int c = 0; c < row.cells().size(); c++) {
                if (isHeader) {
                    pages.fill(columnX[c], top, columnWidth[c], height, HEADER_SHADE);
                }
                pages.frame(columnX[c], top, columnWidth[c], height);
            }
            pages.end();
            if (repeated) {
                pages.beginArtifact("Pagination");
            }
            for (int c = 0; c < row.cells().size(); c++) {
                List<CellLine> lines = row.cells().get(c);
                PDStructureElement open = null;
                while (next[c] < lines.size()
                        && lines.get(next[c]).offset() - shift[c] + lines.get(next[c]).line().height() <= room) {
                    CellLine line = lines.get(next[c]);
                    if (!repeated && line.element() != open) {
                        if (open != null) {
                            pages.end();
                        }
                        open = line.element();
                        pages.begin(open);
                    }
                    pages.line(line.line(), line.x(), top + PAD_Y + line.offset() - shift[c]);
                    next[c]++;
                }
                if (open != null) {
                    pages.end();
                }
                if (next[c] < lines.size()) {
                    shift[c] = lines.get(next[c]).offset();
                }
            }
            if (repeated) {
                pages.end();
            }
            pages.y = top + height;
            if (done) {
                return;
            }
            flow.breakPage();
            drawRow(flow, header, true, true);
        }
    }
}
