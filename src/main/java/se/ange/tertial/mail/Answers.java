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
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.org.Person;

/**
 * Short answers to e-mail replies, written to the outbox (so SMTP failures are retried) in the person's
 * language: a confirmation of what was recorded, a friendly "how to answer", an answer to a reply that
 * cannot be used (an expired reminder, someone else's, none at all), or a notice to the owner that a reply
 * in their name was rejected. Chat is mentioned only when the person can use it.
 */
@Singleton
class Answers {

    /** One recorded report, for the confirmation. */
    record Recorded(ActivityView activity, String statusLabel, String tertial, String comment,
                    @io.micronaut.core.annotation.Nullable Integer cutFrom) {

        Recorded(ActivityView activity, String statusLabel, String tertial, String comment) {
            this(activity, statusLabel, tertial, comment, null);
        }
    }

    /** How much of a long comment the confirmation repeats. */
    private static final int SHOWN_COMMENT = 500;

    /** Why a known person's reply could not be used. */
    enum Unusable {
        /** The reminder's reply tag has expired. */
        EXPIRED,
        /** The reminder went to someone else (not to the sender, nor to someone they are deputy for). */
        FOREIGN,
        /** No (valid) reply tag: we cannot tell which reminder it answers. */
        NO_REMINDER
    }

    private final OutboxRepository outbox;
    private final ActivityCatalog catalog;
    private final ChatChannels chats;
    private final Clock clock;

    Answers(OutboxRepository outbox, ActivityCatalog catalog, ChatChannels chats, Clock clock) {
        this.outbox = outbox;
        this.catalog = catalog;
        this.chats = chats;
        this.clock = clock;
    }

    void confirm(Person to, long inboundMailId, String inReplyTo, String tertial, List<Recorded> recorded) {
        ResourceBundle t = texts(to);
        StringBuilder body = new StringBuilder(format(t, "recorded.intro", MailTemplates.firstName(to.name()))).append("\n\n");
        for (Recorded r : recorded) {
            body.append(format(t, "recorded.line", r.activity().ref(), r.activity().activity().title(), r.statusLabel(),
                    r.tertial(), r.comment().isBlank() ? "" : format(t, "recorded.comment", shown(r.comment()))))
                    .append('\n');
            if (r.cutFrom() != null) {
                Locale locale = t.getLocale() == null || t.getLocale().getLanguage().isEmpty() ? Locale.forLanguageTag("sv") : t.getLocale();
                body.append("  ").append(format(t, "recorded.cut", String.format(locale, "%,d", r.cutFrom()),
                        String.format(locale, "%,d", se.ange.tertial.system.Limits.COMMENT))).append('\n');
            }
        }
        String chat = chats.phrase(to);
        body.append('\n').append(chat == null ? t.getString("recorded.outro") : format(t, "recorded.outro.chat", chat))
                .append('\n').append(t.getString("footer"));
        enqueue(to, MessageKind.ANSWER, "ANSWER/" + inboundMailId, format(t, "recorded.subject", tertial), body, inReplyTo);
    }

    private static String shown(String comment) {
        if (comment.length() <= SHOWN_COMMENT) {
            return comment;
        }
        int end = Character.isHighSurrogate(comment.charAt(SHOWN_COMMENT - 1)) ? SHOWN_COMMENT - 1 : SHOWN_COMMENT;
        return comment.substring(0, end).stripTrailing() + " …";
    }

    void help(Person to, long inboundMailId, String inReplyTo, String tertial, String problem,
              List<ReplyParser.Line> understood, List<ActivityView> activities) {
        ResourceBundle t = texts(to);
        StringBuilder body = new StringBuilder(format(t, "help.intro", MailTemplates.firstName(to.name()),
                sentencePart(problem))).append("\n\n");
        if (!understood.isEmpty()) {
            body.append(t.getString("help.understood")).append('\n');
            understood.forEach(line -> body.append("- ").append(line.ref()).append(": ")
                    .append(line.status().label(to.language())).append('\n'));
            body.append('\n');
        }
        String example = activities.isEmpty() ? exampleRef(to) : activities.get(0).ref();
        body.append(format(t, activities.size() == 1 ? "help.howto.single" : "help.howto", example)).append("\n\n");
        body.append(t.getString("statuses")).append("\n\n");
        appendChat(body, t, to, example);
        if (activities.size() > 1) {
            body.append(t.getString("help.activities")).append('\n');
            activities.forEach(a -> body.append("- ").append(a.ref()).append(' ').append(a.activity().title()).append('\n'));
        }
        body.append(t.getString("footer"));
        enqueue(to, MessageKind.ANSWER, "ANSWER/" + inboundMailId, format(t, "help.subject", tertial), body, inReplyTo);
    }

    /**
     * A known person's reply that cannot be used: nothing was recorded, why, and how to answer now.
     * {@code tertial} and {@code sentTo} (whose reminder it was) are known only when the reply tag was valid.
     */
    void unusable(Person to, long inboundMailId, String inReplyTo, Unusable why, String tertial, String sentTo,
                  List<String> refs) {
        ResourceBundle t = texts(to);
        String example = refs.stream().filter(ref -> catalog.byRef(ref).filter(v -> v.isOwnedBy(to.email())).isPresent())
                .findFirst().orElseGet(() -> exampleRef(to));
        StringBuilder body = new StringBuilder(format(t, "greeting", MailTemplates.firstName(to.name()))).append("\n\n")
                .append(format(t, "unusable." + why.name(), tertial == null ? "" : tertial,
                        sentTo == null ? "" : sentTo)).append("\n\n")
                .append(format(t, "unusable.howto", example)).append("\n\n")
                .append(t.getString("statuses")).append("\n\n");
        appendChat(body, t, to, example);
        body.append(t.getString("unusable.stab")).append('\n').append(t.getString("footer"));
        String subject = tertial == null ? t.getString("unusable.subject") : format(t, "unusable.subject.tertial", tertial);
        enqueue(to, MessageKind.ANSWER, "ANSWER/" + inboundMailId, subject, body, inReplyTo);
    }

    void noticeRejected(Person owner, long inboundMailId, String tertial, String sender, boolean authFailed) {
        ResourceBundle t = texts(owner);
        String reason = t.getString(authFailed ? "notice.auth" : "notice.sender");
        StringBuilder body = new StringBuilder(format(t, "notice.body", MailTemplates.firstName(owner.name()), tertial,
                sender, reason)).append('\n').append(t.getString("footer"));
        enqueue(owner, MessageKind.NOTICE, "NOTICE/" + inboundMailId, format(t, "notice.subject", tertial), body, null);
    }

    private void appendChat(StringBuilder body, ResourceBundle t, Person to, String example) {
        String chat = chats.phrase(to);
        if (chat != null) {
            body.append(format(t, "chat", chat, example)).append("\n\n");
        }
    }

    /** One of the person's own activities for an example, else a plan activity's reference. */
    private String exampleRef(Person person) {
        return catalog.heldBy(java.util.List.of(person.id())).stream().map(ActivityView::ref)
                .findFirst().orElse("KS2024-017");
    }

    /** A problem as the end of a sentence: no trailing full stop, lower case unless it starts with a name or ref. */
    static String sentencePart(String problem) {
        String text = problem == null ? "" : problem.strip();
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))
                && !text.startsWith("Slack") && !text.startsWith("Teams")) {
            text = Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
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
