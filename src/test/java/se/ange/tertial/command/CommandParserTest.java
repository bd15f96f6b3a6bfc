package se.ange.tertial.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;

class CommandParserTest {

    private static Command ok(String line) {
        CommandParser.Parsed parsed = CommandParser.parse(line);
        assertThat(parsed).as(line).isInstanceOf(CommandParser.Parsed.Ok.class);
        return ((CommandParser.Parsed.Ok) parsed).command();
    }

    private static CommandParser.Parsed.Malformed malformed(String line) {
        CommandParser.Parsed parsed = CommandParser.parse(line);
        assertThat(parsed).as(line).isInstanceOf(CommandParser.Parsed.Malformed.class);
        return (CommandParser.Parsed.Malformed) parsed;
    }

    @ParameterizedTest
    @CsvSource({"mina", "Mina", "mine", "MINE", "/tertial mina"})
    void mine_in_swedish_and_english(String line) {
        assertThat(ok(line)).isEqualTo(new Command.Mine(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "status KS2024-017 pågående med avvikelse: två intervjuer kvar|PAGAENDE_MED_AVVIKELSE|två intervjuer kvar",
        "status ks2024-017 pagaende enligt plan – klart snart|PAGAENDE_ENLIGT_PLAN|klart snart",
        "rapportera KS2024-017 5|AVSLUTAD_ENLIGT_PLAN|''",
        "report KS2024-017 on hold, waiting for the board|VANTELAGE|waiting for the board",
        "Status KS2024-017 Försenad: sjukskrivning|PAGAENDE_MED_AVVIKELSE|sjukskrivning"})
    void status_reports_read_reference_status_and_comment(String line, Status status, String comment) {
        assertThat(ok(line)).isEqualTo(new Command.Report("KS2024-017", status, comment));
    }

    @Test
    void short_refs_are_written_as_the_register_writes_them() {
        assertThat(ok("status ks2024-7 2: enligt plan")).isEqualTo(new Command.Report("KS2024-007",
                Status.PAGAENDE_ENLIGT_PLAN, "enligt plan"));
        assertThat(ok("aktivitet ks2024-7")).isEqualTo(new Command.Show("KS2024-007"));
        assertThat(ok("påminn st2024-101 om 2 dagar")).isEqualTo(new Command.Snooze("ST2024-101", 2));
        assertThat(ok("visa KS2024-1234")).isEqualTo(new Command.Show("KS2024-1234"));
    }

    @Test
    void on_track_is_in_progress_on_plan_and_the_seeds_plural_is_read() {
        assertThat(ok("status KS2024-017 on track")).isEqualTo(new Command.Report("KS2024-017",
                Status.PAGAENDE_ENLIGT_PLAN, ""));
        assertThat(ok("status KS2024-017 Avslutad med avvikelser: blev klar i maj")).isEqualTo(new Command.Report(
                "KS2024-017", Status.AVSLUTAD_MED_AVVIKELSE, "blev klar i maj"));
    }

    @Test
    void klar_or_avslutad_alone_is_a_completion_whose_kind_is_asked_for() {
        assertThat(ok("status KS2024-017 klar: sista utbildningen hölls")).isEqualTo(
                new Command.Completed("KS2024-017", "sista utbildningen hölls"));
        assertThat(ok("status KS2024-017 Avslutad")).isEqualTo(new Command.Completed("KS2024-017", ""));
        assertThat(ok("status KS2024-017 avslutad enligt plan")).isEqualTo(
                new Command.Report("KS2024-017", Status.AVSLUTAD_ENLIGT_PLAN, ""));
    }

    @Test
    void lists_take_a_department_a_tertial_and_a_page() {
        assertThat(ok("försenade")).isEqualTo(new Command.Overdue(Optional.empty(), 1));
        assertThat(ok("forsenade Socialavdelningen")).isEqualTo(new Command.Overdue(Optional.of("Socialavdelningen"), 1));
        assertThat(ok("overdue sida 3")).isEqualTo(new Command.Overdue(Optional.empty(), 3));
        assertThat(ok("saknas 2024-T1")).isEqualTo(new Command.Missing(Optional.of(Tertial.parse("2024-T1")), 1));
        assertThat(ok("missing page 2")).isEqualTo(new Command.Missing(Optional.empty(), 2));
        assertThat(ok("avvikelser")).isEqualTo(new Command.Deviations(1));
        assertThat(ok("deviations")).isEqualTo(new Command.Deviations(1));
    }

    @Test
    void show_snooze_and_help() {
        assertThat(ok("aktivitet ks2024-017")).isEqualTo(new Command.Show("KS2024-017"));
        assertThat(ok("show KS2024-017")).isEqualTo(new Command.Show("KS2024-017"));
        assertThat(ok("påminn KS2024-017 om 3 dagar")).isEqualTo(new Command.Snooze("KS2024-017", 3));
        assertThat(ok("paminn KS2024-017 3")).isEqualTo(new Command.Snooze("KS2024-017", 3));
        assertThat(ok("snooze KS2024-017 in 2 days")).isEqualTo(new Command.Snooze("KS2024-017", 2));
        assertThat(ok("hjälp")).isEqualTo(new Command.Help(Optional.empty()));
        assertThat(ok("help status")).isEqualTo(new Command.Help(Optional.of(CommandName.STATUS)));
        assertThat(ok("")).isEqualTo(new Command.Help(Optional.empty()));
    }

    @Test
    void settings_take_a_channel_and_a_language_in_any_order() {
        assertThat(ok("inställningar")).isEqualTo(new Command.Settings(Optional.empty(), Optional.empty()));
        assertThat(ok("installningar slack engelska")).isEqualTo(new Command.Settings(
                Optional.of(se.ange.tertial.register.org.ReminderChannel.SLACK), Optional.of(se.ange.tertial.followup.Language.EN)));
        assertThat(ok("settings swedish e-post")).isEqualTo(new Command.Settings(
                Optional.of(se.ange.tertial.register.org.ReminderChannel.EMAIL), Optional.of(se.ange.tertial.followup.Language.SV)));
        assertThat(malformed("inställningar brevduva").closest()).isEqualTo(CommandName.SETTINGS);
    }

    @Test
    void settings_after_the_word_digest_are_about_the_weekly_digest() {
        var teams = se.ange.tertial.register.org.ReminderChannel.TEAMS;
        assertThat(ok("inställningar sammanställning fredag teams")).isEqualTo(new Command.Settings(Optional.empty(),
                Optional.empty(), new Command.DigestChoice(Optional.empty(), Optional.of(java.time.DayOfWeek.FRIDAY), Optional.of(teams))));
        assertThat(ok("installningar teams sammanstallning av")).isEqualTo(new Command.Settings(Optional.of(teams),
                Optional.empty(), new Command.DigestChoice(Optional.of(false), Optional.empty(), Optional.empty())));
        assertThat(ok("settings digest on monday")).isEqualTo(new Command.Settings(Optional.empty(), Optional.empty(),
                new Command.DigestChoice(Optional.of(true), Optional.of(java.time.DayOfWeek.MONDAY), Optional.empty())));
        assertThat(malformed("inställningar sammanställning lördag").closest()).isEqualTo(CommandName.SETTINGS);
        assertThat(malformed("inställningar fredag").closest()).isEqualTo(CommandName.SETTINGS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "status|STATUS", "status KS2024-017|STATUS", "status KS2024-017 typ klart|STATUS", "status hej|STATUS",
        "aktivitet|SHOW", "show nothing|SHOW", "saknas T1|MISSING", "påminn KS2024-017|SNOOZE",
        "påminn KS2024-017 om 90 dagar|SNOOZE", "mina grejer|MINE",
        "stauts KS2024-017 2|STATUS", "forsenad|OVERDUE", "avvikelse|DEVIATIONS", "blabla|HELP",
        // two letters wrong in a four-letter word still names it; a tie goes to the command listed first
        "mxnx|MINE", "snoow KS2024-017|SHOW", "missa|MINE", "påminn|SNOOZE"})
    void malformed_input_gets_the_help_of_the_closest_command(String line, CommandName closest) {
        assertThat(malformed(line).closest()).isEqualTo(closest);
        assertThat(malformed(line).problem()).isNotBlank();
    }

    @Test
    void a_reminder_can_be_snoozed_from_one_to_thirty_days() {
        assertThat(ok("påminn KS2024-017 om 1 dag")).isEqualTo(new Command.Snooze("KS2024-017", 1));
        assertThat(ok("påminn KS2024-017 om 30 dagar")).isEqualTo(new Command.Snooze("KS2024-017", 30));
        assertThat(malformed("påminn KS2024-017 om 0 dagar").problem()).isEqualTo("en påminnelse kan skjutas upp 1–30 dagar");
        assertThat(malformed("påminn KS2024-017 om 31 dagar").problem()).isEqualTo("en påminnelse kan skjutas upp 1–30 dagar");
    }

    @Test
    void a_reference_number_is_padded_to_three_digits_and_longer_ones_kept() {
        assertThat(ok("visa KS2024-17")).isEqualTo(new Command.Show("KS2024-017"));
        assertThat(ok("visa ks2024-017")).isEqualTo(new Command.Show("KS2024-017"));
        assertThat(ok("visa ks2024-12345")).isEqualTo(new Command.Show("KS2024-12345"));
    }

    @Test
    void the_edit_distance_counts_insertions_deletions_and_substitutions() {
        assertThat(CommandParser.distance("", "abc")).isEqualTo(3);
        assertThat(CommandParser.distance("abc", "")).isEqualTo(3);
        assertThat(CommandParser.distance("x", "abc")).isEqualTo(3);
        assertThat(CommandParser.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(CommandParser.distance("status", "status")).isZero();
    }
}
