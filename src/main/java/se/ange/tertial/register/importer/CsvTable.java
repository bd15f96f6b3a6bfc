package se.ange.tertial.register.importer;

import se.ange.tertial.system.Limits;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import se.ange.tertial.system.ProblemError;
import se.ange.tertial.system.ProblemException;

/**
 * A CSV file with a header row, read by Commons CSV (RFC 4180: quoted fields may hold commas, quotes and
 * line breaks). Each row knows the file line it starts on, so errors can name it.
 */
final class CsvTable {

    record Row(int line, Map<String, String> values) {
        /** The trimmed value, or "" when the column is empty or absent. */
        String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value.trim();
        }
    }

    private final List<Row> rows;

    private CsvTable(List<Row> rows) {
        this.rows = rows;
    }

    List<Row> rows() {
        return rows;
    }

    static CsvTable parse(String text, List<String> requiredColumns) {
        return parse(text, requiredColumns, null);
    }

    /**
     * @param optionalColumns the other columns the file may have; a column that is neither required nor
     *                        optional is refused (null: any other column is ignored)
     */
    static CsvTable parse(String text, List<String> requiredColumns, @Nullable List<String> optionalColumns) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel writes a BOM
        if (content.isBlank()) {
            throw ProblemException.invalid("Filen är tom", List.of(ProblemError.atCell(1, null, "Filen är tom")));
        }
        ProblemError unreadable = unreadable(content);
        if (unreadable != null) {
            throw ProblemException.invalid(unreadable.message(), List.of(unreadable));
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).setAllowMissingColumnNames(true)
                .setIgnoreEmptyLines(true).setTrim(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            checkHeader(header, requiredColumns, optionalColumns);
            List<Row> rows = new ArrayList<>();
            List<ProblemError> extra = new ArrayList<>();
            for (CSVRecord record : parser) {
                int line = lineOf(content, record.getCharacterPosition());
                if (record.size() > header.size()) {
                    extra.add(ProblemError.atCell(line, null, "Raden har %d fält men rubrikraden %d kolumner"
                            .formatted(record.size(), header.size())));
                }
                rows.add(new Row(line, normalizedKeys(record.toMap())));
            }
            if (!extra.isEmpty()) {
                throw ProblemException.invalid("Filen har %d fel; inget har sparats".formatted(extra.size()), extra);
            }
            if (rows.isEmpty()) {
                String message = "Filen har bara en rubrikrad och inga rader att importera";
                throw ProblemException.invalid(message, List.of(ProblemError.atCell(2, null, message)));
            }
            return new CsvTable(rows);
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // unreadable() finds what Commons CSV refuses; should it still refuse, say so without its words
            String message = "Filen kan inte läsas som CSV (RFC 4180)";
            throw ProblemException.invalid(message, List.of(ProblemError.atCell(1, null, message)));
        }
    }

    /** A header with each column once (any case), every required one, and no column the import does not know. */
    private static void checkHeader(List<String> header, List<String> required, @Nullable List<String> optional) {
        List<ProblemError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            if (column.isEmpty()) {
                errors.add(ProblemError.atCell(1, "#" + (i + 1), "Kolumn %d i rubrikraden saknar namn".formatted(i + 1)));
            } else if (!seen.add(column)) {
                errors.add(ProblemError.atCell(1, column, "Kolumnen %s finns flera gånger i rubrikraden".formatted(column)));
            } else if (optional != null && !required.contains(column) && !optional.contains(column)) {
                errors.add(ProblemError.atCell(1, column, "Okänd kolumn '%s'; filen kan ha: %s".formatted(
                        Limits.excerpt(column), String.join(", ", union(required, optional)))));
            }
        }
        required.stream().filter(c -> !header.contains(c))
                .forEach(c -> errors.add(ProblemError.atCell(1, c, "Kolumnen " + c + " saknas i rubrikraden")));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Rubrikraden har %d fel".formatted(errors.size()), errors);
        }
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(c -> !all.contains(c)).forEach(all::add);
        return all;
    }

    /**
     * What RFC 4180 forbids, at the line where it starts: a quoted field that is never closed (reported on
     * the line its opening quote is on, not at the end of the file), or text after a closing quote.
     */
    static @Nullable ProblemError unreadable(String content) {
        int line = 1;
        boolean atFieldStart = true;
        boolean quoted = false;
        int quoteLine = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < content.length() && content.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                        char next = i + 1 < content.length() ? content.charAt(i + 1) : ',';
                        if (next != ',' && next != '\n' && next != '\r') {
                            return ProblemError.atCell(line, null, ("Filen kan inte läsas som CSV: på rad %d ska det "
                                    + "efter ett citerat fält komma , "
                                    + "eller radslut; skriv \"\" för ett citattecken inuti fältet").formatted(line));
                        }
                    }
                } else if (c == '\n') {
                    line++;
                }
                continue;
            }
            if (c == '"' && atFieldStart) {
                quoted = true;
                quoteLine = line;
                atFieldStart = false;
            } else if (c == ',' ) {
                atFieldStart = true;
            } else if (c == '\n') {
                line++;
                atFieldStart = true;
            } else if (c != '\r') {
                atFieldStart = false;
            }
        }
        if (quoted) {
            return ProblemError.atCell(quoteLine, null, ("Filen kan inte läsas som CSV: på rad %d börjar ett fält "
                    + "med citattecken (\") som aldrig stängs").formatted(quoteLine));
        }
        return null;
    }

    private static Map<String, String> normalizedKeys(Map<String, String> values) {
        Map<String, String> normalized = new java.util.HashMap<>();
        values.forEach((k, v) -> normalized.put(k.trim().toLowerCase(Locale.ROOT), v));
        return normalized;
    }

    /** 1-based line of a character position (a quoted field may span lines, so rows ≠ lines). */
    private static int lineOf(String content, long position) {
        int line = 1;
        for (int i = 0; i < position && i < content.length(); i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
