package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.ange.tertial.followup.Status;

class ReplyParserTest {

    private static final List<String> THREE = List.of("KS2024-002", "KS2024-004", "KS2024-007");
    private static final List<String> ONE = List.of("KS2024-002");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Pågående enligt plan – intervjuerna klara, två kvar|PAGAENDE_ENLIGT_PLAN|intervjuerna klara, två kvar",
        "pagaende med avvikelse: sjukskrivning i teamet|PAGAENDE_MED_AVVIKELSE|sjukskrivning i teamet",
        "2 - intervjuerna klara|PAGAENDE_ENLIGT_PLAN|intervjuerna klara",
        "5.|AVSLUTAD_ENLIGT_PLAN|''",
        "Försenad, väntar på leverantör|PAGAENDE_MED_AVVIKELSE|väntar på leverantör",
        "In progress, with deviation - budget cut|PAGAENDE_MED_AVVIKELSE|budget cut",
        "AVSLUTAD MED AVVIKELSE|AVSLUTAD_MED_AVVIKELSE|''",
        "Vantelage. Väntar på beslut i KS|VANTELAGE|Väntar på beslut i KS"})
    void a_single_activity_reply_is_a_status_and_a_comment(String text, Status status, String comment) {
        ReplyParser.Result result = ReplyParser.parse(text, ONE);
        assertThat(result.understood()).isTrue();
        assertThat(result.lines()).singleElement().satisfies(line -> {
            assertThat(line.ref()).isEqualTo("KS2024-002");
            assertThat(line.status()).isEqualTo(status);
            assertThat(line.comment()).isEqualTo(comment);
        });
    }

    @Test
    void one_line_per_activity_with_comments_over_several_lines() {
        ReplyParser.Result result = ReplyParser.parse("""
                KS2024-002: Pågående enligt plan – första föreläsningen hölls 12 mars,
                den andra är bokad till oktober
                ks2024-004 - 4 - väntar på APT-schemat
                KS2024-007: Avslutad enligt plan""", THREE);
        assertThat(result.understood()).isTrue();
        assertThat(result.lines()).extracting(ReplyParser.Line::ref, ReplyParser.Line::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("KS2024-002", Status.PAGAENDE_ENLIGT_PLAN),
                org.assertj.core.groups.Tuple.tuple("KS2024-004", Status.VANTELAGE),
                org.assertj.core.groups.Tuple.tuple("KS2024-007", Status.AVSLUTAD_ENLIGT_PLAN));
        assertThat(result.lines().get(0).comment())
                .isEqualTo("första föreläsningen hölls 12 mars,\nden andra är bokad till oktober");
        // each activity's comment is its own: nothing of the one before carries over
        assertThat(result.lines()).extracting(ReplyParser.Line::comment).endsWith("väntar på APT-schemat", "");
    }

    @Test
    void an_unknown_reference_or_a_missing_status_is_not_understood_and_says_why() {
        ReplyParser.Result unknown = ReplyParser.parse("KS2024-099: Avslutad enligt plan", THREE);
        assertThat(unknown.understood()).isFalse();
        assertThat(unknown.problem()).hasValueSatisfying(p -> assertThat(p).contains("KS2024-099"));
        assertThat(ReplyParser.parse("KS2024-002: klart snart", THREE).problem()).isPresent();
        assertThat(ReplyParser.parse("Pågående enligt plan", THREE).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("ingen aktivitet"));
        assertThat(ReplyParser.parse("Tack, jag kollar!", ONE).understood()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "> KS2024-004: Vänteläge",
        "Från: Tertial <tertial@ange.example>",
        "From: Tertial <tertial@ange.example>",
        "-----Ursprungligt meddelande-----",
        "-----Original Message-----",
        "________________________________",
        "Den tis 23 apr. 2024 kl. 08:00 skrev Tertial <tertial@ange.example>:",
        "On Tue, Apr 23, 2024 at 8:00 AM Tertial <tertial@ange.example> wrote:",
        "-- ",
        "Med vänliga hälsningar",
        "Mvh",
        "Skickat från min iPhone",
        "Get Outlook for iOS"})
    void the_new_text_ends_where_quotes_signatures_and_footers_begin(String marker) {
        String body = "KS2024-002: Pågående enligt plan – klart\n\n" + marker + "\nKS2024-004: Vänteläge – citerat\n";
        assertThat(ReplyParser.newText(body)).isEqualTo("KS2024-002: Pågående enligt plan – klart");
    }

    @Test
    void done_without_saying_how_asks_which_of_the_two_completed_statuses() {
        assertThat(ReplyParser.parse("KS2024-002: klar, sista föreläsningen hölls i maj", THREE).problem())
                .contains("det framgår inte om KS2024-002 avslutades enligt plan (5) eller med avvikelse (6)");
        assertThat(ReplyParser.parse("Avslutad!", List.of("KS2024-002")).problem())
                .contains("det framgår inte om aktiviteten avslutades enligt plan (5) eller med avvikelse (6)");
        assertThat(ReplyParser.parse("KS2024-002: 5 klar", THREE).understood()).isTrue();
        assertThat(ReplyParser.parse("KS2024-002: Avslutad enligt plan", THREE).lines())
                .extracting(ReplyParser.Line::status).containsExactly(Status.AVSLUTAD_ENLIGT_PLAN);
    }

    @Test
    void a_gmail_attribution_wrapped_over_two_lines_ends_the_new_text() {
        String body = "Avslutad enligt plan\n\nDen tis 23 apr. 2024 kl. 08:00 skrev Tertial\n<tertial@ange.example>:\n> Pågående";
        assertThat(ReplyParser.newText(body)).isEqualTo("Avslutad enligt plan");
    }

    @Test
    void html_becomes_text_with_its_line_breaks_and_quotes_are_left_out() {
        String text = MailBody.htmlToText("<html><body><p>KS2024-002: Pågående enligt plan &ndash; klart</p>"
                + "<div>Rad två<br>Rad tre</div><blockquote>KS2024-004: Vänteläge</blockquote></body></html>");
        assertThat(ReplyParser.newText(text)).isEqualTo("KS2024-002: Pågående enligt plan – klart\nRad två\nRad tre");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Mvh Emma", "MVH Emma", "Vänliga hälsningar, Emma Berglund", "Best regards, Emma",
        "Med vänlig hälsning Lena Öberg"})
    void a_closing_with_the_name_on_the_same_line_is_no_part_of_the_comment(String closing) {
        ReplyParser.Result result = ReplyParser.parse(ReplyParser.newText("2 – allt går enligt plan\n\n" + closing + "\n"), ONE);
        assertThat(result.lines()).singleElement().satisfies(line -> assertThat(line.comment()).isEqualTo("allt går enligt plan"));
    }

    @Test
    void a_comment_that_merely_starts_like_a_closing_is_kept() {
        assertThat(ReplyParser.newText("2 – klart\nHälsningar till alla, det gick bra\n"))
                .isEqualTo("2 – klart\nHälsningar till alla, det gick bra");
    }
}
