package se.ange.tertial.web.reporting;

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

/** The report workspace's words: every key in Swedish and English, each a valid message pattern. */
class RapportTextsTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RapportTextsTest.class.getClassLoader().getResourceAsStream("i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void every_key_is_in_both_languages_and_formats() throws IOException {
        Properties sv = load("rapport.properties");
        Properties en = load("rapport_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(sv.stringPropertyNames());
        for (String key : sv.stringPropertyNames()) {
            assertThat(WebTexts.of(Language.SV).get(key)).isEqualTo(sv.getProperty(key));
            assertThat(WebTexts.of(Language.EN).get(key)).isEqualTo(en.getProperty(key));
            new MessageFormat(sv.getProperty(key), Locale.forLanguageTag("sv"));
            new MessageFormat(en.getProperty(key), Locale.ENGLISH);
        }
    }

    @Test
    void the_not_ready_count_agrees_in_number() {
        WebTexts sv = WebTexts.of(Language.SV);
        assertThat(sv.format("rapport.readiness.notReady", "1 avdelning", 1)).isEqualTo("1 avdelning är inte klar:");
        assertThat(sv.format("rapport.readiness.notReady", "3 avdelningar", 3)).isEqualTo("3 avdelningar är inte klara:");
        assertThat(WebTexts.of(Language.EN).format("rapport.readiness.notReady", "1 department", 1))
                .isEqualTo("1 department is not ready:");
    }
}
