package se.ange.tertial.register.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import se.ange.tertial.system.ProblemException;

/**
 * Query answers as CSV for Excel: UTF-8 with a byte order mark (without it Excel reads the file as
 * Windows-1252 and å, ä, ö break), {@code ;} between fields (Swedish Excel's list separator: a
 * comma-separated file opens in one column there, since the comma is the decimal sign), CRLF line ends,
 * a header row, and every row: a CSV answer is never paged.
 */
final class CsvExport {

    static final String TEXT_CSV = "text/csv";
    static final char DELIMITER = ';';
    private static final String BOM = "\uFEFF";

    private CsvExport() {
    }

    /** CSV when {@code format=csv}, or when the Accept header prefers text/csv to JSON; JSON otherwise. */
    static boolean wanted(HttpRequest<?> request, @Nullable String format) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.invalidField("format", "Okänt format '%s'; välj csv eller json".formatted(format));
            };
        }
        return request.getHeaders().accept().stream()
                .sorted(Comparator.comparing(MediaType::getQualityAsNumber).reversed())
                .filter(type -> type.matches(MediaType.of(TEXT_CSV)) && !type.getName().contains("*")
                        || type.matches(MediaType.APPLICATION_JSON_TYPE) && !type.getName().contains("*"))
                .findFirst()
                .map(type -> type.getName().equals(TEXT_CSV))
                .orElse(false);
    }

    static HttpResponse<byte[]> response(String filename, List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(BOM);
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(DELIMITER).setRecordSeparator("\r\n")
                .setHeader(header.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(csv, format)) {
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(CsvExport::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String ascii = ascii(filename);
        return HttpResponse.ok(csv.toString().getBytes(StandardCharsets.UTF_8))
                .contentType(TEXT_CSV + "; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /**
     * A cell as text; one that a spreadsheet would read as a formula (=, +, -, @ first, or their full-width
     * forms ＝ ＋ － ＠, which Excel and LibreOffice read as the same) gets a leading apostrophe, so a comment
     * like "=HYPERLINK(...)" stays text.
     */
    static String cell(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** What a spreadsheet may take as the start of a formula. */
    static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    /** A file name part without diacritics or spaces: "Samhällsbyggnadsavdelningen" → "samhallsbyggnadsavdelningen". */
    static String slug(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("(^-+|-+$)", "");
    }

    private static String ascii(String filename) {
        return Normalizer.normalize(filename, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
