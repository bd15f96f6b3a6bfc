package se.ange.tertial.web.activity;

import io.micronaut.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The list's query as typed (never null, stripped), to show back in the form and to carry into the pager
 * and CSV links. Checked by {@link ActivityListing}.
 */
record ListParams(String view, String q, String department, String unit, String goal, String status, String owner,
                  String tertial, String page) {

    /** Longer values are cut before they are echoed: nothing legitimate is this long. */
    static final int MAX = 200;

    static ListParams of(HttpRequest<?> request) {
        var parameters = request.getParameters();
        java.util.function.Function<String, String> get = name -> {
            String value = parameters.getFirst(name).orElse("").strip();
            return value.length() > MAX ? value.substring(0, MAX) : value;
        };
        return new ListParams(get.apply("view"), get.apply("q"), get.apply("department"), get.apply("unit"),
                get.apply("goal"), get.apply("status"), get.apply("owner"), get.apply("tertial"), get.apply("page"));
    }

    /** The filters (not the page) by name, in form order. */
    Map<String, String> filters() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("view", view);
        all.put("q", q);
        all.put("department", department);
        all.put("unit", unit);
        all.put("goal", goal);
        all.put("status", status);
        all.put("owner", owner);
        all.put("tertial", tertial);
        return all;
    }

    /** {@code path?filters[&page=n]}, leaving out what is blank and page 1. */
    String link(String path, int pageNumber) {
        String query = filters().entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        if (pageNumber > 1) {
            query = query.isEmpty() ? "page=" + pageNumber : query + "&page=" + pageNumber;
        }
        return query.isEmpty() ? path : path + "?" + query;
    }
}
