package se.ange.tertial.command;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.StatusText;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.followup.Tertial;

/**
 * Parses one line of chat into a {@link Command}: Swedish first, English aliases, tolerant of case and
 * missing diacritics. A line it cannot read gives the help of the closest command, never a guess.
 * Plain Java: no chat platform, no framework.
 */
public final class CommandParser {

    /** A parsed command, or what went wrong and which command the user most likely meant. */
    public sealed interface Parsed {
        record Ok(Command command) implements Parsed {
        }

        record Malformed(CommandName closest, String problem) implements Parsed {
        }
    }

    private static final Pattern REF = Pattern.compile("(?i)^[a-z]{1,10}\\d{4}-\\d{1,5}$");
    private static final Pattern PAGE = Pattern.compile("(?i)\\s+(sida|page|s)\\s*(\\d{1,3})\\s*$");
    private static final Pattern SNOOZE_DAYS = Pattern.compile("(?i)^(?:om|in|for|i)?\\s*(\\d{1,2})\\s*(dagar|dag|days|day|d)?$");

    private CommandParser() {
    }

    public static Parsed parse(String input) {
        String text = input == null ? "" : input.strip().replaceFirst("^/?tertial\\s+", "");
        if (text.isEmpty()) {
            return new Parsed.Ok(new Command.Help(Optional.empty()));
        }
        int page = 1;
        Matcher pageMatch = PAGE.matcher(text);
        if (pageMatch.find()) {
            page = Math.max(1, Integer.parseInt(pageMatch.group(2)));
            text = text.substring(0, pageMatch.start()).strip();
        }
        String[] parts = text.split("\\s+", 2);
        String verb = normalize(parts[0]);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        Optional<CommandName> name = Arrays.stream(CommandName.values()).filter(c -> c.words().contains(verb)).findFirst();
        if (name.isEmpty()) {
            return new Parsed.Malformed(closest(verb), "okänt kommando \"" + parts[0] + "\"");
        }
        return switch (name.get()) {
            case MINE -> rest.isEmpty() ? ok(new Command.Mine(page)) : malformed(CommandName.MINE, "mina tar inga argument");
            case STATUS -> report(rest);
            case OVERDUE -> ok(new Command.Overdue(rest.isEmpty() ? Optional.empty() : Optional.of(rest), page));
            case MISSING -> missing(rest, page);
            case DEVIATIONS -> rest.isEmpty() ? ok(new Command.Deviations(page))
                    : malformed(CommandName.DEVIATIONS, "avvikelser tar inga argument");
            case SHOW -> REF.matcher(rest).matches() ? ok(new Command.Show(ref(rest)))
                    : malformed(CommandName.SHOW, "ange en aktivitetsreferens, t.ex. KS2024-017");
            case SNOOZE -> snooze(rest);
            case SETTINGS -> settings(rest);
            case HELP -> ok(new Command.Help(rest.isEmpty() ? Optional.empty()
                    : Arrays.stream(CommandName.values()).filter(c -> c.words().contains(normalize(rest))).findFirst()));
        };
    }

    private static Parsed report(String rest) {
        String[] parts = rest.split("\\s+", 2);
        if (parts[0].isEmpty() || !REF.matcher(parts[0]).matches()) {
            return malformed(CommandName.STATUS, "börja med aktivitetens referens, t.ex. KS2024-017");
        }
        String afterRef = parts.length > 1 ? parts[1] : "";
        Optional<StatusText.Reading> reading = StatusText.readLeading(afterRef);
        if (reading.isEmpty()) {
            Optional<String> done = StatusText.completedWithoutKind(afterRef);
            if (done.isPresent()) {
                return ok(new Command.Completed(ref(parts[0]), done.get()));
            }
            return malformed(CommandName.STATUS, "ingen status kunde läsas efter " + ref(parts[0]));
        }
        return ok(new Command.Report(ref(parts[0]), reading.get().status(), reading.get().rest()));
    }

