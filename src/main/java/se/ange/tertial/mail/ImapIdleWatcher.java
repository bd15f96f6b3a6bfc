package se.ange.tertial.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.event.ApplicationStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one connection to the reply mailbox in IMAP IDLE, so a reply is handled seconds after it arrives
 * instead of at the next poll. When the server announces mail the {@link ImapPoller} runs at once. The
 * IDLE is renewed every {@code idle-renew} (servers end it after about 30 minutes); a lost connection is
 * reopened after {@code reconnect-first}, doubling with each failure in a row up to {@code reconnect-max}, and
 * back to the first once a connection has reached IDLE. A server without IDLE leaves the poller alone to do
 * the work.
 */
@Singleton
@Requires(property = "tertial.mail.imap.host", pattern = ".+")
@Requires(property = "tertial.mail.imap.idle", notEquals = "false")
public class ImapIdleWatcher implements ApplicationEventListener<ApplicationStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ImapIdleWatcher.class);
    private final ImapConfig config;
    private final Backoff reconnect;
    private final ImapPoller poller;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "tertial-imap-idle-renew");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;
    private volatile boolean idling;
    private volatile Thread watcher;
    private volatile Store store;

    ImapIdleWatcher(ImapConfig config, ImapPoller poller) {
        this.config = config;
        this.reconnect = new Backoff(config.reconnectFirst(), config.reconnectMax());
        this.poller = poller;
    }

    @Override
    public void onApplicationEvent(ApplicationStartupEvent event) {
        running = true;
        watcher = new Thread(this::watch, "tertial-imap-idle");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** True while a connection is waiting in IDLE (for tests and health). */
    public boolean idling() {
        return idling;
    }

    private void watch() {
        int failures = 0;
        while (running) {
            try (Store connected = poller.connect(config.idleRenew().toMillis() + config.timeoutMillis())) {
                store = connected;
                if (!(connected instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
                    LOG.info("Reply mailbox {} offers no IMAP IDLE: replies are read by polling", config.host());
                    return;
                }
                IMAPFolder inbox = (IMAPFolder) connected.getFolder(config.folder());
                inbox.open(Folder.READ_ONLY);
                // NOOP from another thread ends the IDLE; the loop then starts a fresh one
                ScheduledFuture<?> renewal = renewer.scheduleAtFixedRate(() -> noop(inbox),
                        config.idleRenew().toMillis(), config.idleRenew().toMillis(), TimeUnit.MILLISECONDS);
                try {
                    poller.pollOnce();
                    while (running && inbox.isOpen()) {
                        idling = true;
                        failures = 0; // a good connection: the next loss is retried soon again
                        inbox.idle(true);
                        idling = false;
                        if (running) {
                            poller.pollOnce();
                        }
                    }
                } finally {
                    idling = false;
                    renewal.cancel(false);
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                if (running) {
                    java.time.Duration pause = reconnect.after(++failures);
                    LOG.warn("IMAP IDLE on {} stopped ({}); reconnecting in {} (failure {} in a row)", config.host(),
                            e.getMessage(), pause, failures);
                    pause(pause.toMillis());
                }
            }
        }
    }

    private static void noop(IMAPFolder inbox) {
        try {
            inbox.doCommand(protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("IDLE renewal failed: {}", e.getMessage());
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        renewer.shutdownNow();
        Store current = store;
        if (current != null) {
            try {
                current.close();
            } catch (MessagingException e) {
                LOG.debug("Closing the IDLE connection: {}", e.getMessage());
            }
        }
        Thread thread = watcher;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
