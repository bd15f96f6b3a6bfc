package se.ange.tertial.register.importer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The seed plan ({@code activity-plan-2024.csv}) moved into another year, so the demo has a live tertial on
 * any date: every ref's plan year is replaced ({@code KS2024-007} → {@code KS2026-007}; the goals' plan year
 * follows the ref) and every start and end date moves by whole years, keeping month and day (29 February
 * becomes 28 February in a common year). Titles and descriptions are the seed's text. For the seed's own year
 * the file is returned unchanged.
 */
final class DemoPlan {

    static final int SEED_YEAR = 2024;
    private static final Pattern REF_YEAR = Pattern.compile("^([A-Za-z]+)" + SEED_YEAR + "-");
    private static final List<String> DATE_COLUMNS = List.of("start_date", "end_date");

    private DemoPlan() {
    }

    static String inYear(String seedCsv, int year) {
        if (year == SEED_YEAR) {
            return seedCsv;
        }
        int shift = year - SEED_YEAR;
        CSVFormat in = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        StringBuilder out = new StringBuilder();
        try (CSVParser parser = CSVParser.parse(new StringReader(seedCsv), in)) {
            List<String> header = parser.getHeaderNames();
            try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
                printer.printRecord(header);
                for (CSVRecord record : parser) {
                    List<String> values = new ArrayList<>(record.toList());
                    for (int i = 0; i < header.size() && i < values.size(); i++) {
                        String column = header.get(i);
                        String value = values.get(i);
                        if (column.equals("ref")) {
                            Matcher ref = REF_YEAR.matcher(value);
                            values.set(i, ref.find() ? ref.replaceFirst("$1" + year + "-") : value);
                        } else if (DATE_COLUMNS.contains(column) && !value.isBlank()) {
                            values.set(i, LocalDate.parse(value.trim()).plusYears(shift).toString());
                        }
                    }
                    printer.printRecord(values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
