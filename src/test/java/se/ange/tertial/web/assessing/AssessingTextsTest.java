package se.ange.tertial.web.assessing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Language;

/** The goal and texts pages' words: every key in Swedish and English, and numbers as each language writes them. */
class AssessingTextsTest {

    @Test
    void every_key_is_in_both_languages_and_formats() throws IOException {
        Properties sv = load("i18n/bedomning.properties");
        Properties en = load("i18n/bedomning_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(sv.stringPropertyNames());
        for (String key : sv.stringPropertyNames()) {
            assertThat(new MessageFormat(sv.getProperty(key), Locale.forLanguageTag("sv")).format(new Object[] {"a", "b"}))
                    .as(key).isNotBlank();
            assertThat(new MessageFormat(en.getProperty(key), Locale.ENGLISH).format(new Object[] {"a", "b"}))
                    .as(key).isNotBlank();
        }
        assertThat(sv.getProperty("assess.decide")).isEqualTo("Spara bedömningen");
    }

    @Test
    void numbers_have_a_decimal_comma_in_swedish() {
        assertThat(GoalPage.number(new BigDecimal("12.4900"), Language.SV)).isEqualTo("12,49");
        assertThat(GoalPage.number(new BigDecimal("12.4900"), Language.EN)).isEqualTo("12.49");
        assertThat(GoalPage.number(new BigDecimal("-3.5"), Language.SV)).isEqualTo("−3,5");
        assertThat(GoalPage.number(new BigDecimal("1E+2"), Language.SV)).isEqualTo("100");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(AssessingTextsTest.class.getClassLoader().getResourceAsStream(name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
