package se.ange.tertial.followup;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the year's three follow-up periods: T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec.
 * Written as {@code 2024-T1}.
 */
public record Tertial(int year, int number) implements Comparable<Tertial> {

    private static final Pattern ID = Pattern.compile("(\\d{4})-T([123])", Pattern.CASE_INSENSITIVE);

    public Tertial {
        if (number < 1 || number > 3) {
            throw new IllegalArgumentException("A tertial is numbered 1 to 3, not " + number);
        }
        if (year < 1900 || year > 9999) {
            throw new IllegalArgumentException("Year out of range: " + year);
        }
    }

    /** Parses {@code 2024-T1} (case-insensitive); anything else is an {@link IllegalArgumentException}. */
    public static Tertial parse(String id) {
        Matcher matcher = id == null ? null : ID.matcher(id.trim());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("Expected a tertial like 2024-T1, got '" + id + "'");
        }
        return new Tertial(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** The tertial a calendar date belongs to. */
    public static Tertial containing(LocalDate date) {
        return new Tertial(date.getYear(), (date.getMonthValue() - 1) / 4 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, Month.JANUARY.plus(4L * (number - 1)), 1);
    }

    /** The closing date: 30 April, 31 August or 31 December. */
    public LocalDate closingDate() {
        return firstDay().plusMonths(4).minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(closingDate());
    }

    public Tertial next() {
        return number == 3 ? new Tertial(year + 1, 1) : new Tertial(year, number + 1);
    }

    public Tertial previous() {
        return number == 1 ? new Tertial(year - 1, 3) : new Tertial(year, number - 1);
    }

    @Override
    public int compareTo(Tertial other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    public boolean isBefore(Tertial other) {
        return compareTo(other) < 0;
    }

    public boolean isAfter(Tertial other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return year + "-T" + number;
    }
}
