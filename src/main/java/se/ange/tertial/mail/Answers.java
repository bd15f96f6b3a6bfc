package se.ange.tertial.mail;

import jakarta.inject.Singleton;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import se.ange.tertial.followup.Language;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;

/**
 * Short answers to e-mail replies, written to the outbox (so SMTP failures are retried) in the person's
 * language: a confirmation of what was recorded, a friendly "how to answer", or a notice to the owner
 * that a reply in their name was rejected.
 */
@Singleton
class Answers {

    /** One recorded report, for the confirmation. */
    record Recorded(ActivityView activity, String statusLabel, String tertial, String comment) {
    }

    private final OutboxRepository outbox;
    private final Clock clock;

    Answers(OutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    void confirm(Person to, long inboundMailId, String inReplyTo, String tertial, List<Recorded> recorded) {
        ResourceBundle t = texts(to);
        StringBuilder body = new StringBuilder(format(t, "recorded.intro", to.name())).append("\n\n");
        for (Recorded r : recorded) {
            body.append(format(t, "recorded.line", r.activity().ref(), r.activity().activity().title(), r.statusLabel(),
                    r.tertial(), r.comment().isBlank() ? "" : format(t, "recorded.comment", r.comment()))).append('\n');
        }
        body.append('\n').append(t.getString("recorded.outro")).append('\n').append(t.getString("footer"));
        enqueue(to, MessageKind.ANSWER, "ANSWER/" + inboundMailId, format(t, "recorded.subject", tertial), body, inReplyTo);
    }

    void help(Person to, long inboundMailId, String inReplyTo, String tertial, String problem,
              List<ReplyParser.Line> understood, List<ActivityView> activities) {
        ResourceBundle t = texts(to);
        StringBuilder body = new StringBuilder(format(t, "help.intro", to.name(), problem)).append("\n\n");
        if (understood.isEmpty()) {
            body.append(t.getString("help.nothing")).append("\n\n");
        } else {
            body.append(t.getString("help.understood")).append('\n');
            understood.forEach(line -> body.append("- ").append(line.ref()).append(": ")
                    .append(line.status().label(to.language())).append('\n'));
            body.append('\n');
        }
        String example = activities.isEmpty() ? "KS2024-017" : activities.get(0).ref();
        body.append(format(t, "help.howto", example)).append("\n\n");
        if (!activities.isEmpty()) {
            body.append(t.getString("help.activities")).append('\n');
            activities.forEach(a -> body.append("- ").append(a.ref()).append(' ').append(a.activity().title()).append('\n'));
        }
        body.append(t.getString("footer"));
        enqueue(to, MessageKind.ANSWER, "ANSWER/" + inboundMailId, format(t, "help.subject", tertial), body, inReplyTo);
    }

    void noticeRejected(Person owner, long inboundMailId, String tertial, String sender, boolean authFailed) {
        ResourceBundle t = texts(owner);
        String reason = t.getString(authFailed ? "notice.auth" : "notice.sender");
        StringBuilder body = new StringBuilder(format(t, "notice.body", owner.name(), tertial, sender, reason))
                .append('\n').append(t.getString("footer"));
        enqueue(owner, MessageKind.NOTICE, "NOTICE/" + inboundMailId, format(t, "notice.subject", tertial), body, null);
    }

    private void enqueue(Person to, MessageKind kind, String key, String subject, StringBuilder body, String inReplyTo) {
        outbox.save(OutboxMessage.prepared(to.id(), kind, key, subject, body.toString(), inReplyTo,
                LocalDate.now(clock), clock.instant()));
    }

    private static ResourceBundle texts(Person person) {
        return ResourceBundle.getBundle("mail.answers",
                person.language() == Language.EN ? Locale.ENGLISH : Locale.forLanguageTag("sv"));
    }

    private static String format(ResourceBundle texts, String key, Object... arguments) {
        return new MessageFormat(texts.getString(key), Locale.ROOT).format(arguments);
    }
}
