package se.ange.tertial.followup;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How every message writes a date: "30 april 2024", or "30 april" where the year goes without saying. */
public final class Dates {

    private static final DateTimeFormatter SV_FULL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv"));
    private static final DateTimeFormatter EN_FULL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SV_DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.forLanguageTag("sv"));
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    private Dates() {
    }

    /** "30 april 2024". */
    public static String full(LocalDate date, Language language) {
        return (language == Language.EN ? EN_FULL : SV_FULL).format(date);
    }

    /** "30 april". */
    public static String dayMonth(LocalDate date, Language language) {
        return (language == Language.EN ? EN_DAY : SV_DAY).format(date);
    }

    /** "30 april" in the current year, else "30 april 2023". */
    public static String near(LocalDate date, LocalDate today, Language language) {
        return date.getYear() == today.getYear() ? dayMonth(date, language) : full(date, language);
    }
}
