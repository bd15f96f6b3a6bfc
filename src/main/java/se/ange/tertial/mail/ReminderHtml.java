package se.ange.tertial.mail;

import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.thymeleaf.context.IContext;
import org.unbescape.html.HtmlEscape;

/**
 * The HTML part of a reminder, written from the same variables as the text part ({@link ReminderText}), with the
 * texts of the message's bundle. It was the Thymeleaf template {@code mail/reminder.html}, kept in the test resources
 * as the reference: its render (expressions evaluated through OGNL) was a tenth of a reminder's delivery. The output,
 * whitespace and escaping included, is kept byte for byte (ReminderHtmlTest compares it with that template).
 */
final class ReminderHtml {

    private static final String H3 = "<h3 style=\"font-size: 16px; margin: 16px 0 6px 0;\">";
    private static final String SMALL = "<span style=\"font-size: 14px;\">";
    private static final String GREY = "<span style=\"color: #555; font-size: 14px;\">";

    private ReminderHtml() {
    }

    static String write(IContext model, ResourceBundle texts) {
        StringBuilder out = new StringBuilder(6144);
        Object lang = model.getVariable("lang");
        out.append("<!DOCTYPE html>\n<html");
        if (lang != null) {
            escaped(out.append(" lang=\""), lang).append('"');
        }
        out.append(">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        escaped(out, model.getVariable("subject")).append("</title>\n</head>\n<body style=\"margin: 0; padding: 0;\">\n"
                + "<div style=\"max-width: 600px; padding: 12px; font-family: Arial, Helvetica, sans-serif; font-size: 15px;"
                + " line-height: 1.4; color: #222; overflow-wrap: break-word; word-wrap: break-word;\">\n"
                + "<p style=\"margin: 0 0 12px 0;\">");
        escaped(out, MailTemplates.format(texts.getString("greeting"), model.getVariable("name"))).append("</p>\n");
        for (Map<String, Object> section : maps(model.getVariable("sections"))) {
            escaped(out.append("\n  ").append(H3), section.get("heading")).append("</h3>");
            List<Map<String, Object>> items = maps(section.get("items"));
            if (items.isEmpty()) {
                out.append("\n  "); // Thymeleaf keeps the whitespace before an element iterated no time
            }
            for (Map<String, Object> line : items) {
                line(out, line, texts);
            }
            out.append('\n');
        }
        boolean answerable = flag(model.getVariable("answerable"));
        boolean escalation = flag(model.getVariable("escalation"));
        out.append('\n');
        if (answerable) {
            escaped(out.append("\n  ").append(H3), texts.getString("howto.heading")).append("</h3>\n  ");
            escaped(out.append("<p style=\"margin: 0 0 8px 0;\">"), model.getVariable("howto")).append("</p>\n  ");
            escaped(out.append("<p class=\"example\" style=\"margin: 0 0 8px 0; padding: 8px; background: #f4f4f4;"
                    + " font-family: Consolas, Menlo, monospace; font-size: 14px; white-space: pre-wrap;"
                    + " word-break: break-word; overflow-wrap: anywhere;\">"), model.getVariable("example")).append("</p>\n  ");
            out.append("<p class=\"web\" style=\"margin: 0 0 8px 0; overflow-wrap: anywhere;\"><span>");
            escaped(out, texts.getString("web.mine")).append("</span> ");
            link(out, model.getVariable("mine")).append("</p>\n");
        }
        out.append('\n');
        if (escalation) {
            escaped(out.append("\n  ").append(H3), texts.getString("manager.heading")).append("</h3>\n  ");
            escaped(out.append("<p style=\"margin: 0 0 8px 0;\">"), model.getVariable("managerHowto")).append("</p>\n");
        }
        out.append('\n');
        if (answerable || escalation) {
            escaped(out.append("\n  <p style=\"margin: 0 0 4px 0;\">"), texts.getString("howto.statuses")).append("</p>\n  ");
            out.append("<ol style=\"margin: 0 0 8px 0; padding-left: 24px;\">");
            for (Object status : (List<?>) model.getVariable("statuses")) {
                escaped(out.append("<li>"), status).append("</li>");
            }
            out.append("</ol>\n");
        }
        out.append('\n');
        Object chat = model.getVariable("chat");
        if (chat != null && (answerable || escalation)) {
            escaped(out.append("<p style=\"margin: 0 0 8px 0; overflow-wrap: anywhere;\">"), chat).append("</p>");
        }
        out.append("\n<p style=\"margin: 16px 0 0 0; color: #666; font-size: 12px;\">");
        return escaped(out, texts.getString("footer")).append("</p>\n</div>\n</body>\n</html>\n").toString();
    }

    /** One activity: the template's {@code div} per item, the whitespace before it repeated as Thymeleaf does. */
    private static void line(StringBuilder out, Map<String, Object> line, ResourceBundle texts) {
        out.append("\n  <div style=\"margin: 0 0 10px 0;\">\n    <strong>");
        escaped(out, line.get("ref")).append("</strong> <span>");
        escaped(out, line.get("title")).append("</span><br>\n    ");
        if (flag(line.get("late"))) {
            escaped(out.append("<span style=\"color: #a33; font-size: 14px;\"><strong>"), "⚠ " + line.get("end"))
                    .append("</strong></span>");
        } else {
            escaped(out.append("<span\n        style=\"color: #555; font-size: 14px;\">"), line.get("end")).append("</span>");
        }
        if (flag(line.get("hasStatus"))) {
            escaped(out.append(GREY).append(" · </span>").append(SMALL), line.get("status")).append("</span>");
        }
        out.append("\n    ");
        if (flag(line.get("hasOwner"))) {
            escaped(out.append("<br>").append(SMALL), line.get("owner")).append("</span>");
        }
        out.append("\n    ");
        if (flag(line.get("hasNote"))) {
            escaped(out.append("<br><span style=\"font-size: 14px; color: #a33;\">"), line.get("note")).append("</span>");
        }
        out.append("\n    ");
        if (flag(line.get("hasLink"))) {
            escaped(out.append("<br>").append(SMALL).append("<span>"), texts.getString("web.activity")).append("</span> ");
            link(out, line.get("link")).append("</span>");
        }
        out.append("\n  </div>");
    }

    /** {@code <a th:href="${x}" th:text="${x}">} (an absent address: an empty one). */
    private static StringBuilder link(StringBuilder out, Object address) {
        return escaped(escaped(out.append("<a href=\""), address).append("\">"), address).append("</a>");
    }

    /** As Thymeleaf writes a value in HTML, with its escaper: the five markup characters, nothing else; nothing for null. */
    private static StringBuilder escaped(StringBuilder out, Object value) {
        return value == null ? out : out.append(HtmlEscape.escapeHtml4Xml(value.toString()));
    }

    private static boolean flag(Object value) {
        return Boolean.TRUE.equals(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
