package se.ange.tertial.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away CA and a server certificate it signed for {@code localhost} (not for 127.0.0.1), made with the
 * JDK's keytool at test time, and GreenMail's SMTPS/IMAPS set to present it. GreenMail reads its key store once
 * per JVM, so every test shares this one.
 */
public final class TestPki {

    private static final String PASSWORD = "test-only-store-password";
    private static TestPki instance;

    /** The CA's certificate as a PEM file (what TERTIAL_MAIL_TRUSTED_CA points to). */
    public final Path caPem;
    /** Another CA that signed nothing here: trusting it must not help. */
    public final Path otherCaPem;

    private TestPki(Path dir) throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.p12");
        Path other = dir.resolve("other.p12");
        Path server = dir.resolve("server.p12");
        caPem = dir.resolve("ca.pem");
        otherCaPem = dir.resolve("other-ca.pem");
        Path csr = dir.resolve("server.csr");
        Path serverPem = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Tertial Test CA",
                "-ext", "bc:c", "-validity", "3", "-keystore", ca.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caPem.toString());
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Some Other CA",
                "-ext", "bc:c", "-validity", "3", "-keystore", other.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", other.toString(), "-file", otherCaPem.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "3", "-keystore", server.toString());
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-file", csr.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-infile", csr.toString(), "-outfile",
                serverPem.toString(), "-rfc", "-ext", "san=dns:localhost", "-ext", "eku=serverAuth", "-validity", "3");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", server.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", serverPem.toString(), "-keystore", server.toString());
        System.setProperty("greenmail.tls.keystore.file", server.toString());
        System.setProperty("greenmail.tls.keystore.password", PASSWORD);
        System.setProperty("greenmail.tls.key.password", PASSWORD);
    }

    public static synchronized TestPki get() {
        if (instance == null) {
            try {
                instance = new TestPki(Files.createTempDirectory("tertial-pki"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", arguments) + ": " + output);
        }
    }
}
