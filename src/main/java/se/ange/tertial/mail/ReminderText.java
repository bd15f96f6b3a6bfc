package se.ange.tertial.mail;

import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.thymeleaf.context.IContext;

/**
 * The plain-text part of a reminder, written from the very variables the HTML part ({@link ReminderHtml}) reads,
 * with the texts of the message's bundle. It was a Thymeleaf TEXT template; a second template render per mail cost
 * a tenth of a reminder's delivery, and plain text needs no escaping or markup. The layout is kept byte for byte
 * (ReminderTextTest compares it with that template on many messages).
 */
final class ReminderText {

    private ReminderText() {
    }

    static String write(IContext model, ResourceBundle texts) {
        StringBuilder out = new StringBuilder(2048);
        out.append(MailTemplates.format(texts.getString("greeting"), model.getVariable("name"))).append('\n');
        for (Map<String, Object> section : maps(model.getVariable("sections"))) {
            out.append('\n').append(text(section.get("heading"))).append('\n');
            for (Map<String, Object> line : maps(section.get("items"))) {
                out.append("- ").append(text(line.get("ref"))).append(' ').append(text(line.get("title"))).append("\n  ");
                if (flag(line.get("late"))) {
                    out.append("⚠ ");
                }
                out.append(text(line.get("end")));
                if (flag(line.get("hasStatus"))) {
                    out.append(", ").append(text(line.get("status")));
                }
                out.append('\n');
                if (flag(line.get("hasOwner"))) {
                    out.append("  ").append(text(line.get("owner"))).append('\n');
                }
                if (flag(line.get("hasNote"))) {
                    out.append("  ").append(text(line.get("note"))).append('\n');
                }
                if (flag(line.get("hasLink"))) {
                    out.append("  ").append(texts.getString("web.activity")).append(' ').append(text(line.get("link")))
                            .append('\n');
                }
            }
        }
        boolean answerable = flag(model.getVariable("answerable"));
        boolean escalation = flag(model.getVariable("escalation"));
        if (answerable) {
            out.append('\n').append(texts.getString("howto.heading")).append('\n')
                    .append(text(model.getVariable("howto"))).append("\n\n  ")
                    .append(text(model.getVariable("example"))).append("\n\n")
                    .append(texts.getString("web.mine")).append(' ').append(text(model.getVariable("mine"))).append('\n');
        }
        if (escalation) {
            out.append('\n').append(texts.getString("manager.heading")).append('\n')
                    .append(text(model.getVariable("managerHowto"))).append('\n');
        }
        if (answerable || escalation) {
            out.append('\n').append(texts.getString("howto.statuses")).append('\n');
            int number = 1;
            for (Object status : (List<?>) model.getVariable("statuses")) {
                out.append("  ").append(number++).append(". ").append(text(status)).append('\n');
            }
        }
        Object chat = model.getVariable("chat");
        if (chat != null && (answerable || escalation)) {
            out.append('\n').append(chat).append('\n');
        }
        return out.append("\n-- \n").append(texts.getString("footer")).append('\n').toString();
    }

    /** As Thymeleaf writes a value: nothing for null. */
    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static boolean flag(Object value) {
        return Boolean.TRUE.equals(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
