package se.ange.tertial.report;

import com.openhtmltopdf.extend.FontContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.TextRenderer;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.JustificationInfo;
import java.io.IOException;
import java.lang.reflect.Field;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * openhtmltopdf's text measuring with each character's advance looked up in a table per font: PDFBox's
 * {@code PDFont.getStringWidth} encodes the string and decodes it again through a stream per character, about a
 * third of a long report's PDF time, for words the layout measures several times. The sum is the same float sum
 * PDFBox computes (its width is the sum of the characters' widths in order), rounded as openhtmltopdf rounds it;
 * text with a character the font lacks, or outside the BMP, goes the library's own way (font runs, replacement).
 * Drawing takes the library's fast path for text whose characters the table knows: openhtmltopdf first measures
 * every drawn string with {@code getStringWidth} only to learn whether the font can encode it.
 * One instance per rendered document: the fonts are that document's.
 */
final class PdfTextWidths extends PdfBoxTextRenderer {

    /** openhtmltopdf's TEXT_MEASURING_DELTA: a width this close above a whole number is rounded down. */
    private static final double MEASURING_DELTA = 0.01f;
    private static final float UNKNOWN = Float.NaN;
    private static final float MISSING = -1f;

    /** The output device's current font; it has no getter, and the text renderer is not told the font. */
    private static final Field DEVICE_FONT = deviceFont();

    private final Map<PDFont, float[]> widths = new IdentityHashMap<>();

    @Override
    public void drawString(OutputDevice device, String string, float x, float y) {
        drawString(device, string, x, y, null);
    }

    /**
     * What {@code PdfBoxFastOutputDevice.drawString} does when the family's first face can encode the whole
     * string (the same call with the same arguments), decided from the table instead of a trial encoding; any
     * other string goes the library's way (font runs, replacement characters).
     */
    @Override
    public void drawString(OutputDevice device, String string, float x, float y, JustificationInfo info) {
        PdfBoxFSFont font = device instanceof PdfBoxFastOutputDevice ? currentFont(device) : null;
        PdfBoxFontResolver.FontDescription first = font == null || font.getFontDescriptions() == null
                || font.getFontDescriptions().isEmpty() ? null : font.getFontDescriptions().get(0);
        if (first != null && first.getFont() != null) {
            String text = TextRenderer.getEffectivePrintableString(string);
            if (encodable(first.getFont(), text)) {
                ((PdfBoxFastOutputDevice) device).drawStringFast(text, x, y, info, first, font.getSize2D());
                return;
            }
        }
        super.drawString(device, string, x, y, info);
    }

    private boolean encodable(PDFont pdFont, String text) {
        float[] table = widths.computeIfAbsent(pdFont, f -> newTable());
        for (int i = 0; i < text.length(); i++) {
            if (width(table, pdFont, text.charAt(i)) == MISSING) {
                return false;
            }
        }
        return true;
    }

    /** The character's width from the font's table, measured once on first use. */
    private static float width(float[] table, PDFont pdFont, char c) {
        float width = table[c];
        if (Float.isNaN(width)) {
            width = table[c] = measure(pdFont, c);
        }
        return width;
    }

    /** Whether this openhtmltopdf lets drawing skip the trial encoding (its device's font field was found). */
    static boolean drawsWithoutTrialEncoding() {
        return DEVICE_FONT != null;
    }

    private static PdfBoxFSFont currentFont(OutputDevice device) {
        try {
            return DEVICE_FONT == null ? null : (PdfBoxFSFont) DEVICE_FONT.get(device);
        } catch (IllegalAccessException | ClassCastException e) {
            return null;
        }
    }

    private static Field deviceFont() {
        try {
            Field field = PdfBoxFastOutputDevice.class.getDeclaredField("_font");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another openhtmltopdf version: every string goes the library's way
        }
    }

    @Override
    public int getWidth(FontContext context, FSFont font, String string) {
        PDFont pdFont = firstLoaded((PdfBoxFSFont) font);
        if (pdFont == null) {
            return super.getWidth(context, font, string); // logs and returns 0 as before
        }
        String text = TextRenderer.getEffectivePrintableString(string);
        float[] table = widths.computeIfAbsent(pdFont, f -> newTable());
        float sum = 0;
        for (int i = 0; i < text.length(); i++) {
            float width = width(table, pdFont, text.charAt(i));
            if (width == MISSING) {
                return super.getWidth(context, font, string);
            }
            sum += width;
        }
        float result = sum / 1000f * font.getSize2D();
        return result - Math.floor(result) < MEASURING_DELTA ? (int) result : (int) Math.ceil(result);
    }

    private static float[] newTable() {
        float[] table = new float[Character.MAX_VALUE + 1];
        Arrays.fill(table, UNKNOWN);
        return table;
    }

    /** One character's width as PDFBox measures it; surrogates and characters the font lacks are MISSING. */
    private static float measure(PDFont font, char c) {
        if (Character.isSurrogate(c)) {
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

    /** The font openhtmltopdf measures with: the first of the family's faces that loaded. */
    private static PDFont firstLoaded(PdfBoxFSFont font) {
        if (font.getFontDescriptions() == null) {
            return null;
        }
        for (PdfBoxFontResolver.FontDescription description : font.getFontDescriptions()) {
            if (description.getFont() != null) {
                return description.getFont();
            }
        }
        return null;
    }
}
