package se.ange.tertial.register.query;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Status;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.system.ProblemException;

/** The columns every query's CSV shares, and the parameter checks the query endpoints share. */
final class QueryRows {

    static final List<String> ACTIVITY_HEADER = List.of("Referens", "Rubrik", "Avdelning", "Enhet", "Ansvariga",
            "E-post", "Startdatum", "Slutdatum", "Status", "KS-mål", "Ursprung");

    private QueryRows() {
    }

    static List<String> header(String... more) {
        List<String> header = new ArrayList<>(ACTIVITY_HEADER);
        header.addAll(List.of(more));
        return header;
    }

    static List<String> row(ActivityView view, String... more) {
        List<String> row = new ArrayList<>(List.of(view.ref(), view.activity().title(), view.department(),
                orEmpty(view.unit()), view.owners().stream().map(Person::name).collect(Collectors.joining(", ")),
                view.owners().stream().map(Person::email).collect(Collectors.joining(", ")),
                view.activity().startDate().toString(), view.activity().endDate().toString(),
                status(view.activity().status()), view.goal().ref(), view.activity().source().swedish()));
        row.addAll(List.of(more));
        return row;
    }

    static String status(@Nullable Status status) {
        return status == null ? "Ingen status än" : status.label(Language.SV);
    }

    static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    /** 422 for a department that does not exist, 403 for someone else's (stab and admin may ask about any). */
    static void checkDepartment(ActivityQueries queries, se.ange.tertial.register.access.Caller caller,
                                @Nullable String department) {
        switch (queries.access(caller, department)) {
            case UNKNOWN -> throw ProblemException.invalidField("department",
                    "Det finns ingen avdelning som heter " + department.strip());
            case NOT_YOURS -> throw ProblemException.forbidden(
                    "Du kan bara fråga om din egen verksamhet, inte om " + department.strip());
            case ALLOWED -> { }
        }
    }
}
