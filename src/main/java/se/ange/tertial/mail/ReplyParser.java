package se.ange.tertial.mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.StatusText;

/**
 * Reads a status report out of an e-mail reply: first the new text (the quoted reminder, signatures and
 * mobile footers cut off), then one line per activity ({@code KS2024-017: Pågående enligt plan – kommentar})
 * or, for a reminder about a single activity, a status and a comment. A status is any of the six
 * labels in Swedish or English, without regard to case or diacritics, the legacy "Försenad", or the
 * number shown next to it in the reminder (1–6). Plain Java: no mail or framework types.
 */
public final class ReplyParser {

    /** One activity's report read from the reply. */
    public record Line(String ref, Status status, String comment) {
    }

    /** What was read: the reports, or why nothing could be, with whatever was understood. */
    public record Result(List<Line> lines, Optional<String> problem) {
        public boolean understood() {
            return problem.isEmpty() && !lines.isEmpty();
        }
    }

    private static final Pattern REF_LINE = Pattern.compile("^\\s*([A-Za-z]{1,10}\\d{4}-\\d{1,5})\\s*(?::|-|–|—)?\\s*(.*)$");
    /** Lines where the new text ends (besides "&gt;" quoting and two-line attributions). */
    private static final List<Pattern> QUOTE_STARTS = List.of(
            Pattern.compile("^-{2,}\\s*(Ursprungligt meddelande|Original Message|Vidarebefordrat meddelande|Forwarded message)\\s*-{2,}", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^_{10,}\\s*$"),
            Pattern.compile("^(Från|From)\\s*:.*", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(Den|On)\\s.*\\d.*\\b(skrev|wrote)\\b.*:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^--\\s*$"),
            Pattern.compile("^(Med vänliga hälsningar|Vänliga hälsningar|Med vänlig hälsning|Vänlig hälsning|Mvh|MVH|Hälsningar|"
                    + "Best regards|Kind regards|Regards|Med venlig hilsen)[,.!]?"
                    // and the name on the same line: "Mvh Emma", "Vänliga hälsningar, Emma Berglund"
                    + "(,?\\s+\\p{L}[\\p{L}.' -]{0,60})?\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(Skickat från min|Sent from my|Hämta Outlook för|Get Outlook for)\\b.*", Pattern.CASE_INSENSITIVE));
    private static final Pattern ATTRIBUTION = Pattern.compile("^(Den|On)\\s.*\\d.*\\b(skrev|wrote)\\b.*:\\s*$",
            Pattern.CASE_INSENSITIVE);

    private ReplyParser() {
    }

    /** The new text of a reply: everything before the first quote, attribution, signature or footer. */
    public static String newText(String body) {
        List<String> lines = body.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace('\u00a0', ' ');
            String trimmed = line.strip();
            if (trimmed.startsWith(">") || QUOTE_STARTS.stream().anyMatch(p -> p.matcher(trimmed).matches())) {
                break;
            }
            // an attribution wrapped over two lines: "Den tis 23 apr. 2024 kl 08:00 skrev Tertial" / "<tertial@…>:"
            if (i + 1 < lines.size() && ATTRIBUTION.matcher(trimmed + " " + lines.get(i + 1).strip()).matches()) {
                break;
            }
            kept.append(line).append('\n');
        }
        return kept.toString().strip();
    }

    /**
     * Reads the reports from the new text. {@code refs} are the activities the reminder was about: a line
     * naming another activity is an error; without any reference the text is read as one report only when
     * the reminder was about exactly one activity.
     */
    public static Result parse(String newText, Collection<String> refs) {
        List<String> lines = newText.lines().toList();
        List<Line> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String currentRef = null;
        Status currentStatus = null;
        StringBuilder comment = new StringBuilder();
        boolean anyRef = false;
        for (String raw : lines) {
            Matcher ref = REF_LINE.matcher(raw);
            if (ref.matches()) {
                anyRef = true;
                if (currentRef != null) {
                    found.add(new Line(currentRef, currentStatus, clean(comment)));
                }
                currentRef = null;
                comment.setLength(0);
                String wanted = refs.stream().filter(r -> r.equalsIgnoreCase(ref.group(1))).findFirst().orElse(null);
                if (wanted == null) {
                    problems.add("%s fanns inte med i påminnelsen".formatted(ref.group(1).toUpperCase(Locale.ROOT)));
                    continue;
                }
                Optional<StatusText.Reading> reading = StatusText.readLeading(ref.group(2));
                if (reading.isEmpty()) {
                    problems.add(StatusText.completedWithoutKind(ref.group(2)).isPresent()
                            ? whichCompleted(wanted) : "ingen status för %s".formatted(wanted));
                    continue;
                }
                currentRef = wanted;
                currentStatus = reading.get().status();
                comment.append(reading.get().rest());
            } else if (currentRef != null) {
                comment.append('\n').append(raw);
            }
        }
        if (currentRef != null) {
            found.add(new Line(currentRef, currentStatus, clean(comment)));
        }
        if (!anyRef) {
            String text = newText.strip();
            if (refs.size() != 1) {
                return new Result(List.of(), Optional.of("svaret nämnde ingen aktivitet, och påminnelsen gällde flera"));
            }
            Optional<StatusText.Reading> reading = StatusText.readLeading(text);
            return reading.map(r -> new Result(List.of(new Line(refs.iterator().next(), r.status(), clean(new StringBuilder(r.rest())))),
                    Optional.<String>empty()))
                    .orElseGet(() -> new Result(List.of(), Optional.of(StatusText.completedWithoutKind(text).isPresent()
                            ? whichCompleted("aktiviteten") : "ingen status kunde läsas")));
        }
        return new Result(found, problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
    }

    /** "klar" says done, not which of the two completed statuses: ask, with their numbers. */
    private static String whichCompleted(String activity) {
        return "det framgår inte om %s avslutades enligt plan (5) eller med avvikelse (6)".formatted(activity);
    }

    private static String clean(StringBuilder comment) {
        return comment.toString().strip().replaceAll("[ \\t]+\\n", "\n");
    }
}
