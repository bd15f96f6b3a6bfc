package se.ange.tertial.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.DeviationKind;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.ReminderChannel;

/**
 * The parts of a rendered digest word for word: the HTML's language and title, the introduction with its date, the
 * summary with what was resolved, the deviations of each line, the resolved list and the counts in agreeing number.
 */
class DigestMailPartsTest {

    private static final LocalDate ON = LocalDate.parse("2024-06-10");
    private final DigestMail mail = new DigestMail();

    private static Person person(Language language) {
        return new Person(2L, "Johan Nordin", "johan.nordin@ange.example", 1L, null, null, null, language, true, null,
                ReminderChannel.EMAIL);
    }

    private static Digest.Line line(String ref, boolean isNew, List<DeviationKind> kinds, String missingFor) {
        return new Digest.Line(ref, "Titel " + ref, "Staben", List.of("Emma Berglund"), LocalDate.parse("2024-01-01"),
                LocalDate.parse("2024-05-31"), kinds, LocalDate.parse("2024-05-31"), "", isNew, missingFor);
    }

    /** Two lines (one new, one missing the report for 2024-T1 and late), {@code resolved} deviations gone. */
    private static Digest digest(int resolved) {
        List<Digest.Resolved> gone = java.util.stream.IntStream.rangeClosed(1, resolved)
                .mapToObj(i -> new Digest.Resolved("KS2024-09" + i, "Titel KS2024-09" + i, DeviationKind.OVERDUE)).toList();
        return new Digest(ON, List.of(new Digest.Goal("3.1.1", "Hälsofrämjande arbetsplatser", List.of(
                        line("KS2024-101", true, List.of(DeviationKind.OVERDUE, DeviationKind.MISSING_REPORT), "2024-T1"),
                        line("KS2024-102", false, List.of(DeviationKind.MISSING_REPORT), null)))),
                gone, List.of(new Digest.DepartmentCount("Staben", 2, 1, Map.of(DeviationKind.OVERDUE, 1)),
                        new Digest.DepartmentCount("Socialavdelningen", 3, 2, Map.of(DeviationKind.MISSING_REPORT, 2))),
                Set.of());
    }

    private DigestMail.Rendered render(Language language, DigestRun.Audience audience, Digest digest) {
        Person person = person(language);
        return mail.render(person, new DigestRun.Prepared(person.email(), audience, digest));
    }

    @Test
    void the_html_part_has_the_persons_language_and_the_subject_as_its_title() {
        DigestMail.Rendered swedish = render(Language.SV, DigestRun.Audience.MANAGER, digest(1));
        assertThat(swedish.subject()).isEqualTo("Veckans avvikelser 10 juni 2024: 2 aktiviteter, 1 ny, 1 löst");
        assertThat(swedish.html()).contains("<html lang=\"sv\">")
                .contains("<title>Veckans avvikelser 10 juni 2024: 2 aktiviteter, 1 ny, 1 löst</title>");
        DigestMail.Rendered english = render(Language.EN, DigestRun.Audience.MANAGER, digest(1));
        assertThat(english.html()).contains("<html lang=\"en\">")
                .contains("<title>This week&#39;s deviations 10 June 2024: 2 activities, 1 new, 1 resolved</title>");
    }

    @Test
    void a_managers_digest_lists_each_lines_deviations_and_what_was_resolved() {
        String text = render(Language.SV, DigestRun.Audience.MANAGER, digest(1)).text();
        assertThat(text).contains("Så här ser avvikelserna ut i ditt område 10 juni 2024. ")
                .contains("Just nu finns 2 aktiviteter med avvikelser, varav 1 ny sedan förra veckan (märkt NY)."
                        + " 1 avvikelse har lösts sedan förra veckan.\n")
                .contains("- [NY] KS2024-101 Titel KS2024-101\n"
                        + "  Försenad: slutdatum passerat; Status saknas för tertialet (2024-T1)\n")
                .contains("- KS2024-102 Titel KS2024-102\n  Status saknas för tertialet\n")
                .contains("Lösta sedan förra veckan\n- KS2024-091 Titel KS2024-091 – Försenad: slutdatum passerat\n");
    }

    @Test
    void the_summary_says_nothing_of_resolved_deviations_when_none_were_and_agrees_in_number_when_some_were() {
        assertThat(render(Language.SV, DigestRun.Audience.MANAGER, digest(0)).text())
                .contains(" varav 1 ny sedan förra veckan (märkt NY).\n").doesNotContain("har lösts");
        assertThat(render(Language.EN, DigestRun.Audience.MANAGER, digest(1)).text())
                .contains(" 1 deviation has been resolved since last week.\n");
        assertThat(render(Language.EN, DigestRun.Audience.MANAGER, digest(2)).text())
                .contains(" 2 deviations have been resolved since last week.\n");
    }

    @Test
    void stabs_digest_opens_with_the_date_and_explains_each_departments_count_in_agreeing_number() {
        String swedish = render(Language.SV, DigestRun.Audience.STAB, digest(0)).text();
        assertThat(swedish).contains("Sammanställning för hela kommunen 10 juni 2024. Just nu finns 2 aktiviteter");
        String english = render(Language.EN, DigestRun.Audience.STAB, digest(0)).text();
        assertThat(english).contains("- Staben: 1 of 2 activities has deviations: 1 overdue\n")
                .contains("- Socialavdelningen: 2 of 3 activities have deviations: 2 without a status for the tertial\n");
    }

    @Test
    void stabs_table_heads_a_column_for_each_kind_of_deviation() {
        String html = render(Language.SV, DigestRun.Audience.STAB, digest(0)).html();
        List<String> kinds = java.util.regex.Pattern.compile("font-weight: normal;\">([^<]*)</th>").matcher(html).results()
                .map(m -> m.group(1)).toList();
        assertThat(kinds).containsExactly("Försenade", "Status saknas", "Rapp. med avvikelse", "Utan kommentar",
                "Ej påbörjade", "Vänteläge");
    }

    @Test
    void a_teams_channel_gets_the_digest_in_swedish_without_a_greeting() {
        DigestMail.Rendered rendered = mail.renderForChannel(new DigestRun.Prepared("kanal", DigestRun.Audience.MANAGER, digest(0)));
        assertThat(rendered.subject()).isEqualTo("Veckans avvikelser 10 juni 2024: 2 aktiviteter, 1 ny, 0 lösta");
        assertThat(rendered.text()).startsWith("Så här ser avvikelserna ut i ditt område 10 juni 2024.").doesNotContain("Hej");
    }
}
