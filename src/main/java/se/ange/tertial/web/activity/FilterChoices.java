package se.ange.tertial.web.activity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import se.ange.tertial.followup.Status;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.web.WebTexts;

/**
 * The choices of the filter form's selects, taken from what the viewer may read (a manager is offered only
 * their department), each list headed by "all".
 */
final class FilterChoices {

    private FilterChoices() {
    }

    static List<Option> views(ListParams params, WebTexts t) {
        return Arrays.stream(ListView.values())
                .map(view -> new Option(view.value(), t.get("list.view." + view.name().toLowerCase()),
                        view.value().equalsIgnoreCase(params.view())))
                .toList();
    }

    static List<Option> statuses(ListParams params, WebTexts t) {
        String chosen = params.status().isEmpty() ? "" : Status.parse(params.status()).map(Status::name).orElse("");
        return withAll(t, Arrays.stream(Status.values())
                .map(status -> new Option(status.name(), status.label(t.language()), status.name().equals(chosen))));
    }

    static List<Option> departments(List<ActivityView> readable, ListParams params, WebTexts t) {
        return withAll(t, readable.stream().map(ActivityView::department).distinct().sorted()
                .map(name -> new Option(name, name, name.equalsIgnoreCase(params.department()))));
    }

    static List<Option> units(List<ActivityView> readable, ListParams params, WebTexts t) {
        return withAll(t, readable.stream().map(ActivityView::unit).filter(Objects::nonNull).distinct().sorted()
                .map(name -> new Option(name, name, name.equalsIgnoreCase(params.unit()))));
    }

    static List<Option> owners(List<ActivityView> readable, ListParams params, WebTexts t) {
        return withAll(t, readable.stream().flatMap(view -> view.owners().stream())
                .filter(person -> person.email() != null).distinct()
                .sorted(Comparator.comparing(Person::name))
                .map(person -> new Option(person.email(), person.name(), person.email().equalsIgnoreCase(params.owner())))
                .distinct());
    }

    private static List<Option> withAll(WebTexts t, Stream<Option> options) {
        List<Option> all = new ArrayList<>();
        all.add(new Option("", t.get("list.all"), false));
        options.forEach(all::add);
        return all;
    }
}
