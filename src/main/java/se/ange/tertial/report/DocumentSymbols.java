package se.ange.tertial.report;

/**
 * The status and assessment symbols as printed documents (PDF, DOCX) can show them. The embedded font
 * (DejaVu Sans) has ▶ ✔ ⚠ ○ ● but no ⏸ (Vänteläge), so print documents write "‖" instead; HTML in a
 * browser keeps ⏸. One place so PDF and DOCX print the same thing.
 */
public final class DocumentSymbols {

    /** Vänteläge's symbol on screen. */
    static final String PAUSE = "⏸";
    /** What print documents show for it: a glyph DejaVu Sans has. */
    static final String PAUSE_PRINTED = "‖";

    private DocumentSymbols() {
    }

    /** {@code text} with every symbol the print font lacks replaced by one it has. */
    public static String printable(String text) {
        return text == null ? null : text.replace(PAUSE, PAUSE_PRINTED);
    }
}
