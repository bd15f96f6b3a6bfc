package se.ange.tertial.register.importer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel writes a BOM
        if (content.isBlank()) {
            throw ProblemException.invalid("Filen är tom", List.of(ProblemError.atCell(1, null, "Filen är tom")));
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            List<ProblemError> missing = requiredColumns.stream().filter(c -> !header.contains(c))
                    .map(c -> ProblemError.atCell(1, c, "Kolumnen " + c + " saknas i rubrikraden")).toList();
            if (!missing.isEmpty()) {
                throw ProblemException.invalid("Rubrikraden saknar kolumner", missing);
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new Row(lineOf(content, record.getCharacterPosition()), normalizedKeys(record.toMap())));
            }
            return new CsvTable(rows);
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            String message = "Filen kan inte läsas som CSV: " + e.getMessage();
            throw ProblemException.invalid(message, List.of(ProblemError.atCell(1, null, message)));
        }
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
