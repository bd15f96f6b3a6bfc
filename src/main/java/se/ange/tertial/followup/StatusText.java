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
 * the legacy "Försenad", or its number 1–6 as shown in reminders. The longest label that fits wins, so
 * "pågående med avvikelse" is not read as "pågående …" something. What follows (after a separator such as
 * "–", "-", ":" or ",") is the comment.
 */
public final class StatusText {

    /** The status read and the text after it. */
    public record Reading(Status status, String rest) {
    }

    private record Label(String normalized, Status status) {
    }

    private static final Pattern SEPARATOR = Pattern.compile("^\\s*(?:[–—:,.;]|-(?!\\d))?\\s*");
    private static final List<Label> LABELS = labels();

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

    /** Lower case, no diacritics, runs of anything else as one space. */
    public static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").stripLeading();
    }

    /** How many characters of the original make up the first {@code normalizedLength} normalised ones. */
    private static int originalLength(String original, int normalizedLength) {
        for (int i = 0; i <= original.length(); i++) {
            if (normalize(original.substring(0, i)).length() >= normalizedLength) {
                return i;
            }
        }
        return original.length();
    }

    private static List<Label> labels() {
        List<Label> labels = new ArrayList<>();
        for (Status status : Status.values()) {
            labels.add(new Label(normalize(status.swedish()).strip(), status));
            labels.add(new Label(normalize(status.english()).strip(), status));
            labels.add(new Label(String.valueOf(status.ordinal() + 1), status));
        }
        labels.add(new Label("forsenad", Status.PAGAENDE_MED_AVVIKELSE));
        labels.sort(Comparator.comparingInt((Label l) -> l.normalized().length()).reversed());
        return List.copyOf(labels);
    }
}
