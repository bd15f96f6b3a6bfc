package se.ange.tertial.web.report;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import se.ange.tertial.followup.AskedTertial;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.ReportFact;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;

/** Builds the report form of an activity for a viewer: the same asked tertial as chat, mail and the API. */
@Singleton
public class ReportCards {

    /** What a post said, to show again with its errors. */
    public record Posted(@Nullable Status status, String comment, @Nullable String statusError,
                         @Nullable String commentError, @Nullable String formError) {
    }

    private final AskedTertial asked;
    private final Clock clock;

    ReportCards(AskedTertial asked, Clock clock) {
        this.asked = asked;
        this.clock = clock;
    }

    /** The tertial a report for this activity made today is for. */
    public Tertial tertialFor(ActivityView view) {
        return asked.forActivity(LocalDate.now(clock), view.facts());
    }

    public ReportCard card(ActivityView view, Caller caller, Language language, String from) {
        return card(view, caller, language, from, null, false);
    }

    public ReportCard card(ActivityView view, Caller caller, Language language, String from, @Nullable Posted posted,
                           boolean justSaved) {
        LocalDate today = LocalDate.now(clock);
        Tertial tertial = tertialFor(view);
        Optional<ReportFact> forTertial = view.facts().reports().stream()
                .filter(report -> report.tertial().equals(tertial)).reduce((first, second) -> second);
        Optional<ReportFact> last = view.facts().latestReport();
        Status chosen = posted != null ? posted.status() : last.map(ReportFact::status).orElse(null);
        String comment = posted != null ? posted.comment() : last.map(ReportFact::comment).orElse("");
        List<ReportCard.StatusOption> options = Arrays.stream(Status.values())
                .map(status -> new ReportCard.StatusOption(status.name(), status.ordinal() + 1,
                        status.label(language), status == chosen, status.isWithDeviation()))
                .toList();
        String deputyFor = view.owners().stream().filter(owner -> caller.deputyFor().contains(owner.id()))
                .filter(owner -> view.owners().stream().noneMatch(o -> Objects.equals(o.id(), caller.personId())))
                .map(Person::name).findFirst().orElse(null);
        LocalDate end = view.activity().endDate();
        return new ReportCard(view.ref(), view.activity().title(), view.goal().ref() + " " + view.goal().title(),
                Dates.near(end, today, language), end.isBefore(today) && !view.facts().currentStatus()
                        .map(Status::isCompleted).orElse(false),
                deputyFor, tertial.toString(),
                forTertial.map(report -> report.status().label(language)).orElse(null),
                forTertial.map(ReportFact::comment).orElse(null), options, comment == null ? "" : comment,
                Permissions.canReport(caller, view), from,
                posted == null ? null : posted.statusError(), posted == null ? null : posted.commentError(),
                posted == null ? null : posted.formError(), justSaved);
    }
}
