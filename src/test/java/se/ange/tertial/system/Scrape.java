package se.ange.tertial.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.Map;

/** One answer of {@code /prometheus}, read as Prometheus would: sample lines {@code name{labels} value}. */
record Scrape(int status, String contentType, String text) {

    static Scrape of(BlockingHttpClient http, String bearer) {
        MutableHttpRequest<?> request = HttpRequest.GET("/prometheus");
        if (bearer != null) {
            request.bearerAuth(bearer);
        }
        HttpResponse<String> response;
        try {
            response = http.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            response = (HttpResponse<String>) e.getResponse();
        }
        return new Scrape(response.code(), response.getContentType().map(Object::toString).orElse(""),
                response.getBody(String.class).orElse(""));
    }

    /** Whether a sample of this name (with any labels) is there. */
    boolean has(String name) {
        return text.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }

    /** The sum of the samples of {@code name} that carry all these labels (0 when none does). */
    double value(String name, Map<String, String> labels) {
        return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> labels.entrySet().stream()
                        .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
