package se.ange.tertial.register.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.system.DataDirectory;

/**
 * So that a newcomer can log in without any fixed default password: on the first start, when no bootstrap
 * token is configured and no API token exists, an admin token is generated and written to a file only the
 * service's user may read. The log says where, never what.
 */
@Singleton
class FirstStartToken {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStartToken.class);
    static final String NAME = "first-start-admin";
    static final String FILE = "first-admin-token";

    private final SecurityConfig config;
    private final ApiTokenRepository repository;
    private final ApiTokens tokens;
    private final Path dataDir;

    FirstStartToken(SecurityConfig config, ApiTokenRepository repository, ApiTokens tokens,
                    @Value("${tertial.data-dir:./data}") String dataDir) {
        this.config = config;
        this.repository = repository;
        this.tokens = tokens;
        this.dataDir = Path.of(dataDir);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        boolean bootstrapSet = config.bootstrapAdminToken() != null && !config.bootstrapAdminToken().isBlank();
        if (!config.firstStartToken() || bootstrapSet || repository.count() > 0) {
            return;
        }
        ApiTokens.Created created = tokens.create(NAME, Role.ADMIN, null, Actor.system("first-start"));
        Path file = dataDir.resolve(FILE);
        try {
            // 0700 directory; the file is written to a temporary file created 0600 and moved into place
            // atomically, so it never exists with wider rights nor half-written
            DataDirectory.ensurePrivateDirectory(dataDir);
            DataDirectory.writePrivate(file,
                    out -> out.write((created.secret() + System.lineSeparator()).getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first admin token to " + file, e);
        }
        LOG.warn("First start: an admin API token was written to {}. Use it as 'Authorization: Bearer <token>', "
                + "create your own tokens with POST /api/tokens, then revoke '{}' and delete the file.",
                file.toAbsolutePath(), NAME);
    }
}
