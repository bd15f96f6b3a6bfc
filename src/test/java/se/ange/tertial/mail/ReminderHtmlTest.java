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
 * The reminder's HTML part is written in code from the template's variables; it must stay byte for byte what the
 * Thymeleaf template it replaced wrote ({@code src/test/resources/mail/reminder.html}, kept here as the reference),
 * whitespace and escaping included, for every combination of sections, lines, flags, languages and optional parts.
 */
class ReminderHtmlTest {

    /** Characters HTML escapes, and some it does not. */
    private static final String[] ODD = {"", "Å ä ö", "<b>&amp;</b>", "O'Brien \"Q\"", "{0} '{1}'", "a\nb\tc", "⚠ 𝄞 ◐",
        "https://tertial.example/a?b=1&c='2'"};

    private final MailTemplates reference = new MailTemplates("reminder");

    @Test
    void the_html_part_is_byte_for_byte_what_the_template_wrote() {
        Random random = new Random(17);
        for (int message = 0; message < 600; message++) {
            Language language = random.nextBoolean() ? Language.SV : Language.EN;
            Context context = randomModel(random, language);
            String expected = reference.html(context);
            assertThat(ReminderHtml.write(context, reference.texts(language))).as("message %d", message)
                    .isEqualTo(expected);
        }
    }

    @Test
    void an_owner_s_reminder_reads_as_before() {
        Context context = ReminderModels.emmasReminder("Ny webbplats & app");
        context.setVariable("lang", "sv");
        context.setVariable("subject", "Rapportera status för 1 aktivitet i tertial 2024-T1 senast 30 april");
        String html = ReminderHtml.write(context, reference.texts(Language.SV));
        assertThat(html).isEqualTo(reference.html(context)).startsWith("<!DOCTYPE html>\n<html lang=\"sv\">\n")
                .contains("<strong>KS2024-002</strong> <span>Ny webbplats &amp; app</span><br>")
                .contains("<strong>⚠ slutdatum 31 mars 2024 har passerat</strong>")
                .contains("<li>Ej påbörjad</li><li>Pågående enligt plan</li>")
                .contains("<a href=\"https://tertial.example/mina\">https://tertial.example/mina</a>")
                .endsWith("</div>\n</body>\n</html>\n");
    }

    private static Context randomModel(Random random, Language language) {
        Context context = new Context(MailTemplates.locale(language));
        context.setVariable("lang", pick(random, language.name().toLowerCase(), language.name().toLowerCase(), null));
        context.setVariable("name", pick(random, "Emma", "Åsa", "O'Brien", "{0} x", "", "<Anna & \"Bo\">", null));
        context.setVariable("subject", pick(random, "Ämne", "Rapportera <3> & 'mer'", null));
        List<Map<String, Object>> sections = new ArrayList<>();
        for (int s = random.nextInt(4); s > 0; s--) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                items.add(line("KS2024-0" + random.nextInt(100) + pick(random, "", "<&>"),
                        pick(random, "Titel", "Mål: \"å\" & <b>", "[(x)]", "it's", null),
                        pick(random, "slutdatum 30 april 2024", "", "ska vara klar senast 3 maj 2024", "a < b & 'c'"),
                        random.nextBoolean(), pick(random, ODD), pick(random, ODD), pick(random, ODD), pick(random, ODD)));
            }
            sections.add(Map.of("heading", pick(random, "Rapportera status för tertial 2024-T1 senast 30 april:",
                    "Ska vara klara inom en vecka:", "<h1> & \"'\""), "items", items));
        }
        context.setVariable("sections", sections);
        context.setVariable("answerable", random.nextBoolean());
        context.setVariable("escalation", random.nextBoolean());
        context.setVariable("single", random.nextBoolean());
        context.setVariable("howto", pick(random, "Svara på det här mejlet med statusens siffra.", "Reply & <go>", null));
        context.setVariable("example", pick(random, "2 – kort kommentar om läget", "KS2024-017: 2 – \"kort\"", "a\n  b"));
        context.setVariable("managerHowto", pick(random, "Påminn den ansvariga, till exempel \"KS2024-017: 2 – kort\".",
                "it's <ok> & more"));
        context.setVariable("chat", pick(random, null, "Du kan också svara i Slack: status KS2024-017 2: kort", "<'&'>"));
        context.setVariable("mine", pick(random, "https://tertial.example/mina", "https://t.example/mina?x=1&y='2'", null));
        context.setVariable("statuses", random.nextBoolean() ? List.of("Ej påbörjad", "Pågående", "Avslutad & <klar>")
                : List.of());
        return context;
    }
}
