package se.ange.tertial.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Status;
import se.ange.tertial.register.activity.Activity;
import se.ange.tertial.register.activity.ActivitySource;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.StatusReport;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.ReminderChannel;

/** The digest as people read it: stab's table, the counts explained, number agreement, first names. */
class DigestMailTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final LocalDate ON = LocalDate.parse("2024-06-10");
    private final DigestComposer composer = new DigestComposer(se.ange.tertial.followup.Rules.deviations(), 30);
    private final DigestMail mail = new DigestMail();
    private final Goal health = new Goal(1L, GoalLevel.KS, "3.1.1", "Hälsofrämjande arbetsplatser", 2024, null, null);
    private final Goal youth = new Goal(2L, GoalLevel.KS, "3.3.1", "Kommunens ungdomar ska känna ökad trygghet", 2024, null, null);
    private final Person sara = new Person(1L, "Sara Lindqvist", "sara@ange.example", 1L, null, null, null, Language.SV,
            true, null, ReminderChannel.EMAIL);
    private final Person johan = new Person(2L, "Johan Nordin", "johan@ange.example", 1L, null, null, null, Language.SV,
            true, null, ReminderChannel.EMAIL);

    private ActivityView activity(String ref, Goal goal, String department, String end, StatusReport... reports) {
        Activity activity = new Activity(null, ref, "Titel " + ref, null, LocalDate.parse("2024-01-01"),
                LocalDate.parse(end), goal.id(), ActivitySource.KS, 1L, null, null, Instant.EPOCH, Instant.EPOCH);
        return new ActivityView(activity, goal, null, department, null, List.of(sara), List.of(reports));
    }

    private static StatusReport report(Status status, String comment, String day) {
        return new StatusReport(null, 1L, "2024-T1", status, comment, 1L, "x@ange.example", Channel.API,
                LocalDate.parse(day).atStartOfDay(ZONE).toInstant(), null);
    }

    private List<ActivityView> area() {
        return List.of(
                activity("KS2024-001", youth, "Samhällsbyggnadsavdelningen", "2024-01-31",
                        report(Status.PAGAENDE_ENLIGT_PLAN, "på gång", "2024-04-20")),
                activity("KS2024-002", health, "Staben", "2024-12-31",
                        report(Status.PAGAENDE_MED_AVVIKELSE, "föreläsaren sjuk", "2024-06-05")),
                activity("KS2024-003", health, "Staben", "2024-12-31",
                        report(Status.PAGAENDE_ENLIGT_PLAN, null, "2024-04-20")),
                activity("KS2024-004", youth, "Socialavdelningen", "2024-12-31",
                        report(Status.PAGAENDE_ENLIGT_PLAN, null, "2024-04-20")));
    }

    @Test
    void stabs_table_fits_800_px_with_a_totals_row_and_each_new_deviation_names_its_department() throws Exception {
        Digest digest = composer.compose(ON, area(), Set.of("KS2024-001:OVERDUE"));
        DigestMail.Rendered rendered = mail.render(sara, new DigestRun.Prepared(sara.email(), DigestRun.Audience.STAB, digest));
        save("digest-stab", rendered);

        Matcher table = Pattern.compile("(?s)<table class=\"counts\" style=\"([^\"]*)\">(.*?)</table>").matcher(rendered.html());
        assertThat(table.find()).isTrue();
        assertThat(table.group(1)).contains("width: 100%").contains("max-width: 776px");
        assertThat(rendered.html()).contains("max-width: 800px");
        List<String> headers = Pattern.compile("<th[^>]*>([^<]*)</th>").matcher(table.group(2)).results()
                .map(m -> m.group(1)).toList();
        assertThat(headers).hasSize(9).allSatisfy(header -> assertThat(header.length()).isLessThanOrEqualTo(20));
        assertThat(headers).doesNotContain("Ej påbörjad trots passerat startdatum", "Status saknas för tertialet");
        // Staben 2 activities (1 with deviation), Samhällsbyggnad 1 (1), Social 1 (0): totals 4 and 2
        Matcher totals = Pattern.compile("(?s)<tr class=\"totals\"[^>]*>(.*?)</tr>").matcher(table.group(2));
        assertThat(totals.find()).isTrue();
        assertThat(Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(totals.group(1)).results().map(m -> m.group(1)).toList())
                .startsWith("Hela kommunen", "4", "2");
        // the new deviation (KS2024-002) says which department it is in; the old one is not listed as new
        assertThat(rendered.text()).contains("- [NY] KS2024-002 Titel KS2024-002\n")
                .contains("  Staben · Ansvarig: Sara Lindqvist.").doesNotContain("[NY] KS2024-001");
        assertThat(rendered.html()).contains("<span>Staben</span> · <span>Ansvarig: Sara Lindqvist</span>");
    }

    @Test
    void the_text_part_explains_its_counts_in_agreeing_numbers() throws Exception {
        Digest digest = composer.compose(ON, area(), Set.of("KS2024-001:OVERDUE"));
        DigestMail.Rendered stab = mail.render(sara, new DigestRun.Prepared(sara.email(), DigestRun.Audience.STAB, digest));
        assertThat(stab.subject()).isEqualTo("Avvikelser i kommunen 10 juni 2024: 2 aktiviteter, 1 ny, 0 lösta");
        assertThat(stab.text()).startsWith("Hej Sara!\n")
                .contains("Just nu finns 2 aktiviteter med avvikelser, varav 1 ny sedan förra veckan (märkt NY).")
                .contains("Antal aktiviteter med minst en avvikelse, av avdelningens alla aktiviteter.")
                .contains("- Staben: 1 av 2 aktiviteter har avvikelser: 1 rapporterad med avvikelse\n")
                .contains("- Samhällsbyggnadsavdelningen: 1 av 1 aktivitet har avvikelser: 1 försenad\n")
                .contains("- Socialavdelningen: 0 av 1 aktivitet har avvikelser\n")
                .contains("- Hela kommunen: 2 av 4 aktiviteter har avvikelser: 1 försenad, 1 rapporterad med avvikelse\n")
                .doesNotContain(" / ").doesNotContain("(1 aktiviteter)").doesNotContain("1 aktiviteter");

        Digest one = composer.compose(ON, area().subList(0, 1), Set.of());
        DigestMail.Rendered manager = mail.render(johan, new DigestRun.Prepared(johan.email(), DigestRun.Audience.MANAGER, one));
        save("digest-manager", manager);
        assertThat(manager.subject()).isEqualTo("Veckans avvikelser 10 juni 2024: 1 aktivitet, 1 ny, 0 lösta");
        assertThat(manager.text()).startsWith("Hej Johan!\n").contains("Just nu finns 1 aktivitet med avvikelse, varav 1 ny");
    }

    private static void save(String name, DigestMail.Rendered rendered) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "rendered"));
        Files.writeString(dir.resolve(name + ".txt"), "Subject: " + rendered.subject() + "\n\n" + rendered.text());
        Files.writeString(dir.resolve(name + ".html"), rendered.html());
    }
}
