package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a message calls a person: the first name, however the register wrote the whole. */
class MailTemplatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Emma Berglund|Emma", "  Emma Berglund  |Emma", "Emma|Emma", "Berglund, Emma|Emma", "Berglund,Emma Sofia|Emma",
        "Berglund,|Berglund,", "', Emma'|Emma", "''|''", "'   '|''"})
    void a_message_calls_a_person_by_their_first_name(String fullName, String first) {
        assertThat(MailTemplates.firstName(fullName)).isEqualTo(first);
    }

    @org.junit.jupiter.api.Test
    void no_name_is_no_name() {
        assertThat(MailTemplates.firstName(null)).isEmpty();
    }
}
