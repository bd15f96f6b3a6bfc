package se.ange.tertial.chat.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the bearer JWT that Bot Framework (Teams) puts on every request to the bot's messaging endpoint.
 * The endpoint is public, so without this check anyone could post activities as "Teams" and make the bot
 * act or reply to a {@code serviceUrl} of their choosing. The checks follow Microsoft's connector
 * authentication spec
 * (<a href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication">Bot
 * Framework REST connector authentication</a>): RS256 signature by a key from the published OpenID metadata,
 * {@code iss}, {@code aud} = our app id, {@code exp}/{@code nbf} with some clock skew, the {@code serviceUrl}
 * claim matching the activity's, and the key's {@code endorsements} including the activity's channel.
 *
 * <p>Keys are fetched lazily and cached. Microsoft rotates keys, so a token with an unknown {@code kid}
 * triggers one re-fetch, at most once a minute so that forged tokens with random kids cannot make us hammer
 * the metadata endpoint. Keys older than a day are re-fetched on next use so that withdrawn keys stop working.
 * Any failure means "refuse" (empty), never an exception; the token itself is never logged.
 */
public class BotFrameworkTokens {

    /** What a verified request may be answered with: the Connector URL from the token and our app id. */
    public record Verified(String serviceUrl, String appId) {}

    static final String SERVICE_URL_CLAIM = "serviceurl";
    private static final Logger LOG = LoggerFactory.getLogger(BotFrameworkTokens.class);
    private static final Duration UNKNOWN_KID_REFETCH_INTERVAL = Duration.ofMinutes(1);
    private static final Duration MAX_KEY_AGE = Duration.ofHours(24);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private final TeamsSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final ReentrantLock fetchLock = new ReentrantLock();

    private volatile @Nullable KeySet cached;
    // guarded by fetchLock
    private @Nullable Instant lastFailure;
    private @Nullable Instant lastUnknownKidFetch;

