package se.ange.tertial.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
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
import se.ange.tertial.system.WebConfig;

/**
 * The digest links to the web at the configured address: a manager's each listed activity to its page (both
 * parts), stab's once to the list of activities.
 */
class DigestMailLinksTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final LocalDate ON = LocalDate.parse("2024-06-10");
    private static final String BASE = "https://tertial.ange.se/";

    private final DigestComposer composer = new DigestComposer(se.ange.tertial.followup.Rules.deviations(), 30);
    private final DigestMail mail = new DigestMail(WebConfig.at(BASE));
    private final Goal health = new Goal(1L, GoalLevel.KS, "3.1.1", "Hälsofrämjande arbetsplatser", 2024, null, null);
    private final Person sara = new Person(1L, "Sara Lindqvist", "sara@ange.example", 1L, null, null, null, Language.SV,
            true, null, ReminderChannel.EMAIL);
    private final Person johan = new Person(2L, "Johan Nordin", "johan@ange.example", 1L, null, null, null, Language.EN,
            true, null, ReminderChannel.EMAIL);

    private ActivityView activity(String ref, String end, StatusReport report) {
        Activity activity = new Activity(null, ref, "Titel " + ref, null, LocalDate.parse("2024-01-01"),
                LocalDate.parse(end), health.id(), ActivitySource.KS, 1L, null, null, Instant.EPOCH, Instant.EPOCH);
        return new ActivityView(activity, health, null, "Staben", null, List.of(sara), List.of(report));
    }

    private static StatusReport report(Status status, String comment, String day) {
        return new StatusReport(null, 1L, "2024-T1", status, comment, 1L, "x@ange.example", Channel.API,
                LocalDate.parse(day).atStartOfDay(ZONE).toInstant(), null);
    }

    private Digest digest() {
        return composer.compose(ON, List.of(
                activity("KS2024-001", "2024-01-31", report(Status.PAGAENDE_ENLIGT_PLAN, "på gång", "2024-04-20")),
                activity("KS2024-002", "2024-12-31", report(Status.PAGAENDE_MED_AVVIKELSE, "sjuk", "2024-06-05"))),
                Set.of());
    }

    @Test
    void a_managers_digest_links_each_activity_to_its_page_in_both_parts() {
        DigestMail.Rendered rendered = mail.render(johan, new DigestRun.Prepared(johan.email(),
                DigestRun.Audience.MANAGER, digest()));
        for (String ref : List.of("KS2024-001", "KS2024-002")) {
            String page = "https://tertial.ange.se/aktiviteter/" + ref;
            assertThat(rendered.text()).contains("  On the web: " + page + "\n");
            assertThat(rendered.html()).contains("<span>On the web:</span> <a href=\"" + page + "\">" + page + "</a>");
        }
        // the link follows its activity's lines, not the next one's
        String text = rendered.text();
        assertThat(text.indexOf("/aktiviteter/KS2024-001")).isGreaterThan(text.indexOf("- KS2024-001"))
                .isLessThan(text.indexOf("KS2024-002"));
        assertThat(text).doesNotContain("//aktiviteter");
    }

    @Test
    void a_swedish_managers_digest_says_it_in_swedish() {
        Person swedish = new Person(3L, "Maria Sjöberg", "maria@ange.example", 1L, null, null, null, Language.SV,
                true, null, ReminderChannel.EMAIL);
        DigestMail.Rendered rendered = mail.render(swedish, new DigestRun.Prepared(swedish.email(),
                DigestRun.Audience.MANAGER, digest()));
        assertThat(rendered.text()).contains("  På webben: https://tertial.ange.se/aktiviteter/KS2024-002\n");
        assertThat(rendered.html()).contains("<span>På webben:</span> <a href=\"https://tertial.ange.se/aktiviteter/KS2024-002\"");
    }

    @Test
    void stabs_digest_links_once_to_the_list_of_activities() {
        DigestMail.Rendered rendered = mail.render(sara, new DigestRun.Prepared(sara.email(), DigestRun.Audience.STAB,
                digest()));
        assertThat(rendered.text()).contains("Alla aktiviteter och avvikelser på webben: https://tertial.ange.se/aktiviteter\n")
                .doesNotContain("/aktiviteter/");
        assertThat(rendered.html()).contains("<a href=\"https://tertial.ange.se/aktiviteter\">")
                .doesNotContain("/aktiviteter/");
    }
}
