package se.ange.tertial.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.Map;

/**
 * A thin test client calling with a bearer token (none when null): every call returns the response,
 * whatever its status; bodies are JSON maps.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public record Api(BlockingHttpClient http, String token) {

    /** The bootstrap admin token of application-test.yml. */
    public static final String BOOTSTRAP_ADMIN = "test-bootstrap-admin-token";

    public Api as(String otherToken) {
        return new Api(http, otherToken);
    }

    /** Creates an API token with a role (and a person, for owners and managers) and returns a client using it. */
    public Api withNewToken(String name, String role, String personEmail) {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("name", name, "role", role));
        if (personEmail != null) {
            request.put("person", personEmail);
        }
        HttpResponse<Map> created = as(BOOTSTRAP_ADMIN).postJson("/api/tokens", request);
        if (created.code() != 201) {
            throw new AssertionError("token not created: " + created.code() + " " + created.getBody(Map.class));
        }
        return as((String) body(created).get("token"));
    }

    public HttpResponse<Map> exchange(HttpRequest<?> request) {
        MutableHttpRequest<?> authorized = (MutableHttpRequest<?>) request;
        if (token != null) {
            authorized.bearerAuth(token);
        }
        try {
            return http.exchange(authorized, Argument.of(Map.class), Argument.of(Map.class));
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
        MutableHttpRequest<?> request = HttpRequest.GET(uri);
        if (token != null) {
            request.bearerAuth(token);
        }
        return http.retrieve(request, type);
    }
}
