package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.mail.ReminderModels.line;
import static se.ange.tertial.mail.ReminderModels.pick;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import se.ange.tertial.followup.Language;

/**
 * The reminder's text part is written in code from the HTML template's variables; it must stay byte for byte what
 * the Thymeleaf TEXT template it replaced wrote ({@code src/test/resources/mail/reminder.txt}, kept here as the
 * reference), for every combination of sections, lines, flags, languages and the optional parts.
 */
class ReminderTextTest {

    private final MailTemplates reference = new MailTemplates("reminder");

    @Test
    void the_text_part_is_byte_for_byte_what_the_template_wrote() {
        Random random = new Random(17);
        for (int message = 0; message < 400; message++) {
            Language language = random.nextBoolean() ? Language.SV : Language.EN;
            Context context = randomModel(random, language);
            String expected = reference.text(context);
            assertThat(ReminderText.write(context, reference.texts(language))).as("message %d", message)
                    .isEqualTo(expected);
        }
    }

    @Test
    void an_owner_s_reminder_reads_as_before() {
        Context context = ReminderModels.emmasReminder("Ny webbplats");
        String text = ReminderText.write(context, reference.texts(Language.SV));
        assertThat(text).isEqualTo(reference.text(context)).startsWith("Hej Emma!\n\nRapportera status")
                // no owner, note or link: nothing, not an empty line, follows the status
                .contains("- KS2024-002 Ny webbplats\n  ⚠ slutdatum 31 mars 2024 har passerat, ◐ Pågående enligt plan\n\n")
                .contains("\n  1. Ej påbörjad\n  2. Pågående enligt plan\n").endsWith("\n-- \n"
                        + reference.texts(Language.SV).getString("footer") + "\n");
    }

    /** The parsed patterns are shared: each use writes what MessageFormat writes, also with quotes and numbers. */
    @Test
    void a_pattern_parsed_once_formats_as_message_format_does() {
        for (String pattern : List.of("Hej {0}!", "''{0}'' är {1} – {0}", "inga", "'{0}' {1}", "{0} aktiviteter")) {
            for (Object[] arguments : List.of(new Object[] {"Åsa", "x"}, new Object[] {1234, "{1}"})) {
                assertThat(MailTemplates.format(pattern, arguments)).as(pattern)
                        .isEqualTo(java.text.MessageFormat.format(pattern, arguments))
                        .isEqualTo(MailTemplates.format(pattern, arguments));
            }
        }
        assertThat(MailTemplates.format("{0,number} st", 1234567)).isEqualTo(java.text.MessageFormat.format("{0,number} st", 1234567));
    }

    private static Context randomModel(Random random, Language language) {
        Context context = new Context(MailTemplates.locale(language));
        context.setVariable("lang", language.name().toLowerCase());
        context.setVariable("name", pick(random, "Emma", "Åsa", "O'Brien", "{0} x", ""));
        context.setVariable("subject", "Ämne");
        List<Map<String, Object>> sections = new ArrayList<>();
        for (int s = random.nextInt(4); s > 0; s--) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                items.add(line("KS2024-0" + random.nextInt(100), pick(random, "Titel", "Mål: \"å\" & <b>", "[(x)]", null),
                        pick(random, "slutdatum 30 april 2024", "", "ska vara klar senast 3 maj 2024"), random.nextBoolean(),
                        pick(random, "", "◐ Pågående enligt plan", "ingen status rapporterad än"),
                        pick(random, "", "Ansvarig: Oskar Eriksson, Frida Håkansson"), pick(random, "", "Frånvarande till 3 maj"),
                        pick(random, "", "https://tertial.example/aktiviteter/KS2024-017")));
            }
            sections.add(Map.of("heading", pick(random, "Rapportera status för tertial 2024-T1 senast 30 april:",
                    "Ska vara klara inom en vecka:"), "items", items));
        }
        context.setVariable("sections", sections);
        context.setVariable("answerable", random.nextBoolean());
        context.setVariable("escalation", random.nextBoolean());
        context.setVariable("single", random.nextBoolean());
        context.setVariable("howto", pick(random, "Svara på det här mejlet med statusens siffra.", "Reply with a line."));
        context.setVariable("example", pick(random, "2 – kort kommentar om läget", "KS2024-017: 2 – kort kommentar"));
        context.setVariable("managerHowto", "Påminn den ansvariga, till exempel \"KS2024-017: 2 – kort\".");
        context.setVariable("chat", pick(random, null, "Du kan också svara i Slack: status KS2024-017 2: kort"));
        context.setVariable("mine", "https://tertial.example/mina");
        context.setVariable("statuses", random.nextBoolean() ? List.of("Ej påbörjad", "Pågående", "Avslutad") : List.of());
        return context;
    }
}
