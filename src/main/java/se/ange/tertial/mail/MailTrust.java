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
     * Session properties for a Jakarta Mail protocol ({@code smtp}, {@code smtps}, {@code imap}, {@code imaps}):
     * our trust for TLS and STARTTLS, and the server's name checked against its certificate.
     */
    Properties sessionProperties(String protocol) {
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".ssl.socketFactory", socketFactory());
        properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
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
            throw new IllegalStateException("TERTIAL_MAIL_TRUSTED_CA (" + config.trustedCa() + ") cannot be used: "
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
     * Whether a failure is the server's certificate not being trusted (unknown CA, expired, or not naming the
     * host), with the plain reason for the log and the outbox.
     */
    static Optional<String> untrusted(Throwable failure) {
        for (Throwable e = failure; e != null && e.getCause() != e; e = e.getCause()) {
            if (e instanceof CertPathValidatorException || e.getClass().getName().endsWith("SunCertPathBuilderException")) {
                return Optional.of("unknown certificate authority: " + e.getMessage());
            }
            if (e instanceof java.security.cert.CertificateExpiredException) {
                return Optional.of("expired: " + e.getMessage());
            }
            // Angus Mail's host name check (mail.*.ssl.checkserveridentity)
            if (e instanceof IOException && e.getMessage() != null
                    && e.getMessage().startsWith("Can't verify identity of server")) {
                return Optional.of("it does not name the host: " + e.getMessage());
            }
            if (e instanceof java.security.cert.CertificateException && e.getMessage() != null
                    && e.getMessage().startsWith("No subject alternative")) {
                return Optional.of("it does not name the host: " + e.getMessage());
            }
        }
        return Optional.empty();
    }
}
