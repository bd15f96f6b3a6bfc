package se.ange.tertial.support;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.HashMap;
import java.util.Map;

/**
 * A real mail server for tests (GreenMail on free loopback ports): SMTP for what Tertial sends, and with
 * IMAP the service's reply mailbox {@code tertial@ange.example}, with the settings that point Tertial at it.
 */
public final class MailServer {

    public static final String MAILBOX = "tertial@ange.example";

    public final GreenMail greenMail;
    public final GreenMailUser mailbox;
    private final Map<String, String> properties = new HashMap<>();

    private MailServer(boolean imap) {
        int smtp = Ports.free();
        properties.put("tertial.mail.smtp.host", "127.0.0.1");
        properties.put("tertial.mail.smtp.port", String.valueOf(smtp));
        properties.put("tertial.mail.reply-address", MAILBOX);
        if (imap) {
            int imapPort = Ports.free();
            greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            properties.put("tertial.mail.imap.host", "127.0.0.1");
            properties.put("tertial.mail.imap.port", String.valueOf(imapPort));
            properties.put("tertial.mail.imap.protocol", "imap");
            properties.put("tertial.mail.imap.username", "tertial");
            properties.put("tertial.mail.imap.password", "mailbox-password");
            // tests poll (or IDLE) themselves: no scheduled poll can pick up a reply while a test runs
            properties.put("tertial.mail.imap.poll-interval", "1h");
            properties.put("tertial.mail.imap.poll-initial-delay", "1h");
        } else {
            greenMail = new GreenMail(new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        }
        greenMail.start();
        mailbox = imap ? greenMail.setUser(MAILBOX, "tertial", "mailbox-password") : null;
    }

    public static MailServer smtp() {
        return new MailServer(false);
    }

    public static MailServer smtpAndImap() {
        return new MailServer(true);
    }

    /** The settings pointing Tertial at this server, to add to a test's properties. */
    public Map<String, String> properties() {
        return new HashMap<>(properties);
    }

    public void stop() {
        greenMail.stop();
    }
}
