package se.ange.tertial.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.Map;

/** A thin test client: every call returns the response, whatever its status; bodies are JSON maps. */
@SuppressWarnings({"rawtypes", "unchecked"})
public record Api(BlockingHttpClient http) {

    public HttpResponse<Map> exchange(HttpRequest<?> request) {
        try {
            return http.exchange(request, Argument.of(Map.class), Argument.of(Map.class));
        } catch (HttpClientResponseException e) {
            return (HttpResponse<Map>) e.getResponse();
        }
    }

    public HttpResponse<Map> get(String uri) {
        return exchange(HttpRequest.GET(uri));
    }

    public HttpResponse<Map> postCsv(String uri, String csv) {
        return exchange(HttpRequest.POST(uri, csv).contentType("text/csv"));
    }

    public HttpResponse<Map> postJson(String uri, Object body) {
        return exchange(HttpRequest.POST(uri, body));
    }

    public static Map<String, Object> body(HttpResponse<Map> response) {
        return response.getBody(Map.class).orElseThrow(() -> new AssertionError("no body, status " + response.code()));
    }

    public <T> T retrieve(String uri, Argument<T> type) {
        return http.retrieve(HttpRequest.GET(uri), type);
    }
}
