package se.ange.tertial.command;

import java.util.List;
import se.ange.tertial.followup.Language;

/** The commands, with their Swedish name, English aliases and one-line help in both languages. */
public enum CommandName {
    MINE(List.of("mina", "mine", "my"), "mina", "mine",
            "dina aktiviteter som behöver en rapport", "your activities that need a report"),
    STATUS(List.of("status", "rapportera", "report"), "status KS2024-017 pågående enligt plan: kommentar",
            "status KS2024-017 in progress, on plan: comment",
            "rapportera status (1–6 eller ord) och en kommentar", "report a status (1–6 or words) and a comment"),
    OVERDUE(List.of("forsenade", "overdue", "late"), "försenade [avdelning]", "overdue [department]",
            "aktiviteter vars slutdatum har passerat, mest försenade först", "activities past their end date, most overdue first"),
    MISSING(List.of("saknas", "missing"), "saknas [2024-T1]", "missing [2024-T1]",
            "aktiviteter utan rapport för tertialet", "activities without a report for the tertial"),
    DEVIATIONS(List.of("avvikelser", "deviations"), "avvikelser", "deviations",
            "dagens avvikelser", "today's deviations"),
    SHOW(List.of("aktivitet", "show", "activity", "visa"), "aktivitet KS2024-017", "show KS2024-017",
            "detaljer och historik", "details and history"),
    SNOOZE(List.of("paminn", "snooze", "remind"), "påminn KS2024-017 om 3 dagar", "snooze KS2024-017 3 days",
            "skjut upp din påminnelse", "postpone your reminder"),
    SETTINGS(List.of("installningar", "settings", "preferences"),
            "inställningar [e-post|slack|teams] [svenska|engelska] [sammanställning på|av|fredag|teams]",
            "settings [email|slack|teams] [swedish|english] [digest on|off|friday|teams]",
            "var dina påminnelser kommer, på vilket språk, och din veckosammanställning",
            "where your reminders reach you, in which language, and your weekly digest"),
    HELP(List.of("hjalp", "help", "?"), "hjälp", "help", "den här hjälpen", "this help");

    private final List<String> words;
    private final String swedishUsage;
    private final String englishUsage;
    private final String swedishHelp;
    private final String englishHelp;

    CommandName(List<String> words, String swedishUsage, String englishUsage, String swedishHelp, String englishHelp) {
        this.words = words;
        this.swedishUsage = swedishUsage;
        this.englishUsage = englishUsage;
        this.swedishHelp = swedishHelp;
        this.englishHelp = englishHelp;
    }

    /** The normalised words (no diacritics, lower case) that name this command. */
    public List<String> words() {
        return words;
    }

    public String usage(Language language) {
        return language == Language.EN ? englishUsage : swedishUsage;
    }

    public String help(Language language) {
        return language == Language.EN ? englishHelp : swedishHelp;
    }
}
