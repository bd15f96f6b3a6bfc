package se.ange.tertial.followup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a status at the start of free text, as people write it in chat and e-mail: the Swedish or English
 * label without regard to case, diacritics or punctuation ("pagaende enligt plan", "In progress, on plan"),
 * the legacy "Försenad", the seeds' plural "med avvikelser", "on track", or its number 1–6 as shown in
 * reminders. The longest label that fits wins, so "pågående med avvikelse" is not read as "pågående …"
 * something. What follows (after a separator such as "–", "-", ":" or ",") is the comment. This is the one
 * status rule of Tertial: chat, e-mail replies and the API all read statuses here.
 */
public final class StatusText {

    /** The status read and the text after it. */
    public record Reading(Status status, String rest) {
    }

    private record Label(String normalized, Status status) {
    }

    private static final Pattern SEPARATOR = Pattern.compile("^\\s*(?:[–—:,.;]|-(?!\\d))?\\s*");
    // compiled once: every status read (each API report among them) normalises its text several times
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^a-z0-9]+");
    private static final List<Label> LABELS = labels();
    /** Words that say "done" without saying whether as planned or with a deviation. */
    private static final List<String> COMPLETED_WORDS = List.of("avslutad", "avslutat", "avslutade", "klar", "klart",
            "klara", "fardig", "fardigt", "fardiga", "fardigstalld", "fardigstallt", "done", "completed", "finished");

    private StatusText() {
    }

    public static Optional<Reading> readLeading(String text) {
        String start = text == null ? "" : text.strip();
        String normalizedStart = normalize(start);
        for (Label label : LABELS) {
            String key = label.normalized();
            if (normalizedStart.startsWith(key) && (normalizedStart.length() == key.length()
                    || !Character.isLetterOrDigit(normalizedStart.charAt(key.length())))) {
                String rest = start.substring(originalLength(start, key.length()));
                return Optional.of(new Reading(label.status(), SEPARATOR.matcher(rest).replaceFirst("").strip()));
            }
        }
        return Optional.empty();
    }

    /** A whole text that is exactly one status (nothing after it), as a form field or an API value holds it. */
    public static Optional<Status> readWhole(String text) {
        return readLeading(text).filter(reading -> reading.rest().isEmpty()).map(Reading::status);
    }

    /**
     * When the text starts with a word that says the activity is done ("klar", "avslutad", "done") but not
     * which of the two completed statuses: the text after it. Empty when it is not such a word, or when a
     * full status label ("Avslutad enligt plan") is there: read that with {@link #readLeading}.
     */
    public static Optional<String> completedWithoutKind(String text) {
        if (readLeading(text).isPresent()) {
            return Optional.empty();
        }
        String start = text == null ? "" : text.strip();
        String normalizedStart = normalize(start);
        for (String word : COMPLETED_WORDS) {
            if (normalizedStart.startsWith(word) && (normalizedStart.length() == word.length()
                    || !Character.isLetterOrDigit(normalizedStart.charAt(word.length())))) {
                String rest = start.substring(originalLength(start, word.length()));
                return Optional.of(SEPARATOR.matcher(rest).replaceFirst("").strip());
            }
        }
        return Optional.empty();
    }

    /** Lower case, no diacritics, runs of anything else as one space. */
    public static String normalize(String text) {
        String decomposed = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTERS_OR_DIGITS.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll(" ").stripLeading();
    }

    /**
     * How many characters of the original make up the first {@code normalizedLength} normalised ones: the shortest
     * prefix that normalises to at least that many. A longer prefix never normalises to fewer characters (a
     * character adds a letter, a space or nothing), so a binary search finds it in a few normalisations.
     */
    private static int originalLength(String original, int normalizedLength) {
        int low = 0;
        int high = original.length();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (normalize(original.substring(0, middle)).length() >= normalizedLength) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private static List<Label> labels() {
        List<Label> labels = new ArrayList<>();
        for (Status status : Status.values()) {
            labels.add(new Label(normalize(status.swedish()).strip(), status));
            labels.add(new Label(normalize(status.english()).strip(), status));
            labels.add(new Label(String.valueOf(status.ordinal() + 1), status));
        }
        labels.add(new Label("forsenad", Status.PAGAENDE_MED_AVVIKELSE));
        // the seeds write "Avslutad med avvikelser"; people write the plural for the in-progress one too
        labels.add(new Label("pagaende med avvikelser", Status.PAGAENDE_MED_AVVIKELSE));
        labels.add(new Label("avslutad med avvikelser", Status.AVSLUTAD_MED_AVVIKELSE));
        labels.add(new Label("in progress with deviations", Status.PAGAENDE_MED_AVVIKELSE));
        labels.add(new Label("completed with deviations", Status.AVSLUTAD_MED_AVVIKELSE));
        labels.add(new Label("on track", Status.PAGAENDE_ENLIGT_PLAN));
        for (Status status : Status.values()) {
            labels.add(new Label(normalize(status.name()).strip(), status));
        }
        labels.sort(Comparator.comparingInt((Label l) -> l.normalized().length()).reversed());
        return List.copyOf(labels);
    }
}
