package se.ange.tertial.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode: the same Bolt app, but Tertial opens a WebSocket to Slack instead of Slack calling
 * {@code /slack/events}, for municipalities that cannot expose an inbound HTTPS endpoint.
 */
@Singleton
@Requires(property = "tertial.slack.app-token", pattern = ".+")
@Requires(bean = App.class)
class SlackSocketMode {

    private static final Logger LOG = LoggerFactory.getLogger(SlackSocketMode.class);

    private final App app;
    private final SlackSettings settings;
    private SocketModeApp socketMode;

    SlackSocketMode(App app, SlackSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    @EventListener
    void start(StartupEvent event) throws Exception {
        socketMode = new SocketModeApp(settings.appToken(), app);
        socketMode.startAsync();
        LOG.info("Slack Socket Mode connected");
    }

    @EventListener
    void stop(ShutdownEvent event) throws Exception {
        if (socketMode != null) {
            socketMode.stop();
        }
    }
}
