package se.ange.tertial.report;

import java.util.Arrays;
import java.util.List;
import se.ange.tertial.report.ReportParts.Paragraph;

/**
 * A stored text section as paragraphs: blank lines separate them, a paragraph whose lines start with "> "
 * is a quotation (the styrmodell quote of the uppsiktsrapport's intro).
 */
final class Paragraphs {

    private Paragraphs() {
    }

    static List<Paragraph> of(String text) {
        return Arrays.stream(text.replace("\r\n", "\n").split("\n\\s*\n"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .map(Paragraphs::paragraph)
                .toList();
    }

    private static Paragraph paragraph(String block) {
        List<String> lines = block.lines().map(String::strip).toList();
        boolean quote = lines.stream().allMatch(l -> l.startsWith(">"));
        String text = String.join(" ", lines.stream()
                .map(l -> quote ? l.substring(1).strip() : l)
                .filter(l -> !l.isEmpty()).toList());
        return new Paragraph(text, quote);
    }
}
