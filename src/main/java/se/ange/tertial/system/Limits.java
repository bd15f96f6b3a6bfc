package se.ange.tertial.system;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The sizes of the register's columns (db/migration) in one place: JSON bodies (Bean Validation on the
 * records), query parameters and CSV imports all check against these, so a value is refused with 422
 * naming the field before the database sees it.
 */
public final class Limits {

    /** activity.ref, reminder_item.activity_ref */
    public static final int ACTIVITY_REF = 40;
    /** activity.title */
    public static final int TITLE = 1000;
    /** activity.description */
    public static final int DESCRIPTION = 8000;
    /** status_report.comment, goal_assessment.analysis */
    public static final int COMMENT = 8000;
    /** goal.ref */
    public static final int GOAL_REF = 20;
    /** goal.title */
    public static final int GOAL_TITLE = 2000;
    /** goal_area.name */
    public static final int GOAL_AREA = 200;
    /** department.name */
    public static final int DEPARTMENT = 200;
    /** org_unit.name */
    public static final int UNIT = 200;
    /** person.name */
    public static final int PERSON_NAME = 200;
    /** person.email */
    public static final int EMAIL = 320;
    /** person.slack_user_id */
    public static final int SLACK_USER_ID = 50;
    /** person.teams_user_id */
    public static final int TEAMS_USER_ID = 100;
    /** measure.name */
    public static final int MEASURE_NAME = 500;
    /** measure.unit */
    public static final int MEASURE_UNIT = 50;
    /** measure.outcome NUMERIC(18, 4): 14 digits before the decimal sign, 4 after. */
    public static final int OUTCOME_INTEGER_DIGITS = 14;
    public static final int OUTCOME_FRACTION_DIGITS = 4;

    /** The dates the register accepts anywhere (plans, absences, measures, query days). */
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2200, 12, 31);
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;

    private Limits() {
    }

    /** A text no longer than the column, or 422 naming the field. */
    public static @Nullable String text(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            throw ProblemException.invalidField(field, tooLong(field, max));
        }
        return value;
    }

    public static String tooLong(String field, int max) {
        return "%s är längre än %d tecken".formatted(field, max);
    }

    /** A date within 1900–2200, or 422 naming the field. */
    public static @Nullable LocalDate date(String field, @Nullable LocalDate value) {
        if (value != null && !dateInRange(value)) {
            throw ProblemException.invalidField(field, dateOutOfRange(field, value.toString()));
        }
        return value;
    }

    /** A moment within 1900–2200 (UTC), or 422 naming the field. */
    public static @Nullable java.time.Instant instant(String field, @Nullable java.time.Instant value) {
        if (value != null && (value.isBefore(FIRST_DATE.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                || !value.isBefore(LAST_DATE.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))) {
            throw ProblemException.invalidField(field, dateOutOfRange(field, value.toString()));
        }
        return value;
    }

    public static boolean dateInRange(LocalDate value) {
        return !value.isBefore(FIRST_DATE) && !value.isAfter(LAST_DATE);
    }

    public static String dateOutOfRange(String field, String value) {
        return "%s %s ligger utanför %s–%s".formatted(field, value, FIRST_DATE, LAST_DATE);
    }

    /** A year within 1900–2200, or 422 naming the field. */
    public static int year(String field, int value) {
        if (value < FIRST_YEAR || value > LAST_YEAR) {
            throw ProblemException.invalidField(field, "%s %d ligger utanför %d–%d".formatted(field, value,
                    FIRST_YEAR, LAST_YEAR));
        }
        return value;
    }

    /** A measure's outcome that NUMERIC(18, 4) can hold (rounded to 4 decimals), or 422 naming the field. */
    public static @Nullable BigDecimal outcome(String field, @Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        // digits before the decimal sign, checked before rounding (1e999999999 must not be written out)
        BigDecimal rounded = value.precision() - value.scale() > OUTCOME_INTEGER_DIGITS ? null
                : value.setScale(OUTCOME_FRACTION_DIGITS, java.math.RoundingMode.HALF_UP);
        if (rounded == null || rounded.precision() - rounded.scale() > OUTCOME_INTEGER_DIGITS) {
            throw ProblemException.invalidField(field, "%s får ha högst %d siffror före decimaltecknet och %d efter"
                    .formatted(field, OUTCOME_INTEGER_DIGITS, OUTCOME_FRACTION_DIGITS));
        }
        return rounded;
    }

    /** The text cut to fit a column of {@code max} characters, never splitting a surrogate pair. */
    public static String fit(@Nullable String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** A value quoted back in an error message: one line, at most 40 characters and "…". */
    public static String excerpt(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "…" : oneLine;
    }
}
