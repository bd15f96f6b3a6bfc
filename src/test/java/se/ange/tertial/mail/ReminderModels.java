package se.ange.tertial.mail;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.thymeleaf.context.Context;
import se.ange.tertial.followup.Language;

/** Reminder models as the mail's templates get them, for the tests that hold the code-written parts to the templates. */
final class ReminderModels {

    private ReminderModels() {
    }

    /** Emma's first reminder about one late activity titled {@code title}, in Swedish. */
    static Context emmasReminder(String title) {
        Context context = new Context(MailTemplates.locale(Language.SV));
        context.setVariable("name", "Emma");
        context.setVariable("sections", List.of(Map.of("heading", "Rapportera status för tertial 2024-T1 senast 30 april:",
                "items", List.of(line("KS2024-002", title, "slutdatum 31 mars 2024 har passerat", true,
                        "◐ Pågående enligt plan", "", "", "")))));
        context.setVariable("answerable", true);
        context.setVariable("escalation", false);
        context.setVariable("howto", "Svara så här:");
        context.setVariable("example", "2 – kort kommentar om läget");
        context.setVariable("mine", "https://tertial.example/mina");
        context.setVariable("managerHowto", "Påminn");
        context.setVariable("statuses", List.of("Ej påbörjad", "Pågående enligt plan"));
        context.setVariable("chat", null);
        return context;
    }

    /** An item as the mail's templates get it. */
    static Map<String, Object> line(String ref, String title, String end, boolean late, String status,
                                    String owner, String note, String link) {
        return new ReminderMail.Line(ref, title, end, late, status, owner, note, link).forTemplate();
    }

    @SafeVarargs
    static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
