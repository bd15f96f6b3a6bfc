package se.ange.tertial.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

/**
 * The caller's address: the connection's, or behind a reverse proxy named by
 * {@code micronaut.server.client-address-header} the last entry of that header (the one our proxy added —
 * earlier entries are the client's own words, so it could pick a fresh address each time).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpRequest<?> request, @Nullable String addressHeader) {
        String forwarded = addressHeader == null ? null : request.getHeaders().get(addressHeader);
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
