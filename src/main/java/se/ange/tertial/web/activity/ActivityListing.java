package se.ange.tertial.web.activity;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import se.ange.tertial.followup.AskedTertial;
import se.ange.tertial.followup.Deviation;
import se.ange.tertial.followup.DeviationRules;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.activity.ActivityFilter;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.query.ActivityQueries;
import se.ange.tertial.web.WebTexts;

/**
 * Checks the list's query and answers it with the same questions chat and the API ask ({@link ActivityQueries}
 * for the views, {@link ActivityFilter} for the filters and the search), always within what the caller may read.
 */
@Singleton
class ActivityListing {

    /** A goal reference is short ("3.4", "3.4.1"); a longer one is a mistake, not a search. */
    static final int MAX_GOAL = 20;

    /** The checked question. */
    record Asked(ListView view, Tertial tertial, String department, ActivityFilter filter, String text) {
    }

    /** The question, or what is wrong with it (field name to message, in form order). */
    record Checked(Asked asked, Map<String, String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private final ActivityQueries queries;
    private final AskedTertial askedTertial;
    private final DeviationRules rules;

    ActivityListing(ActivityQueries queries, AskedTertial askedTertial, DeviationRules rules) {
        this.queries = queries;
        this.askedTertial = askedTertial;
        this.rules = rules;
    }

    Checked check(ListParams params, Caller caller, WebTexts t, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<ListView> view = ListView.of(params.view());
        if (view.isEmpty()) {
            errors.put("view", t.format("list.error.view", params.view()));
        }
        switch (queries.access(caller, params.department())) {
            case UNKNOWN -> errors.put("department", t.format("list.error.department", params.department()));
            case NOT_YOURS -> errors.put("department", t.format("list.error.notYours", params.department()));
            case ALLOWED -> { }
        }
        Optional<Status> status = params.status().isEmpty() ? Optional.empty() : Status.parse(params.status());
        if (!params.status().isEmpty() && status.isEmpty()) {
            errors.put("status", t.format("list.error.status", params.status()));
        }
        if (params.goal().length() > MAX_GOAL) {
            errors.put("goal", t.get("list.error.goal"));
        }
        Tertial tertial = askedTertial.on(today);
        if (!params.tertial().isEmpty()) {
            try {
                tertial = Tertial.parse(params.tertial());
            } catch (IllegalArgumentException e) {
                errors.put("tertial", t.format("list.error.tertial", params.tertial()));
            }
        }
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        ActivityFilter filter = new ActivityFilter(null, blankToNull(params.unit()), blankToNull(params.owner()),
                status.orElse(null), blankToNull(params.goal()), null, null, null);
        return new Checked(new Asked(view.get(), tertial, params.department(), filter, params.q()), errors);
    }

    /** The activities answering the question, in the order its query gives (most urgent first; all: by reference). */
    List<ActivityView> list(Caller caller, Asked asked, LocalDate today) {
        String department = blankToNull(asked.department());
        Stream<ActivityView> found = switch (asked.view()) {
            case OVERDUE -> queries.overdue(caller, department, today).stream();
            case MISSING -> queries.missing(caller, department, asked.tertial()).stream();
            case DEVIATIONS -> queries.deviations(caller, department, asked.tertial(), today).stream()
                    .map(ActivityQueries.Found::view);
            case ALL -> queries.readable(caller, department).sorted(Comparator.comparing(ActivityView::ref));
        };
        return found.filter(view -> asked.filter().matches(view, rules) && ActivityFilter.mentions(view, asked.text()))
                .toList();
    }

    /** An activity's deviations today, as the deviations view and the digests see them. */
    List<Deviation> deviations(ActivityView view, LocalDate today) {
        return rules.deviationsOn(view.factsUpTo(Tertial.containing(today)), today);
    }

    /** What the caller may read, for the filter form's choices. */
    List<ActivityView> readable(Caller caller) {
        return queries.readable(caller, null).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
