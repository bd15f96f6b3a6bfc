package se.ange.tertial.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How Tertial presents itself to mail servers and whom it trusts ({@code tertial.mail.*}).
 *
 * @param hostname  the name in Message-IDs and in the SMTP greeting (EHLO), {@code TERTIAL_MAIL_HOSTNAME};
 *                  unset: the domain of {@code TERTIAL_MAIL_FROM}. Never {@code localhost}: receiving servers
 *                  score a {@code localhost} greeting as spam, and Message-IDs must be globally unique
 * @param trustedCa a PEM file with one or more CA certificates trusted for SMTP and IMAP besides the JVM's
 *                  own ({@code TERTIAL_MAIL_TRUSTED_CA}), for a municipality's internal CA
 */
@ConfigurationProperties("tertial.mail")
public record MailConnectionConfig(@Nullable String hostname, @Nullable String trustedCa) {

    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    /** The configured hostname, else the sender's domain; a clear error when that is no usable name. */
    public String effectiveHostname(String from) {
        String name = hostname != null && !hostname.isBlank() ? hostname.trim() : domainOf(from);
        String lower = name.toLowerCase(Locale.ROOT);
        if (!DNS_NAME.matcher(name).matches() || lower.equals("localhost") || lower.endsWith(".localhost")
                || lower.startsWith("localhost.") || lower.matches("[0-9.]+")) {
            throw new IllegalStateException("The mail hostname \"" + name + "\" (" + (hostname != null && !hostname.isBlank()
                    ? "TERTIAL_MAIL_HOSTNAME" : "the domain of TERTIAL_MAIL_FROM") + ") is not a DNS name other than "
                    + "localhost: set TERTIAL_MAIL_HOSTNAME to the service's own name, e.g. tertial.ange.se");
        }
        return name;
    }

    public boolean hasTrustedCa() {
        return trustedCa != null && !trustedCa.isBlank();
    }

    private static String domainOf(String from) {
        try {
            String address = new InternetAddress(from, false).getAddress();
            int at = address == null ? -1 : address.lastIndexOf('@');
            return at < 0 ? "" : address.substring(at + 1);
        } catch (AddressException e) {
            return "";
        }
    }
}
