package se.ange.tertial.mail;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * Handles one received reply, from IMAP or the HTTP intake: keeps it as it arrived, trusts it only with
 * a valid reply token from the token's person (or their deputy) and no failed SPF/DKIM/DMARC, reads the
 * statuses and records them (channel email), and answers. Idempotent on Message-ID.
 */
@Singleton
public class InboundMailProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMailProcessor.class);
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final int MAX_MESSAGE_ID = 500;
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
    private final Period retention;
    @jakarta.inject.Inject MailMetrics metrics;

    InboundMailProcessor(InboundMailRepository mails, ReplyTokens tokens, PersonRepository people,
                         ReminderItemRepository items, Reporting reporting, Callers callers, Answers answers,
                         AuditLog audit, SenderAuthentication authentication, Clock clock,
                         @Value("${tertial.mail.inbound-retention:P2Y}") Period retention) {
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
        this.retention = retention;
    }

    @Transactional
    public Result process(byte[] raw, String via) {
        MimeMessage message;
        String messageId;
        String sender;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            messageId = Optional.ofNullable(message.getMessageID()).map(String::strip).filter(id -> !id.isEmpty())
                    // a Message-ID longer than the column is known by its hash, so a second delivery is still a duplicate
                    .map(id -> id.length() > MAX_MESSAGE_ID ? "sha256:" + sha256(id.getBytes(StandardCharsets.UTF_8)) : id)
                    .orElseGet(() -> "sha256:" + sha256(raw));
            sender = fromAddress(message);
        } catch (MessagingException e) {
            throw ProblemException.invalidField("message", "Inte ett e-postmeddelande (RFC 822): " + e.getMessage());
        }
        if (mails.existsByMessageId(messageId)) {
            metrics.inbound(InboundOutcome.DUPLICATE);
            return new Result(InboundOutcome.DUPLICATE, "redan behandlat", List.of());
        }
        LocalDate today = LocalDate.now(clock);
        Optional<ReplyTokens.Claims> signed = tokenCandidates(message).stream()
                .map(tokens::read).flatMap(Optional::stream).findFirst();
        Optional<ReplyTokens.Claims> claims = signed.filter(c -> !today.isAfter(c.expires()));
        Optional<Person> person = claims.flatMap(c -> people.findById(c.personId()));
        if (isAutoReply(message)) {
            keep(message, raw, messageId, sender, InboundOutcome.AUTO_REPLY, "automatiskt svar", person, via);
            return new Result(InboundOutcome.AUTO_REPLY, "automatiskt svar: inte tolkat, inte besvarat", List.of());
        }
        if (claims.isEmpty() || person.isEmpty()) {
            boolean expired = signed.isPresent();
            Result rejected = reject(message, raw, messageId, sender, InboundOutcome.REJECTED_TOKEN,
                    expired ? "svarsnyckeln har gått ut" : "ingen giltig svarsnyckel", Optional.empty(), null, via);
            answerUnusable(message, sender, messageId, expired ? Answers.Unusable.EXPIRED : Answers.Unusable.NO_REMINDER,
                    signed.orElse(null));
            return rejected;
        }
        Person owner = person.get();
        String tertial = claims.get().tertial() != null ? claims.get().tertial() : reporting.askedTertial().toString();
        if (!allowedSenders(owner).contains(sender)) {
            Result rejected = reject(message, raw, messageId, sender, InboundOutcome.REJECTED_SENDER,
                    "avsändaren är inte mottagaren av påminnelsen", person, tertial, via);
            answerUnusable(message, sender, messageId, Answers.Unusable.FOREIGN, claims.get());
            return rejected;
        }
        if (authenticationFailed(message)) {
            return reject(message, raw, messageId, sender, InboundOutcome.REJECTED_AUTH,
                    "Authentication-Results: SPF/DKIM/DMARC underkänt", person, tertial, via);
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
            return reject(message, raw, messageId, sender, InboundOutcome.REJECTED_SENDER,
                    "avsändaren är inte aktiv i registret", person, tertial, via);
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
            InboundMail kept = keep(message, raw, messageId, sender, InboundOutcome.NOT_UNDERSTOOD, problem, person, via);
            answers.help(replier, kept.id(), messageId, tertial, problem, parsed.lines(),
                    refs.stream().map(ref -> reportingView(ref)).flatMap(Optional::stream).toList());
            LOG.info("Reply {} from person {}: not understood ({})", messageId, replier.id(), problem);
            return new Result(InboundOutcome.NOT_UNDERSTOOD, problem, List.of());
        }
        InboundMail kept = keep(message, raw, messageId, sender, InboundOutcome.RECORDED, null, person, via);
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

    private Result reject(MimeMessage message, byte[] raw, String messageId, String sender, InboundOutcome outcome,
                          String detail, Optional<Person> owner, @Nullable String tertial, String via) {
        InboundMail kept = keep(message, raw, messageId, sender, outcome, detail, owner, via);
        audit.record(new Actor(sender == null ? "okänd avsändare" : Limits.fit(sender, Limits.EMAIL), null, Channel.EMAIL, "email"),
                "mail.rejected", "mail:" + messageId, null, null, Map.of("outcome", outcome.name(), "detail", detail));
        owner.ifPresent(o -> answers.noticeRejected(o, kept.id(), tertial, String.valueOf(sender),
                outcome == InboundOutcome.REJECTED_AUTH));
        LOG.info("Reply {} rejected: {} ({})", messageId, outcome, detail);
        return new Result(outcome, detail, List.of());
    }

    private InboundMail keep(MimeMessage message, byte[] raw, String messageId, String sender, InboundOutcome outcome,
                             @Nullable String detail, Optional<Person> person, String via) {
        metrics.inbound(outcome);
        String subject;
        try {
            subject = message.getSubject();
        } catch (MessagingException e) {
            subject = null;
        }
        return mails.save(new InboundMail(null, messageId, clock.instant(),
                sender == null ? null : Limits.fit(sender, Limits.EMAIL),
                subject == null ? null : Limits.fit(subject, 1000), raw, outcome,
                detail == null ? null : Limits.fit(detail, 2000), person.map(Person::id).orElse(null), via,
                LocalDate.now(clock).plus(retention)));
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

    private static String fromAddress(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            return null;
        }
        return address.getAddress() == null ? null : address.getAddress().toLowerCase(Locale.ROOT);
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

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
