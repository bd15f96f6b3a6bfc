package se.ange.tertial.register.query;

import io.micronaut.http.HttpResponse;
import java.util.List;
import java.util.function.Function;
import se.ange.tertial.register.activity.ActivityView;

/**
 * The query CSV (same columns, same Excel conventions as the API's, see {@link CsvExport}) for callers outside
 * this package, such as the web workspace's activity list.
 */
public final class ActivityCsv {

    private ActivityCsv() {
    }

    /** One row per activity with the shared columns, then one more column named {@code extraHeader}. */
    public static HttpResponse<byte[]> response(String filename, List<ActivityView> views, String extraHeader,
                                                Function<ActivityView, String> extra) {
        return CsvExport.response(filename, QueryRows.header(extraHeader),
                views.stream().map(view -> QueryRows.row(view, extra.apply(view))).toList());
    }

    /** A file name part without diacritics or spaces. */
    public static String slug(String text) {
        return CsvExport.slug(text);
    }
}
