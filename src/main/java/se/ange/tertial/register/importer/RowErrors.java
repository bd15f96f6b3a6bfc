package se.ange.tertial.register.importer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemError;

/** Collects what is wrong with the rows of a file, each error at its line and column. */
final class RowErrors {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final List<ProblemError> errors = new ArrayList<>();

    void add(CsvTable.Row row, String column, String message) {
        errors.add(ProblemError.atCell(row.line(), column, message));
    }

    void add(int line, String column, String message) {
        errors.add(ProblemError.atCell(line, column, message));
    }

    List<ProblemError> all() {
        return errors;
    }

    /** 422 listing every error at its line; nothing is saved. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw se.ange.tertial.system.ProblemException.invalid(
                    "Filen har %d fel; inget har sparats".formatted(errors.size()), errors);
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    String required(CsvTable.Row row, String column, int maxLength) {
        String value = row.get(column);
        if (value.isEmpty()) {
            add(row, column, column + " får inte vara tom");
        } else if (value.length() > maxLength) {
            add(row, column, Limits.tooLong(column, maxLength));
        }
        return value;
    }

    /** An optional value ("" when empty), no longer than its column. */
    String optional(CsvTable.Row row, String column, int maxLength) {
        String value = row.get(column);
        if (value.length() > maxLength) {
            add(row, column, Limits.tooLong(column, maxLength));
        }
        return value;
    }

    LocalDate date(CsvTable.Row row, String column) {
        String value = row.get(column);
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            add(row, column, "'%s' är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2024-04-30".formatted(Limits.excerpt(value)));
            return null;
        }
        if (!Limits.dateInRange(date)) {
            add(row, column, Limits.dateOutOfRange(column, value));
            return null;
        }
        return date;
    }

    boolean email(CsvTable.Row row, String column, String value) {
        if (!EMAIL.matcher(value).matches()) {
            add(row, column, "'%s' är ingen e-postadress".formatted(Limits.excerpt(value)));
            return false;
        }
        if (value.length() > Limits.EMAIL) {
            add(row, column, Limits.tooLong(column, Limits.EMAIL));
            return false;
        }
        return true;
    }

    /** Splits a cell that may list several values ("a@x.se; b@x.se"). */
    static List<String> list(String cell) {
        return java.util.Arrays.stream(cell.split("[;|]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
