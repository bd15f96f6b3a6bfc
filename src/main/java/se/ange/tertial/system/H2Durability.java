package se.ange.tertial.system;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded H2 file database writes each commit to its file before the commit returns ({@code WRITE_DELAY=0}).
 * H2 2.x otherwise keeps commits in memory for up to 500 ms: after a kill -9 a mail already handed to the SMTP
 * server would still be PENDING and go out again. Added to any H2 file URL that does not set it (e.g. one given in
 * {@code DATASOURCES_DEFAULT_URL}); PostgreSQL makes commits durable itself.
 */
@Singleton
class H2Durability implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(H2Durability.class);

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getUrl() == null ? configuration.getJdbcUrl() : configuration.getUrl();
        String durable = durable(url);
        if (!durable.equals(url)) {
            configuration.setUrl(durable);
        } else if (DataDirectory.h2File(url).isPresent() && !url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=0")) {
            LOG.warn("The H2 URL sets its own WRITE_DELAY: commits made shortly before a crash may be lost and "
                    + "their mails sent again");
        }
        return configuration;
    }

    /** The URL with {@code ;WRITE_DELAY=0} when it is an H2 file database that does not choose a delay. */
    static String durable(String url) {
        if (url == null || DataDirectory.h2File(url).isEmpty() || url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }
}
