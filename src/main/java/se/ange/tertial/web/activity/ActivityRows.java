package se.ange.tertial.web.activity;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.stream.Collectors;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.web.WebTexts;

/** Turns an activity into a line of the list, in the viewer's language. */
@Singleton
class ActivityRows {

    private final ActivityListing listing;

    ActivityRows(ActivityListing listing) {
        this.listing = listing;
    }

    ActivityRow row(ActivityView view, WebTexts t, LocalDate today) {
        return new ActivityRow(view.ref(), view.activity().title(), "/aktiviteter/" + view.ref(), place(view),
                view.owners().stream().map(Person::name).collect(Collectors.joining(", ")),
                Dates.near(view.activity().endDate(), today, t.language()), status(view, t),
                listing.deviations(view, today).stream().map(d -> d.kind().label(t.language())).toList());
    }

    static String place(ActivityView view) {
        return view.unit() == null ? view.department() : view.department() + " / " + view.unit();
    }

    static String status(ActivityView view, WebTexts t) {
        return view.activity().status() == null ? t.get("activity.noStatus")
                : view.activity().status().label(t.language());
    }
}