    public BotFrameworkTokens(TeamsSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(HTTP_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * @param authorizationHeader the request's {@code Authorization} header
     * @param activityServiceUrl  the {@code serviceUrl} of the posted activity
     * @param activityChannelId   the {@code channelId} of the posted activity (e.g. {@code msteams})
     * @return the verified caller, or empty when the request must be refused
     */
    public Optional<Verified> verify(@Nullable String authorizationHeader, @Nullable String activityServiceUrl,
                                     @Nullable String activityChannelId) {
        try {
            return Optional.of(check(authorizationHeader, activityServiceUrl, activityChannelId));
        } catch (Refused e) {
            LOG.info("Teams request refused: {}", e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("Teams request refused: unexpected error while verifying the token", e);
            return Optional.empty();
        }
    }

    private Verified check(@Nullable String header, @Nullable String activityServiceUrl,
                           @Nullable String activityChannelId) throws Refused {
        String appId = settings.appId();
        if (appId == null || appId.isBlank()) {
            throw new Refused("no Teams app id configured");
        }
        String token = bearerToken(header);

        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new Refused("token is not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new Refused("algorithm " + jwt.getHeader().getAlgorithm() + " is not RS256");
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null || kid.isBlank()) {
            throw new Refused("token has no kid");
        }

        Instant now = clock.instant();
        SigningKey key = keyFor(kid, now);
        try {
            if (!jwt.verify(new RSASSAVerifier(key.key()))) {
                throw new Refused("bad signature");
            }
        } catch (JOSEException e) {
            throw new Refused("signature could not be checked: " + e.getMessage());
        }

        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refused("claims are not valid JSON");
        }
        if (!settings.issuer().equals(claims.getIssuer())) {
            throw new Refused("wrong issuer " + claims.getIssuer());
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(appId)) {
            throw new Refused("wrong audience " + audience);
        }
        Duration skew = settings.clockSkew() == null ? Duration.ZERO : settings.clockSkew();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new Refused("token has no exp");
        }
        if (now.isAfter(exp.toInstant().plus(skew))) {
            throw new Refused("expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.isBefore(nbf.toInstant().minus(skew))) {
            throw new Refused("not yet valid");
        }

        String claimedServiceUrl;
        try {
            // Bot Framework spells the claim in lower case ("serviceurl", AuthenticationConstants.ServiceUrlClaim)
            claimedServiceUrl = claims.getStringClaim(SERVICE_URL_CLAIM);
        } catch (ParseException e) {
            throw new Refused("serviceUrl claim is not a string");
        }
        if (claimedServiceUrl == null || activityServiceUrl == null
                || !normalizedUrl(claimedServiceUrl).equals(normalizedUrl(activityServiceUrl))) {
            throw new Refused("serviceUrl claim does not match the activity's serviceUrl");
        }

        // a key with endorsements signs only for those channels: an activity that names none is refused too
        if (key.endorsements() != null && (activityChannelId == null || activityChannelId.isBlank()
                || !key.endorsements().contains(activityChannelId))) {
            throw new Refused(activityChannelId == null || activityChannelId.isBlank()
                    ? "the activity names no channel, and the signing key is endorsed for " + key.endorsements()
                    : "signing key is not endorsed for channel " + activityChannelId);
        }
        return new Verified(claimedServiceUrl, appId);
    }

    private static String bearerToken(@Nullable String header) throws Refused {
        if (header == null) {
            throw new Refused("no Authorization header");
        }
        String trimmed = header.trim();
        if (!trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Refused("Authorization header is not Bearer");
        }
        String token = trimmed.substring(7).trim();
        if (token.isEmpty() || token.indexOf(' ') >= 0) {
            throw new Refused("malformed Bearer token");
        }
        return token;
    }

    /** Lower-case scheme and host, no trailing slash; path and query compared as they are. */
    private static String normalizedUrl(String url) throws Refused {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new Refused("serviceUrl is not an absolute URL");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                    + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            throw new Refused("serviceUrl is not a valid URL");
        }
    }

    // ---- keys -------------------------------------------------------------------------------------------

    private record SigningKey(RSAKey key, @Nullable Set<String> endorsements) {}

    private record KeySet(Map<String, SigningKey> byKid, Instant fetchedAt) {}

    private SigningKey keyFor(String kid, Instant now) throws Refused {
        KeySet keys = cached;
        boolean fetchedForThisRequest = false;
        if (keys == null || now.isAfter(keys.fetchedAt().plus(MAX_KEY_AGE))) {
            fetchLock.lock();
            try {
                keys = cached;
                if ((keys == null || now.isAfter(keys.fetchedAt().plus(MAX_KEY_AGE)))
                        && (lastFailure == null || !now.isBefore(lastFailure.plus(RETRY_AFTER_FAILURE)))) {
                    KeySet fetched = fetchKeys(now);
                    if (fetched != null) {
                        cached = keys = fetched;
                        fetchedForThisRequest = true;
                    } else {
                        lastFailure = now; // stale keys, if any, stay in use until a fetch works
                    }
                }
            } finally {
                fetchLock.unlock();
            }
            if (keys == null) {
                throw new Refused("Bot Framework signing keys unavailable");
            }
        }

        SigningKey key = keys.byKid().get(kid);
        if (key != null) {
            return key;
        }
        if (fetchedForThisRequest) {
            throw new Refused("unknown signing key " + kid);
        }
        fetchLock.lock();
        try {
            keys = cached;
            key = keys == null ? null : keys.byKid().get(kid); // another request may just have re-fetched
            if (key != null) {
                return key;
            }
            if (lastUnknownKidFetch != null && now.isBefore(lastUnknownKidFetch.plus(UNKNOWN_KID_REFETCH_INTERVAL))) {
                throw new Refused("unknown signing key " + kid + " (keys re-fetched less than a minute ago)");
            }
            lastUnknownKidFetch = now;
            KeySet fetched = fetchKeys(now);
            if (fetched == null) {
                throw new Refused("unknown signing key " + kid + " and re-fetching keys failed");
            }
            cached = fetched;
            key = fetched.byKid().get(kid);
        } finally {
            fetchLock.unlock();
        }
        if (key == null) {
            throw new Refused("unknown signing key " + kid);
        }
        return key;
    }

    /** OpenID metadata → {@code jwks_uri} → keys by kid with their endorsements; null (logged) on failure. */
    private @Nullable KeySet fetchKeys(Instant now) {
        String metadataUrl = settings.openidMetadataUrl();
        try {
            Map<String, Object> metadata = JSONObjectUtils.parse(get(metadataUrl));
            String jwksUri = JSONObjectUtils.getString(metadata, "jwks_uri");
            if (jwksUri == null) {
                LOG.warn("Bot Framework OpenID metadata at {} has no jwks_uri", metadataUrl);
                return null;
            }
            // Parsed by hand rather than with JWKSet.parse: nimbus drops the non-standard "endorsements" member.
            Map<String, Object> jwks = JSONObjectUtils.parse(get(jwksUri));
            Map<String, Object>[] entries = JSONObjectUtils.getJSONObjectArray(jwks, "keys");
            Map<String, SigningKey> byKid = new HashMap<>();
            if (entries != null) {
                for (Map<String, Object> entry : entries) {
                    try {
                        JWK jwk = JWK.parse(entry);
                        if (jwk instanceof RSAKey rsa && rsa.getKeyID() != null) {
                            List<String> endorsements = JSONObjectUtils.getStringList(entry, "endorsements");
                            byKid.put(rsa.getKeyID(), new SigningKey(rsa.toPublicJWK(),
                                    endorsements == null ? null : Set.copyOf(endorsements)));
                        }
                    } catch (ParseException | RuntimeException e) {
                        LOG.warn("Skipping unreadable key in Bot Framework JWKS {}: {}", jwksUri, e.getMessage());
                    }
                }
            }
            if (byKid.isEmpty()) {
                LOG.warn("Bot Framework JWKS at {} holds no usable RSA keys", jwksUri);
                return null;
            }
            LOG.debug("Fetched {} Bot Framework signing keys from {}", byKid.size(), jwksUri);
            return new KeySet(Map.copyOf(byKid), now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while fetching Bot Framework signing keys");
            return null;
        } catch (IOException | ParseException | RuntimeException e) {
            LOG.warn("Could not fetch Bot Framework signing keys via {}: {}", metadataUrl, e.toString());
            return null;
        }
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(HTTP_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + url);
        }
        return response.body();
    }

    /** A refusal with its reason; no stack trace, it is control flow. */
    private static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
