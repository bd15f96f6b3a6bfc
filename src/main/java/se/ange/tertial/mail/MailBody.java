package se.ange.tertial.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The readable text of a received message: the text/plain part when there is one, else the HTML part
 * turned into text with its line breaks. Jakarta Mail undoes quoted-printable and base64; the part's
 * charset (UTF-8, ISO-8859-1, Windows-1252, …) is honoured.
 */
final class MailBody {

    private MailBody() {
    }

    static String text(Part message) throws MessagingException, IOException {
        return find(message, "text/plain").or(() -> {
            try {
                return find(message, "text/html").map(MailBody::htmlToText);
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }).orElse("");
    }

    private static Optional<String> find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return Optional.of(content(part));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = find(child, type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The decoded text; an unknown charset label falls back to Windows-1252, what Outlook means by it. */
    private static String content(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (UnsupportedEncodingException unknownCharset) {
            // read the bytes ourselves below
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), Charset.forName("windows-1252"));
        }
    }

    /** HTML to text keeping the structure a reader sees: paragraphs, line breaks, rules. */
    static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        // quoted mail is never new text: leave a quote mark where it was, so the reply parser stops there
        document.select("blockquote").forEach(quote -> {
            quote.before(new Element("p").text("> "));
            quote.remove();
        });
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText().replaceAll("[\\r\\n\\t ]+", " "));
                } else if (node instanceof Element element) {
                    switch (element.normalName()) {
                        case "br" -> text.append('\n');
                        case "hr" -> text.append("\n________________________________\n");
                        case "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table", "blockquote" -> newLine(text);
                        default -> { }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && switch (element.normalName()) {
                    case "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table" -> true;
                    default -> false;
                }) {
                    newLine(text);
                }
            }
        }, document.body() == null ? document : document.body());
        return text.toString().lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }

    private static void newLine(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}
