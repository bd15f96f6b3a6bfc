package se.ange.tertial.mail;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import io.micronaut.transaction.TransactionOperations;
import java.io.IOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.notify.ReminderItemRepository;
import se.ange.tertial.notify.ReminderItemRow;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Callers;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.Reporting;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemException;

/**
 * Handles one received reply, from IMAP or the HTTP intake: keeps it as it arrived (its own commit, see
 * {@link InboundMailStore}), then, in a second transaction, trusts it only with a valid reply token from the
 * token's person (or their deputy) and no failed SPF/DKIM/DMARC, reads the statuses and records them (channel
 * email), and answers. A handling that fails leaves the kept mail PENDING, to be handled again from its stored
 * bytes ({@link InboundRetry}). Idempotent on Message-ID: a mail kept before is never recorded or answered twice.
 */
@Singleton
public class InboundMailProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMailProcessor.class);
    private static final Session SESSION = Session.getInstance(new Properties());
    /** The status report's comment column. */

    /** What happened, for the HTTP intake's answer and the logs. */
    @io.micronaut.serde.annotation.Serdeable
    public record Result(InboundOutcome outcome, @Nullable String detail, List<String> recorded) {
    }

    private final InboundMailRepository mails;
    private final ReplyTokens tokens;
    private final PersonRepository people;
    private final ReminderItemRepository items;
    private final Reporting reporting;
    private final Callers callers;
    private final Answers answers;
    private final AuditLog audit;
    private final SenderAuthentication authentication;
    private final Clock clock;
    private final InboundMailStore store;
    private final TransactionOperations<Connection> transactions;
    private final MailMetrics metrics;

    InboundMailProcessor(InboundMailRepository mails, ReplyTokens tokens, PersonRepository people,
                         ReminderItemRepository items, Reporting reporting, Callers callers, Answers answers,
                         AuditLog audit, SenderAuthentication authentication, Clock clock, InboundMailStore store,
                         TransactionOperations<Connection> transactions, MailMetrics metrics) {
        this.mails = mails;
        this.tokens = tokens;
        this.people = people;
        this.items = items;
        this.reporting = reporting;
        this.callers = callers;
        this.answers = answers;
        this.audit = audit;
        this.authentication = authentication;
        this.clock = clock;
        this.store = store;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /**
     * Keeps the mail, then handles it. Throws only when the mail could not be kept (the database is
     * unavailable): then nothing was stored, and the caller must keep the mail and try again later. Answers
     * PENDING when it was kept but its handling failed; the handling is then retried from the kept bytes.
     */
    public Result process(byte[] raw, String via) {
        Optional<InboundMail> kept = store.keep(raw, via);
        if (kept.isEmpty()) {
            metrics.inbound(InboundOutcome.DUPLICATE);
            return new Result(InboundOutcome.DUPLICATE, "redan behandlat", List.of());
        }
        return handleKept(kept.get());
    }

    /** Handles pending mail whose retry is due; answers how many were handled. */
    int retryDue(Instant now) {
        int handled = 0;
        for (InboundMail kept : mails.findDue(now)) {
            if (handleKept(kept).outcome() != InboundOutcome.PENDING) {
                handled++;
            }
        }
        mails.findFirstByOutcomeOrderByNextAttemptAtAsc(InboundOutcome.PENDING)
                .ifPresent(next -> store.dueAt(next.nextAttemptAt() == null ? now : next.nextAttemptAt()));
        return handled;
    }

    private Result handleKept(InboundMail kept) {
        try {
            return transactions.executeWrite(status -> handle(kept));
        } catch (RuntimeException e) {
            Instant next = store.failed(kept, e);
            // a reply that keeps failing logs less and less often (1st, 2nd, 4th, 8th… failure)
            if (Integer.bitCount(kept.attempts() + 1) == 1) {
                LOG.warn("Inbound mail {} ({}) is kept but could not be handled (failure {}): {}; next try at {}",
                        kept.id(), kept.messageId(), kept.attempts() + 1, e.toString(), next);
            }
            return new Result(InboundOutcome.PENDING, "sparat, behandlas igen " + next, List.of());
        }
    }

    private Result handle(InboundMail kept) {
        if (mails.claim(kept.id()) == 0) {
            return new Result(InboundOutcome.DUPLICATE, "redan behandlat", List.of());
        }
        String messageId = kept.messageId();
        byte[] raw = kept.raw();
        MimeMessage message;
        String sender;
        try {
            message = new MimeMessage(SESSION, new SharedByteArrayInputStream(raw));
            sender = InboundMailStore.fromAddress(message);
        } catch (MessagingException e) {
            String detail = Limits.fit("Inte ett e-postmeddelande (RFC 822): " + e.getMessage(), 2000);
            keep(kept, InboundOutcome.NOT_UNDERSTOOD, detail, Optional.empty());
            return new Result(InboundOutcome.NOT_UNDERSTOOD, detail, List.of());
        }
        LocalDate today = LocalDate.now(clock);
        Optional<ReplyTokens.Claims> signed = tokenCandidates(message).stream()
                .map(tokens::read).flatMap(Optional::stream).findFirst();
        Optional<ReplyTokens.Claims> claims = signed.filter(c -> !today.isAfter(c.expires()));
        Optional<Person> person = claims.flatMap(c -> people.findById(c.personId()));
        if (isAutoReply(message)) {
            keep(kept, InboundOutcome.AUTO_REPLY, "automatiskt svar", person);
            return new Result(InboundOutcome.AUTO_REPLY, "automatiskt svar: inte tolkat, inte besvarat", List.of());
        }
        if (claims.isEmpty() || person.isEmpty()) {
            boolean expired = signed.isPresent();
            Result rejected = reject(kept, message, sender, InboundOutcome.REJECTED_TOKEN,
                    expired ? "svarsnyckeln har gått ut" : "ingen giltig svarsnyckel", Optional.empty(), null);
            answerUnusable(message, sender, messageId, expired ? Answers.Unusable.EXPIRED : Answers.Unusable.NO_REMINDER,
                    signed.orElse(null));
            return rejected;
        }
        Person owner = person.get();
        String tertial = claims.get().tertial() != null ? claims.get().tertial() : reporting.askedTertial().toString();
        if (!allowedSenders(owner).contains(sender)) {
            Result rejected = reject(kept, message, sender, InboundOutcome.REJECTED_SENDER,
                    "avsändaren är inte mottagaren av påminnelsen", person, tertial);
            answerUnusable(message, sender, messageId, Answers.Unusable.FOREIGN, claims.get());
            return rejected;
        }
        if (authenticationFailed(message)) {
            return reject(kept, message, sender, InboundOutcome.REJECTED_AUTH,
                    "Authentication-Results: SPF/DKIM/DMARC underkänt", person, tertial);
        }
        List<ReminderItemRow> reminded = items.findByMessageIdOrderById(claims.get().messageId());
        List<String> refs = reminded.stream().map(ReminderItemRow::activityRef).distinct().toList();
        ReplyParser.Result parsed;
        try {
            parsed = ReplyParser.parse(ReplyParser.newText(MailBody.text(message)), refs);
        } catch (MessagingException | IOException | IllegalStateException e) {
            parsed = new ReplyParser.Result(List.of(), Optional.of("meddelandet kunde inte läsas"));
        }
        Optional<Caller> known = callers.byEmail(sender, "email");
        if (known.isEmpty()) {
            return reject(kept, message, sender, InboundOutcome.REJECTED_SENDER,
                    "avsändaren är inte aktiv i registret", person, tertial);
        }
        Caller caller = known.get();
        String problem = parsed.problem().orElse(parsed.lines().isEmpty() ? "ingen status kunde läsas" : null);
        List<Answers.Recorded> accepted = new ArrayList<>();
        if (problem == null) {
            for (ReplyParser.Line line : parsed.lines()) {
                // The tertial the reminder asked about; a reminder about an end date names none.
                Tertial reportFor = reminded.stream().filter(i -> i.activityRef().equals(line.ref()))
                        .map(ReminderItemRow::tertial).filter(t -> t != null).findFirst().map(Tertial::parse)
                        .orElseGet(() -> reporting.askedTertial(line.ref()));
                try {
                    ActivityView activity = reporting.check(line.ref(), reportFor);
                    if (!Permissions.canReport(caller, activity)) {
                        problem = "du får inte rapportera för " + line.ref();
                        break;
                    }
                    accepted.add(new Answers.Recorded(activity, line.status().label(owner.language()),
                            reportFor.toString(), cut(line.comment()),
                            line.comment().length() > Limits.COMMENT ? line.comment().length() : null));
                } catch (ProblemException e) {
                    problem = e.getMessage();
                    break;
                }
            }
        }
        Person replier = people.findById(caller.personId()).orElseThrow();
        if (problem != null) {
            keep(kept, InboundOutcome.NOT_UNDERSTOOD, problem, person);
            answers.help(replier, kept.id(), messageId, tertial, problem, parsed.lines(),
                    refs.stream().map(ref -> reportingView(ref)).flatMap(Optional::stream).toList());
            LOG.info("Reply {} from person {}: not understood ({})", messageId, replier.id(), problem);
            return new Result(InboundOutcome.NOT_UNDERSTOOD, problem, List.of());
        }
        keep(kept, InboundOutcome.RECORDED, null, person);
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            ReplyParser.Line line = parsed.lines().get(i);
            Answers.Recorded report = accepted.get(i);
            reporting.report(line.ref(), Tertial.parse(report.tertial()), line.status(), report.comment(),
                    caller.actor(Channel.EMAIL), kept.id());
            recorded.add(line.ref() + "=" + line.status().name());
        }
        answers.confirm(replier, kept.id(), messageId, tertial, accepted);
        LOG.info("Reply {} from person {}: recorded {}", messageId, replier.id(), recorded);
        return new Result(InboundOutcome.RECORDED, null, recorded);
    }

    /**
     * A reply that cannot be used, from someone in the register (active, their mail not failing SPF/DKIM/DMARC):
     * they are told that nothing was recorded and how to answer now. Unknown senders get nothing.
     */
    private void answerUnusable(MimeMessage message, String sender, String messageId, Answers.Unusable why,
                                @Nullable ReplyTokens.Claims claims) {
        if (sender == null || authenticationFailed(message) || callers.byEmail(sender, "email").isEmpty()) {
            return;
        }
        Optional<Person> replier = people.findByEmail(sender);
        if (replier.isEmpty() || !replier.get().active()) {
            return;
        }
        String sentTo = claims == null ? null : people.findById(claims.personId()).map(Person::name).orElse(null);
        List<String> refs = claims == null ? List.of() : items.findByMessageIdOrderById(claims.messageId()).stream()
                .map(ReminderItemRow::activityRef).distinct().toList();
        mails.findByMessageId(messageId).ifPresent(kept -> answers.unusable(replier.get(), kept.id(), messageId, why,
                claims == null ? null : claims.tertial(), sentTo, refs));
    }

    private Optional<ActivityView> reportingView(String ref) {
        try {
            return Optional.of(reporting.check(ref, reporting.askedTertial(ref)));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    private Result reject(InboundMail mail, MimeMessage message, String sender, InboundOutcome outcome,
                          String detail, Optional<Person> owner, @Nullable String tertial) {
        String messageId = mail.messageId();
        InboundMail kept = keep(mail, outcome, detail, owner);
        audit.record(new Actor(sender == null ? "okänd avsändare" : Limits.fit(sender, Limits.EMAIL), null, Channel.EMAIL, "email"),
                "mail.rejected", "mail:" + messageId, null, null, Map.of("outcome", outcome.name(), "detail", detail));
        owner.ifPresent(o -> answers.noticeRejected(o, kept.id(), tertial, String.valueOf(sender),
                outcome == InboundOutcome.REJECTED_AUTH));
        LOG.info("Reply {} rejected: {} ({})", messageId, outcome, detail);
        return new Result(outcome, detail, List.of());
    }

    /** What became of the kept mail, in the handling's transaction. */
    private InboundMail keep(InboundMail kept, InboundOutcome outcome, @Nullable String detail, Optional<Person> person) {
        metrics.inbound(outcome); // counted once it commits: a handling that fails and is retried counts once
        mails.settle(kept.id(), outcome.name(), detail == null ? null : Limits.fit(detail, 2000),
                person.map(Person::id).orElse(null));
        return kept;
    }

    private Set<String> allowedSenders(Person owner) {
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add(owner.email());
        if (owner.deputyId() != null) {
            people.findById(owner.deputyId()).ifPresent(deputy -> allowed.add(deputy.email()));
        }
        return allowed;
    }

    /** Out-of-office and other automatic replies, by the headers and subjects mail programs use. */
    static boolean isAutoReply(MimeMessage message) {
        try {
            String autoSubmitted = message.getHeader("Auto-Submitted", null);
            if (autoSubmitted != null && !autoSubmitted.trim().equalsIgnoreCase("no")) {
                return true;
            }
            if (message.getHeader("X-Auto-Response-Suppress") != null || message.getHeader("X-Autoreply") != null
                    || message.getHeader("X-Autorespond") != null) {
                return true;
            }
            String precedence = message.getHeader("Precedence", null);
            if (precedence != null && precedence.toLowerCase(Locale.ROOT).contains("auto")) {
                return true;
            }
            String subject = Optional.ofNullable(message.getSubject()).orElse("").toLowerCase(Locale.ROOT);
            return Stream.of("automatiskt svar", "autosvar", "out of office", "frånvaro:", "automatic reply", "auto:")
                    .anyMatch(subject::startsWith);
        } catch (MessagingException e) {
            return false;
        }
    }

    private boolean authenticationFailed(MimeMessage message) {
        return authentication.failed(message);
    }

    /** Where a reply token may be: the plus-part of any recipient address, and the subject. */
    private static List<String> tokenCandidates(MimeMessage message) {
        List<String> candidates = new ArrayList<>();
        try {
            for (String header : List.of("To", "Cc", "Delivered-To", "X-Original-To")) {
                String[] values = message.getHeader(header);
                if (values != null) {
                    for (String value : values) {
                        ReplyTokens.find(value).ifPresent(candidates::add);
                    }
                }
            }
            ReplyTokens.find(message.getSubject()).ifPresent(candidates::add);
        } catch (MessagingException e) {
            // no candidates
        }
        return candidates;
    }

    /** A comment longer than the column, cut at a word where one is near, marked as cut. */
    static String cut(String comment) {
        if (comment == null || comment.length() <= Limits.COMMENT) {
            return comment;
        }
        String kept = Limits.fit(comment, Limits.COMMENT - CUT_MARK.length());
        int space = kept.lastIndexOf(' ');
        if (space > kept.length() - 200) {
            kept = kept.substring(0, space);
        }
        return kept.stripTrailing() + CUT_MARK;
    }

    private static final String CUT_MARK = " […]";
}
