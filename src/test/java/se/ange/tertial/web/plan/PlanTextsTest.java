package se.ange.tertial.web.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Language;
import se.ange.tertial.web.WebTexts;

/** The plan's words: every key in Swedish and English, each a valid message, counts agreeing in number. */
class PlanTextsTest {

    @Test
    void both_languages_have_every_key_and_every_message_formats() throws IOException {
        Properties sv = load("i18n/plan.properties");
        Properties en = load("i18n/plan_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(sv.stringPropertyNames());
        for (Properties bundle : new Properties[] {sv, en}) {
            bundle.stringPropertyNames().forEach(key -> assertThat(
                    new MessageFormat(bundle.getProperty(key), Locale.ROOT).format(new Object[] {1, 2, 3})).isNotBlank());
        }
    }

    @Test
    void counts_agree_in_number() {
        WebTexts sv = WebTexts.of(Language.SV);
        assertThat(sv.formatAll("plan.preview.counts", 1, 0, 79))
                .isEqualTo("1 aktivitet skapas, ingen ändras och 79 är oförändrade.");
        assertThat(sv.formatAll("plan.saved.import", 2, 1, 0))
                .isEqualTo("Importen är klar: 2 aktiviteter skapades, 1 ändrades och ingen var oförändrad.");
        assertThat(sv.format("plan.back", 2024)).isEqualTo("Tillbaka till planen 2024");
        WebTexts en = WebTexts.of(Language.EN);
        assertThat(en.formatAll("plan.preview.counts", 3, 1, 0))
                .isEqualTo("3 activities are created, 1 is changed and none is left as it is.");
        assertThat(en.get("plan.source.KS")).isEqualTo("The board’s plan");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PlanTextsTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