    private static Parsed settings(String rest) {
        Optional<ReminderChannel> channel = Optional.empty();
        Optional<Language> language = Optional.empty();
        boolean aboutDigest = false;
        Optional<Boolean> digestOn = Optional.empty();
        Optional<DayOfWeek> digestDay = Optional.empty();
        Optional<ReminderChannel> digestChannel = Optional.empty();
        for (String word : rest.isEmpty() ? new String[0] : rest.split("[\\s,]+")) {
            String w = normalize(word).strip();
            Optional<ReminderChannel> named = switch (w) {
                case "e post", "epost", "mejl", "mail", "email", "e mail" -> Optional.of(ReminderChannel.EMAIL);
                case "slack" -> Optional.of(ReminderChannel.SLACK);
                case "teams" -> Optional.of(ReminderChannel.TEAMS);
                default -> Optional.empty();
            };
            Optional<DayOfWeek> weekday = WEEKDAYS.entrySet().stream().filter(e -> e.getKey().equals(w))
                    .map(Map.Entry::getValue).findFirst();
            if (List.of("sammanstallning", "sammanstallningen", "digest", "veckobrev").contains(w)) {
                aboutDigest = true;
            } else if (named.isPresent()) {
                if (aboutDigest) {
                    digestChannel = named;
                } else {
                    channel = named;
                }
            } else if (aboutDigest && List.of("pa", "on", "ja").contains(w)) {
                digestOn = Optional.of(true);
            } else if (aboutDigest && List.of("av", "off", "nej").contains(w)) {
                digestOn = Optional.of(false);
            } else if (aboutDigest && weekday.isPresent()) {
                digestDay = weekday;
            } else if (List.of("svenska", "sv", "swedish").contains(w)) {
                language = Optional.of(Language.SV);
            } else if (List.of("engelska", "en", "english").contains(w)) {
                language = Optional.of(Language.EN);
            } else {
                return malformed(CommandName.SETTINGS, "okänd inställning \"" + word + "\"");
            }
        }
        return ok(new Command.Settings(channel, language, new Command.DigestChoice(digestOn, digestDay, digestChannel)));
    }

    /** The weekdays a digest can come on, in Swedish and English (no diacritics after normalising). */
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("mandag", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tisdag", DayOfWeek.TUESDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("onsdag", DayOfWeek.WEDNESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("torsdag", DayOfWeek.THURSDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("fredag", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY));

    private static Parsed missing(String rest, int page) {
        if (rest.isEmpty()) {
            return ok(new Command.Missing(Optional.empty(), page));
        }
        try {
            return ok(new Command.Missing(Optional.of(Tertial.parse(rest)), page));
        } catch (IllegalArgumentException e) {
            return malformed(CommandName.MISSING, "skriv tertialet som 2024-T1");
        }
    }

    private static Parsed snooze(String rest) {
        String[] parts = rest.split("\\s+", 2);
        if (parts[0].isEmpty() || !REF.matcher(parts[0]).matches()) {
            return malformed(CommandName.SNOOZE, "börja med aktivitetens referens, t.ex. KS2024-017");
        }
        Matcher days = SNOOZE_DAYS.matcher(parts.length > 1 ? parts[1].strip() : "");
        if (!days.matches()) {
            return malformed(CommandName.SNOOZE, "ange antal dagar, t.ex. \"om 3 dagar\"");
        }
        int count = Integer.parseInt(days.group(1));
        if (count < 1 || count > 30) {
            return malformed(CommandName.SNOOZE, "en påminnelse kan skjutas upp 1–30 dagar");
        }
        return ok(new Command.Snooze(ref(parts[0]), count));
    }

    /**
     * An activity reference as the register writes it: upper case, the number with at least three digits
     * ({@code ks2024-7} is KS2024-007). {@code typed} is one that {@link #REF} matches, so it has a dash.
     */
    static String ref(String typed) {
        String upper = typed.strip().toUpperCase(Locale.ROOT);
        int dash = upper.lastIndexOf('-');
        String number = upper.substring(dash + 1);
        return upper.substring(0, dash + 1) + "0".repeat(Math.max(0, 3 - number.length())) + number;
    }

    /** The command whose words are nearest (edit distance) to what was typed. */
    static CommandName closest(String typed) {
        CommandName best = CommandName.HELP;
        int bestDistance = Integer.MAX_VALUE;
        for (CommandName name : CommandName.values()) {
            for (String word : name.words()) {
                int distance = distance(typed, word);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = name;
                }
            }
        }
        return bestDistance <= Math.max(2, typed.length() / 2) ? best : CommandName.HELP;
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Parsed ok(Command command) {
        return new Parsed.Ok(command);
    }

    private static Parsed malformed(CommandName closest, String problem) {
        return new Parsed.Malformed(closest, problem);
    }

    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9?]+", " ").strip();
    }
}
