package se.ange.tertial.report;

/**
 * WordprocessingML paragraphs and runs written straight as text, the markup POI's XML beans would save for
 * them, character for character ({@code w:} for the main namespace, as {@code XWPFDocument} saves it). A long
 * report has tens of thousands of paragraphs and runs: built as XML beans, each element costs a cursor walk
 * to its place and again when saved, most of a report's time; as text it is an append.
 * <p>
 * One paragraph at a time is open: runs go into it until the next paragraph starts or {@link #close()}.
 */
final class DocxXml {

    private final StringBuilder xml;
    private boolean open;
    /** Where the open paragraph's content starts: nothing after it, and it closes as {@code <w:p/>}. */
    private int content;

    DocxXml(StringBuilder xml) {
        this.xml = xml;
    }

    /** Starts a paragraph (closing the open one) in {@code style}, none when null; kept with the next one if asked. */
    DocxXml paragraph(String style, boolean keepNext) {
        close();
        xml.append("<w:p>");
        content = xml.length();
        if (style != null || keepNext) {
            xml.append("<w:pPr>");
            if (style != null) {
                // style names are the constants of DocxDocument: nothing to escape
                xml.append("<w:pStyle w:val=\"").append(style).append("\"/>");
            }
            if (keepNext) {
                xml.append("<w:keepNext w:val=\"on\"/>");
            }
            xml.append("</w:pPr>");
        }
        open = true;
        return this;
    }

    /** True while no paragraph was started since the last {@link #close()}. */
    boolean isEmpty() {
        return !open;
    }

    /** Ends the open paragraph, if there is one. */
    void close() {
        if (open && xml.length() == content) {
            xml.setLength(content - 1);
            xml.append("/>");
        } else if (open) {
            xml.append("</w:p>");
        }
        open = false;
    }

    /**
     * A run of text, lines split by breaks (each line of {@code lines} after the first starts with {@code <w:br/>}),
     * {@code xml:space="preserve"} when a line starts or ends with white space, as XWPFRun writes it.
     */
    void run(String[] lines, boolean bold, boolean italic, boolean highlight) {
        xml.append("<w:r>");
        if (bold || italic || highlight) {
            xml.append("<w:rPr>");
            if (bold) {
                xml.append("<w:b w:val=\"on\"/>");
            }
            if (italic) {
                xml.append("<w:i w:val=\"on\"/>");
            }
            if (highlight) {
                xml.append("<w:highlight w:val=\"yellow\"/>");
            }
            xml.append("</w:rPr>");
        }
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                xml.append("<w:br/>");
            }
            text("w:t", lines[i]);
        }
        xml.append("</w:r>");
    }

    /** A run with a page break. */
    void pageBreak() {
        xml.append("<w:r><w:br w:type=\"page\"/></w:r>");
    }

    /** A field's begin (marked dirty, so Word updates it on opening), separate or end mark. */
    void fieldChar(String type) {
        xml.append("<w:r><w:fldChar w:fldCharType=\"").append(type)
                .append("begin".equals(type) ? "\" w:dirty=\"true\"/></w:r>" : "\"/></w:r>");
    }

    /** A field's code, e.g. {@code " TOC \o "1-2" "}. */
    void instruction(String code) {
        xml.append("<w:r>");
        text("w:instrText", code);
        xml.append("</w:r>");
    }

    private void text(String element, String text) {
        if (text.isEmpty()) {
            xml.append('<').append(element).append("/>");
            return;
        }
        xml.append('<').append(element);
        if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
            xml.append(" xml:space=\"preserve\"");
        }
        xml.append('>');
        escape(xml, text);
        xml.append("</").append(element).append('>');
    }

    /**
     * Element text escaped as XML beans escape it: {@code &} and {@code <} always, {@code >} after {@code ]]},
     * carriage return as a reference, and the non-characters U+FFFE and U+FFFF as "?".
     */
    static void escape(StringBuilder xml, String text) {
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement;
            if (c == '&') {
                replacement = "&amp;";
            } else if (c == '<') {
                replacement = "&lt;";
            } else if (c == '>' && i >= 2 && text.charAt(i - 1) == ']' && text.charAt(i - 2) == ']') {
                replacement = "&gt;";
            } else if (c == '\r') {
                replacement = "&#13;";
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                replacement = "?";
            } else {
                continue;
            }
            xml.append(text, plain, i).append(replacement);
            plain = i + 1;
        }
        xml.append(text, plain, text.length());
    }
}
