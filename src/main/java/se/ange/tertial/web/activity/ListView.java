package se.ange.tertial.web.activity;

import java.util.Arrays;
import java.util.Optional;

/** Which question the list answers; the query value is the API's word, so links can be built by hand. */
enum ListView {
    ALL(""), OVERDUE("overdue"), MISSING("missing"), DEVIATIONS("deviations");

    private final String value;

    ListView(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    /** The view named by a query value (blank: all); empty for anything else. */
    static Optional<ListView> of(String value) {
        return Arrays.stream(values()).filter(view -> view.value.equalsIgnoreCase(value.strip())).findFirst();
    }
}
