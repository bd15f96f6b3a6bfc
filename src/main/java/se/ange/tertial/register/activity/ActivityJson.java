package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Deviation;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Status;
import se.ange.tertial.register.org.Person;

/** The JSON shapes of activities in the API. */
public final class ActivityJson {

    private ActivityJson() {
    }

    @Serdeable
    public record OwnerJson(String name, String email) {
        static OwnerJson of(Person person) {
            return new OwnerJson(person.name(), person.email());
        }
    }

    @Serdeable
    public record Summary(String ref, String title, LocalDate startDate, LocalDate endDate,
                          @Nullable Status status, @Nullable String statusLabel, String goal, String goalTitle,
                          @Nullable String kfGoal, String department, @Nullable String unit,
                          List<OwnerJson> owners, ActivitySource source, String sourceLabel) {
        public static Summary of(ActivityView view) {
            Activity a = view.activity();
            return new Summary(a.ref(), a.title(), a.startDate(), a.endDate(), a.status(),
                    a.status() == null ? null : a.status().label(Language.SV), view.goal().ref(), view.goal().title(),
                    view.kfGoal() == null ? null : view.kfGoal().ref(), view.department(), view.unit(),
                    view.owners().stream().map(OwnerJson::of).toList(), a.source(),
                    a.source().swedish());
        }
    }

    @Serdeable
    public record Report(String tertial, Status status, String statusLabel, @Nullable String comment,
                         String reportedBy, Channel channel, Instant receivedAt) {
        public static Report of(StatusReport r) {
            return new Report(r.tertial(), r.status(), r.status().label(Language.SV), r.comment(), r.reportedBy(),
                    r.channel(), r.receivedAt());
        }
    }

    @Serdeable
    public record DeviationJson(String kind, String label, @Nullable String tertial, @Nullable LocalDate since) {
        public static DeviationJson of(Deviation d) {
            return new DeviationJson(d.kind().name(), d.kind().label(Language.SV),
                    d.tertial() == null ? null : d.tertial().toString(), d.since());
        }
    }

    @Serdeable
    public record Detail(Summary activity, @Nullable String description, List<Report> history,
                         List<DeviationJson> deviations) {
    }
}
