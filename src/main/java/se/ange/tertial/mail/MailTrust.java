package se.ange.tertial.mail;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates SMTP and IMAP trust: the JVM's own CAs plus those in {@code TERTIAL_MAIL_TRUSTED_CA} (a
 * municipality's internal CA). Certificates are always checked, chain and host name; nothing is trusted blindly.
 */
@Singleton
class MailTrust {

    private final MailConnectionConfig config;
    private volatile SSLSocketFactory factory;

    MailTrust(MailConnectionConfig config) {
        this.config = config;
    }

    /** The socket factory for TLS; read once, so a bad bundle fails every attempt with the same clear error. */
    SSLSocketFactory socketFactory() {
        if (factory == null) {
            synchronized (this) {
                if (factory == null) {
                    factory = build();
                }
            }
        }
        return factory;
    }

    /**
     * Session settings for a Jakarta Mail protocol ({@code smtp}, {@code smtps}, {@code imap}, {@code imaps}): the
     * server's name checked against its certificate, and no second try without our factory (Jakarta Mail's
     * fallback would report the JVM-only trust's error instead of the real one). All strings, so they survive
     * Simple Java Mail's {@code withProperty}; the factory itself is {@link #socketFactory()}.
     */
    Properties checks(String protocol) {
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        properties.put("mail." + protocol + ".socketFactory.fallback", "false");
        return properties;
    }

    private SSLSocketFactory build() {
        try {
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            if (!config.hasTrustedCa()) {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, defaults.getTrustManagers(), null);
                return context.getSocketFactory();
            }
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (var manager : defaults.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (X509Certificate ca : x509.getAcceptedIssuers()) {
                        anchors.setCertificateEntry("jvm-" + n++, ca);
                    }
                }
            }
            for (Certificate ca : readBundle(Path.of(config.trustedCa()))) {
                anchors.setCertificateEntry("tertial-" + n++, ca);
            }
            TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            combined.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, combined.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new UnusableBundle("TERTIAL_MAIL_TRUSTED_CA (" + config.trustedCa() + ") cannot be used: "
                    + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> readBundle(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new CertificateException("no PEM certificate in the file");
            }
            return certificates;
        }
    }

    /**
     * A failure that is the server's certificate not being accepted, said plainly with what to do: an unknown or
     * expired CA, or a certificate for another name. {@code service} is SMTP or IMAP, {@code hostSetting} the
     * variable naming the host.
     */
    static Optional<String> untrusted(Throwable failure, String service, String host, String hostSetting) {
        for (Throwable e = failure; e != null && e.getCause() != e; e = e.getCause()) {
            String message = String.valueOf(e.getMessage());
            if (e instanceof CertPathValidatorException || e.getClass().getName().endsWith("SunCertPathBuilderException")
                    || e instanceof java.security.cert.CertificateExpiredException) {
                return Optional.of(service + " server certificate is not trusted (" + host + ": " + message
                        + "): set TERTIAL_MAIL_TRUSTED_CA to the CA's PEM bundle");
            }
            // the JDK's and Angus Mail's host name checks (mail.*.ssl.checkserveridentity)
            if (message.startsWith("No subject alternative") || message.startsWith("No name matching")
                    || message.startsWith("Can't verify identity of server")) {
                return Optional.of(service + " server certificate does not name the host (" + host + ": " + message
                        + "): set " + hostSetting + " to a name the certificate is for");
            }
        }
        return Optional.empty();
    }

    /** The PEM bundle cannot be read: every attempt fails with this, until the file is mended. */
    static final class UnusableBundle extends IllegalStateException {
        UnusableBundle(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
