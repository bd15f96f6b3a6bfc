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

/** Which lines a rendered digest shows: stab's lists only this week's new deviations, a manager's all of them. */
class DigestMailLinesTest {

    private static final LocalDate ON = LocalDate.parse("2024-06-10");
    private final DigestMail mail = new DigestMail();
    private final Person johan = new Person(2L, "Johan Nordin", "johan.nordin@ange.example", 1L, null, null, null,
            Language.SV, true, null, ReminderChannel.EMAIL);

    private static Digest.Line line(String ref, boolean isNew) {
        return new Digest.Line(ref, "Titel " + ref, "Staben", List.of("Emma Berglund"), LocalDate.parse("2024-01-01"),
                LocalDate.parse("2024-05-31"), List.of(DeviationKind.OVERDUE), LocalDate.parse("2024-05-31"), "",
                isNew, null);
    }

    /** Goal 3.1.1 with a new and an old line, goal 3.3.1 with an old line only. */
    private static Digest digest() {
        return new Digest(ON, List.of(
                new Digest.Goal("3.1.1", "Hälsofrämjande arbetsplatser", List.of(line("KS2024-101", true), line("KS2024-102", false))),
                new Digest.Goal("3.3.1", "Trygga ungdomar", List.of(line("KS2024-103", false)))),
                List.of(), List.of(new Digest.DepartmentCount("Staben", 3, 3, Map.of(DeviationKind.OVERDUE, 3))),
                Set.of("KS2024-101:OVERDUE", "KS2024-102:OVERDUE", "KS2024-103:OVERDUE"));
    }

    @Test
    void stab_sees_only_the_new_lines_and_no_goal_left_without_one() {
        DigestMail.Rendered rendered = mail.render(johan, new DigestRun.Prepared(johan.email(), DigestRun.Audience.STAB, digest()));

        for (String part : List.of(rendered.text(), rendered.html())) {
            assertThat(part).contains("KS2024-101").doesNotContain("KS2024-102").doesNotContain("KS2024-103")
                    .doesNotContain("Trygga ungdomar");
        }
    }

    @Test
    void a_manager_sees_every_line_with_the_new_one_marked() {
        DigestMail.Rendered rendered = mail.render(johan, new DigestRun.Prepared(johan.email(), DigestRun.Audience.MANAGER, digest()));

        for (String part : List.of(rendered.text(), rendered.html())) {
            assertThat(part).contains("KS2024-101").contains("KS2024-102").contains("KS2024-103").contains("Trygga ungdomar");
        }
        assertThat(rendered.text()).containsOnlyOnce("[NY]");
        assertThat(rendered.text().indexOf("[NY]")).isLessThan(rendered.text().indexOf("KS2024-101"));
    }
}
