package se.ange.tertial.web.sending;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.web.WebTexts;

/** The words and times the /utskick pages share. */
final class Texts {

    static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    static final int MAX = 200;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private Texts() {
    }

    /** "10 april 2024 10:00" (Swedish time), or "–" when there is none. */
    static String at(@Nullable Instant instant, WebTexts t) {
        if (instant == null) {
            return "–";
        }
        var local = instant.atZone(ZONE);
        return Dates.full(local.toLocalDate(), t.language()) + " " + CLOCK.format(local);
    }

    /** A query value as typed: stripped, never null, cut at {@link #MAX}. */
    static String typed(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String stripped = value.strip();
        return stripped.length() > MAX ? stripped.substring(0, MAX) : stripped;
    }
}
