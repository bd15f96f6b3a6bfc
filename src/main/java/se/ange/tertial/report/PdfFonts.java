package se.ange.tertial.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report's two faces, DejaVu Sans regular and bold (it has å ä ö and the status symbols ▶ ✔ ⚠ ○ ●), embedded
 * as subsets in one PDF, with each character's advance looked up in a table: PDFBox's {@code getStringWidth}
 * encodes and decodes the string through a stream per call.
 */
final class PdfFonts {

    /** What is printed for a character the font lacks (an emoji in a comment): the text goes on, visibly. */
    static final char REPLACEMENT = '?';

    private static final byte[] REGULAR = withoutGsub(ReportResources.bytes("report/fonts/DejaVuSans.ttf"));
    private static final byte[] BOLD = withoutGsub(ReportResources.bytes("report/fonts/DejaVuSans-Bold.ttf"));
    private static final float MISSING = -1f;

    final Face regular;
    final Face bold;

    private PdfFonts(Face regular, Face bold) {
        this.regular = regular;
        this.bold = bold;
    }

    static PdfFonts load(PDDocument document) {
        try {
            return new PdfFonts(new Face(PDType0Font.load(document, new RandomAccessReadBuffer(REGULAR), true, false)),
                    new Face(PDType0Font.load(document, new RandomAccessReadBuffer(BOLD), true, false)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One face with its advance widths (thousandths of the font size), measured on first use. */
    static final class Face {

        final PDFont font;
        /** Top of the tallest glyph above the baseline and the deepest below it, in thousandths of the size. */
        final float ascent;
        final float descent;
        private final float[] widths = new float[Character.MAX_VALUE + 1];

        private Face(PDFont font) {
            this.font = font;
            this.ascent = font.getFontDescriptor().getAscent();
            this.descent = -font.getFontDescriptor().getDescent();
            Arrays.fill(widths, Float.NaN);
        }

        /** The width of {@code text} at {@code size} points; every character must be {@link #printable}. */
        float width(String text, float size) {
            float sum = 0;
            for (int i = 0; i < text.length(); i++) {
                sum += advance(text.charAt(i));
            }
            return sum / 1000f * size;
        }

        float advance(char c) {
            float width = widths[c];
            if (Float.isNaN(width)) {
                width = widths[c] = measure(c);
            }
            return width;
        }

        boolean has(char c) {
            return advance(c) != MISSING;
        }

        /**
         * {@code text} as this face can print it: a character it lacks (or outside the BMP, which DejaVu Sans does
         * not cover) becomes {@link #REPLACEMENT}, control characters are dropped; PDFBox would throw on them.
         */
        String printable(String text) {
            StringBuilder out = null;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean fine = c == '\n' || (!Character.isISOControl(c) && !Character.isSurrogate(c) && has(c));
                if (!fine && out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (out != null && fine) {
                    out.append(c);
                } else if (out != null && !Character.isISOControl(c) && !Character.isLowSurrogate(c)) {
                    out.append(REPLACEMENT);
                } else if (out != null && c == '\t') {
                    out.append(' ');
                }
            }
            return out == null ? text : out.toString();
        }

        private float measure(char c) {
            if (Character.isSurrogate(c) || Character.isISOControl(c)) {
                return MISSING;
            }
            try {
                return font.getStringWidth(String.valueOf(c));
            } catch (IllegalArgumentException notInFont) {
                return MISSING;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The font without its glyph substitution table (renamed, so PDFBox neither applies it nor embeds it): PDFBox
     * runs DejaVu's Latin GSUB rules (through regular expressions) on every string it draws, for ligatures the
     * layout does not measure anyway.
     */
    private static byte[] withoutGsub(byte[] ttf) {
        byte[] copy = ttf.clone();
        int tables = ((copy[4] & 0xff) << 8) | (copy[5] & 0xff);
        for (int i = 0, at = 12; i < tables; i++, at += 16) {
            if (copy[at] == 'G' && copy[at + 1] == 'S' && copy[at + 2] == 'U' && copy[at + 3] == 'B') {
                copy[at] = 'g'; // an unknown tag: PDFBox keeps it unread, its subsets leave it out
            }
        }
        return copy;
    }
}
