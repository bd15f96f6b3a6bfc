package se.ange.tertial.mail;

import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the receiving server found the sender's authentication wanting. Only {@code Authentication-Results}
 * headers stamped by the municipality's own receiving server count ({@code tertial.mail.trusted-authserv-id};
 * unset, the topmost header's authserv-id, since a server adds its header above those already there). Headers
 * with any other authserv-id, and every {@code ARC-Authentication-Results}, were possibly written by the sender
 * and are ignored. A reply is refused when:
 * <ul>
 *   <li>DMARC is {@code fail}, {@code permerror} or {@code temperror};</li>
 *   <li>SPF or DKIM is {@code fail} (even beside a DMARC {@code pass}, as before);</li>
 *   <li>SPF or DMARC is {@code softfail} and {@code tertial.mail.softfail-refuses} is set.</li>
 * </ul>
 */
@Singleton
public class SenderAuthentication {

    private static final Set<String> DMARC_REFUSED = Set.of("fail", "permerror", "temperror");

    private final MailConfig config;

    SenderAuthentication(MailConfig config) {
        this.config = config;
    }

    public boolean failed(MimeMessage message) {
        try {
            String[] headers = message.getHeader("Authentication-Results");
            return headers != null && failed(Arrays.asList(headers));
        } catch (MessagingException e) {
            return false;
        }
    }

    /** The headers' values, topmost first. */
    boolean failed(List<String> headers) {
        List<AuthenticationResults> all = headers.stream().map(AuthenticationResults::parse)
                .flatMap(Optional::stream).toList();
        if (all.isEmpty()) {
            return false;
        }
        Set<String> trusted = trustedIds().orElse(Set.of(all.get(0).authservId()));
        List<AuthenticationResults.Result> counted = all.stream().filter(h -> trusted.contains(h.authservId()))
                .flatMap(h -> h.results().stream()).toList();
        List<String> dmarc = results(counted, "dmarc");
        List<String> spf = results(counted, "spf");
        List<String> dkim = results(counted, "dkim");
        if (dmarc.stream().anyMatch(DMARC_REFUSED::contains)) {
            return true;
        }
        if (config.softfailRefuses() && (dmarc.contains("softfail") || spf.contains("softfail"))) {
            return true;
        }
        return spf.contains("fail") || dkim.contains("fail");
    }

    private Optional<Set<String>> trustedIds() {
        if (config.trustedAuthservId() == null) {
            return Optional.empty();
        }
        Set<String> ids = config.trustedAuthservId().stream().filter(Objects::nonNull)
                .flatMap(id -> Arrays.stream(id.split(","))).map(id -> id.trim().toLowerCase(Locale.ROOT))
                .filter(id -> !id.isEmpty()).collect(Collectors.toSet());
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids);
    }

    private static List<String> results(List<AuthenticationResults.Result> results, String method) {
        return results.stream().filter(r -> r.method().equals(method)).map(AuthenticationResults.Result::result)
                .toList();
    }
}
