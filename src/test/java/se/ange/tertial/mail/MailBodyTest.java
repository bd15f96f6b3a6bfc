package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An HTML reply read as text: blocks on lines of their own, the head and quoted mail left out. */
class MailBodyTest {

    @Test
    void a_block_starts_and_ends_its_own_line() {
        assertThat(MailBody.htmlToText("före<p>stycke</p>efter")).isEqualTo("före\nstycke\nefter");
        assertThat(MailBody.htmlToText("rad ett<br>rad två")).isEqualTo("rad ett\nrad två");
    }

    @Test
    void the_head_is_not_text_and_quoted_mail_leaves_only_a_quote_mark() {
        assertThat(MailBody.htmlToText("<html><head><title>Påminnelse</title></head><body><p>2 – klart snart</p>"
                + "<blockquote>Hej Emma! Rapportera status</blockquote></body></html>")).isEqualTo("2 – klart snart\n>");
    }
}
