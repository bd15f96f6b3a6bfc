package se.ange.tertial.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Text as the PDF lays it out: runs of one style, broken into lines the way report.css's {@code white-space:
 * pre-line} does (spaces collapse, line breaks stay, lines wrap at spaces) with the font's own widths; a word longer
 * than the line is broken between characters.
 */
final class PdfText {

    /** report.css: {@code line-height: 1.4}. */
    static final float LINE_HEIGHT = 1.4f;

    private PdfText() {
    }

    /** A colour as report.css writes it, e.g. 0x1a1a1a. */
    record Style(PdfFonts.Face face, float size, int rgb) {

        Style withSize(float newSize) {
            return new Style(face, newSize, rgb);
        }

        float lineHeight() {
            return size * LINE_HEIGHT;
        }

        /** From the line box's top to the baseline: half the leading above the glyphs, then their ascent. */
        float baseline() {
            float glyphs = (face.ascent + face.descent) / 1000f * size;
            return (lineHeight() - glyphs) / 2 + face.ascent / 1000f * size;
        }
    }

    record Run(String text, Style style) {
    }

    /** A piece of a line: text in one style starting {@code x} points from the line's start. */
    record Piece(String text, Style style, float x) {
    }

    /** A laid-out line; {@code baseline} is measured from the line's top. */
    record Line(List<Piece> pieces, float width, float height, float baseline) {
    }

    static List<Run> runs(Run... runs) {
        return List.of(runs);
    }

    /**
     * {@code runs} broken into lines of at most {@code width} points ({@code Float.MAX_VALUE}: never wrapped, as
     * the date cells' nowrap); {@code strut} is the block's own style, the least height of every line (as CSS's).
     */
    static List<Line> lines(List<Run> runs, float width, Style strut) {
        Breaker breaker = new Breaker(width, strut);
        for (Run run : runs) {
            String text = run.style().face().printable(run.text());
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\n') {
                    breaker.newline();
                    i++;
                } else if (c == ' ') {
                    breaker.space(run.style());
                    while (i < text.length() && text.charAt(i) == ' ') {
                        i++;
                    }
                } else {
                    int end = i;
                    while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != '\n') {
                        end++;
                    }
                    breaker.word(text.substring(i, end), run.style());
                    i = end;
                }
            }
        }
        return breaker.finish();
    }

    /** The greedy line breaker: a word goes on the line if it fits, else starts the next. */
    private static final class Breaker {

        private final float width;
        private final Style strut;
        private final List<Line> lines = new ArrayList<>();
        /** The current line's pieces; a word split over runs is several pieces without space between. */
        private final List<Piece> pieces = new ArrayList<>();
        private float x;
        /** A collapsed space waiting for the next word (dropped at a line's start and end). */
        private Style pendingSpace;
        /** Pieces of the word being built that may not be broken from the text before (no space between). */
        private boolean glued;

        Breaker(float width, Style strut) {
            this.width = width;
            this.strut = strut;
        }

        void space(Style style) {
            if (!pieces.isEmpty() || glued) {
                pendingSpace = style;
            }
            glued = false;
        }

        void newline() {
            endLine();
            pendingSpace = null;
            glued = false;
        }

        void word(String word, Style style) {
            float wordWidth = style.face().width(word, style.size());
            float space = pendingSpace == null ? 0 : pendingSpace.face().width(" ", pendingSpace.size());
            if (!glued && !pieces.isEmpty() && x + space + wordWidth > width) {
                endLine();
                pendingSpace = null;
                space = 0;
            }
            place(word, style, space, wordWidth);
            glued = true;
        }

        private void place(String word, Style style, float space, float wordWidth) {
            if (space > 0 && pendingSpace != null) {
                pieces.add(new Piece(" ", pendingSpace, x));
                x += space;
            }
            pendingSpace = null;
            if (x + wordWidth <= width || width == Float.MAX_VALUE) {
                pieces.add(new Piece(word, style, x));
                x += wordWidth;
                return;
            }
            // longer than what is left of the line: as many characters as fit, the rest on the next lines
            int start = 0;
            float used = 0;
            for (int i = 0; i < word.length(); i++) {
                float advance = style.face().advance(word.charAt(i)) / 1000f * style.size();
                if (x + used + advance > width && (i > start || !pieces.isEmpty())) {
                    if (i > start) {
                        pieces.add(new Piece(word.substring(start, i), style, x));
                    }
                    endLine();
                    start = i;
                    used = 0;
                }
                used += advance;
            }
            pieces.add(new Piece(word.substring(start), style, x));
            x += used;
        }

        private void endLine() {
            float height = strut.lineHeight();
            float baseline = strut.baseline();
            for (Piece piece : pieces) {
                height = Math.max(height, piece.style().lineHeight());
                baseline = Math.max(baseline, piece.style().baseline());
            }
            lines.add(new Line(List.copyOf(pieces), x, height, baseline));
            pieces.clear();
            x = 0;
        }

        List<Line> finish() {
            if (!pieces.isEmpty() || lines.isEmpty()) {
                endLine();
            }
            return lines;
        }
    }
}
