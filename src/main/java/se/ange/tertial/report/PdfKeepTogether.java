package se.ange.tertial.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Keeps a goal's heading on the page of its table's first row. openhtmltopdf 1.1.28 moves a table's first body
 * row to the next page but leaves the heading, caption and header row behind (its issue #162), so each goal
 * heading gets an inline {@code -fs-page-break-min-height} as tall as the estimated height of everything from
 * the heading down to and including that first row: when that does not fit, the heading starts the next page.
 * The estimate follows report.css (A4, 18 mm side margins, 9.5 pt text, line height 1.4) and errs on the tall side.
 */
final class PdfKeepTogether {

    static final String GOAL_HEADINGS = "section.goal > h2, section.kf-goal > h2, section.ks-goal > h3";
    static final double MIN_MM = 45; // report.css's minimum for every heading
    static final double MAX_MM = 200; // about a page's content height: taller blocks break anyway

    private static final double CONTENT_WIDTH_MM = 210 - 2 * 18;
    private static final double PT_MM = 25.4 / 72;
    private static final double LINE_HEIGHT = 1.4;
    /** DejaVu Sans' average Swedish glyph, regular and bold (measured on the seeds' texts, a little wide). */
    private static final double CHAR_WIDTH_EM = 0.55;
    private static final double BOLD_CHAR_WIDTH_EM = 0.6;
    private static final double MARGIN = 1.15;
    private static final double CELL_PADDING_MM = 1.5;
    private static final double CELL_SIDE_PADDING_MM = 2;
    /** Column widths (per cent of the table) by the col classes in the templates and report.css. */
    private static final Map<String, Double> COLUMNS = Map.of("col-activity", 74.0, "col-date", 13.0,
            "col-title", 27.0, "col-status", 19.0, "col-comment", 41.0, "col-measure", 40.0, "col-value", 17.0,
            "col-outcome", 26.0);

    private PdfKeepTogether() {
    }

    /** Sets the minimum height on every goal heading of the PDF's document. */
    static void apply(Document dom) {
        for (Element heading : dom.select(GOAL_HEADINGS)) {
            double mm = Math.min(MAX_MM, Math.max(MIN_MM, estimateMm(heading)));
            heading.attr("style", String.format(Locale.ROOT, "-fs-page-break-min-height: %.0fmm", Math.ceil(mm)));
        }
    }

    /** The estimated height, margin included, from the heading to the end of its first table's first body row. */
    static double estimateMm(Element heading) {
        double mm = block(heading, fontPt(heading), CONTENT_WIDTH_MM) + marginMm(heading);
        for (Element next : following(heading)) {
            if (next.tagName().equals("table")) {
                return (mm + table(next)) * MARGIN;
            }
            mm += block(next, fontPt(next), CONTENT_WIDTH_MM) + marginMm(next);
        }
        return mm * MARGIN;
    }

    /** The elements after the heading in reading order, a nested section's (a KS goal's) children included. */
    private static List<Element> following(Element heading) {
        List<Element> all = new ArrayList<>();
        for (Element next = heading.nextElementSibling(); next != null; next = next.nextElementSibling()) {
            if (next.tagName().equals("section")) {
                all.addAll(next.children());
            } else {
                all.add(next);
            }
        }
        return all;
    }

    /** Caption, header row and first body row. */
    private static double table(Element table) {
        double mm = 2; // the table's top margin
        Element caption = table.selectFirst("caption");
        if (caption != null) {
            mm += block(caption, 8.5, CONTENT_WIDTH_MM) + 1;
        }
        List<Double> widths = table.select("col").stream()
                .map(col -> COLUMNS.getOrDefault(col.className(), 100.0 / table.select("col").size()) / 100
                        * CONTENT_WIDTH_MM)
                .toList();
        mm += row(table.selectFirst("thead tr"), widths);
        return mm + row(table.selectFirst("tbody tr"), widths);
    }

    private static double row(Element row, List<Double> widths) {
        if (row == null) {
            return 0;
        }
        double tallest = 0;
        List<Element> cells = row.children();
        for (int i = 0; i < cells.size(); i++) {
            double width = (i < widths.size() ? widths.get(i) : CONTENT_WIDTH_MM / cells.size())
                    - 2 * CELL_SIDE_PADDING_MM;
            Element cell = cells.get(i);
            List<Element> paragraphs = cell.children().stream().filter(e -> e.tagName().equals("p")).toList();
            double mm = 0;
            if (cell.hasClass("date")) {
                mm = block(cell, 9.5, CONTENT_WIDTH_MM); // never wraps (report.css)
            } else if (paragraphs.isEmpty()) {
                mm = block(cell, 9.5, width);
            } else {
                for (Element p : paragraphs) {
                    mm += block(p, fontPt(p), width) + 1.5; // the last one's margin is none: generous
                }
            }
            tallest = Math.max(tallest, mm + 2 * CELL_PADDING_MM);
        }
        return tallest;
    }

    /** The height of a block's lines: each line of its text (line breaks kept) wrapped word by word at the width. */
    static double block(Element element, double fontPt, double widthMm) {
        double charWidthEm = element.tagName().matches("h\\d|th") ? BOLD_CHAR_WIDTH_EM : CHAR_WIDTH_EM;
        double charsPerLine = Math.max(1, widthMm / (fontPt * PT_MM * charWidthEm));
        int lines = 0;
        for (String line : text(element).strip().split("\n", -1)) {
            lines += wrapped(line.strip(), charsPerLine);
        }
        return lines * fontPt * LINE_HEIGHT * PT_MM;
    }

    /** Lines of a text filled greedily, a word too long for a line broken across lines. */
    static int wrapped(String line, double charsPerLine) {
        int lines = 1;
        double used = 0;
        for (String word : line.split(" +")) {
            double needed = used == 0 ? word.length() : used + 1 + word.length();
            if (needed <= charsPerLine) {
                used = needed;
            } else {
                lines += used == 0 ? 0 : 1;
                lines += (int) Math.ceil(word.length() / charsPerLine) - 1;
                used = word.length() % charsPerLine == 0 ? charsPerLine : word.length() % charsPerLine;
            }
        }
        return lines;
    }

    /** The text with {@code <br>} and each nested paragraph as a line break. */
    private static String text(Node node) {
        if (node instanceof TextNode text) {
            return text.getWholeText();
        }
        StringBuilder out = new StringBuilder();
        if (node instanceof Element element && element.tagName().equals("br")) {
            return "\n";
        }
        for (Node child : node.childNodes()) {
            out.append(text(child));
            if (child instanceof Element e && e.tagName().equals("p")) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static double fontPt(Element element) {
        return switch (element.tagName()) {
            case "h2" -> element.parents().hasClass("goal-group") ? 11 : 13;
            case "h3" -> 11;
            default -> element.is(".unit, .note, .reasoning, .suggestion, .goal-area, .direction, .change")
                    ? 8.5 : element.hasClass("assessment") ? 10.5 : 9.5;
        };
    }

    private static double marginMm(Element element) {
        return switch (element.tagName()) {
            case "h2" -> 7 + 2.5;
            case "h3" -> 5 + 2;
            case "blockquote" -> 6;
            default -> 2.5;
        };
    }
}
