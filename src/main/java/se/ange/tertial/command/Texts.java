package se.ange.tertial.command;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import se.ange.tertial.followup.Counted;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Tertial;

/** What the chat answers say, in Swedish and English. Short and friendly, with what to do next. */
interface Texts {

    String mine(Tertial tertial);
    String missing(Tertial tertial);
    String deviations(LocalDate day);
    String overdue(LocalDate day);
    String endedOn(String date);
    String recorded(String ref, Tertial tertial);
    String notRecorded(String ref, String why);
    String noSuchActivity(String ref);
    /** No such activity, but one or more similar refs exist. */
    String didYouMean(String ref, List<String> refs);
    String noSuchDepartment(String department, List<String> suggestions, List<String> all);
    /** A status with deviation needs a comment; {@code example} is the command to copy. */
    String commentNeeded(String ref, String status, String example);
    /** "klar" / "avslutad" said, not which: the two commands to copy. */
    String whichCompleted(String ref, String asPlanned, String withDeviation);
    String commentPlaceholder();
    String deviationPlaceholder();
    String pastTheEnd(int page, int pages, int total, String last);
    String history(String comment, String who, String channel, String date);
    String notYours(String ref);
    String otherDepartment(String department);
    String unknownUser();
    String unclear(String problem);
    String helpHeading();
    String statuses();
    String none();
    String noStatus();
    String pageOf(int page, int pages, int total, String next);
    String details(String department, String start, String end, String owners, String status);
    String olderReports(int count);
    /** How a channel is written in running text ("e-post", "Slack"). */
    String channel(String name);
    String date(LocalDate date, LocalDate today);
    String snoozed(String ref, String until);
    String settings(String channel, String language);

    /** The weekly digest's settings; {@code day} null when it is off. */
    String digestSettings(DayOfWeek day, String channel);

    Texts SWEDISH = new Texts() {
        public String mine(Tertial t) { return "Dina aktiviteter som behöver en rapport för " + t; }
        public String missing(Tertial t) { return "Aktiviteter utan rapport för " + t; }
        public String deviations(LocalDate d) { return "Avvikelser " + date(d, d); }
        public String overdue(LocalDate d) { return "Försenade aktiviteter " + date(d, d) + ", mest försenade först"; }
        public String endedOn(String date) { return "slutdatum " + date; }
        public String recorded(String ref, Tertial t) { return "Tack! Registrerat för " + t + ":"; }
        public String notRecorded(String ref, String why) { return "Statusen för " + ref + " registrerades inte: " + why; }
        public String noSuchActivity(String ref) { return "Jag hittar ingen aktivitet " + ref + ". Skriv `mina` för att se dina."; }
        public String didYouMean(String ref, List<String> refs) {
            return "Jag hittar ingen aktivitet " + ref + ". Menade du " + or(refs, "eller") + "?";
        }
        public String noSuchDepartment(String d, List<String> suggestions, List<String> all) {
            return "Jag hittar ingen avdelning som heter " + d + ". " + (suggestions.isEmpty()
                    ? "Avdelningarna heter " + or(all, "och") + "." : "Menade du " + or(suggestions, "eller") + "?");
        }
        public String commentNeeded(String ref, String status, String example) {
            return status + " behöver en kommentar: vad avviker, och vad händer nu? Inget är registrerat för " + ref
                    + " än. Skriv så här: `" + example + "`";
        }
        public String whichCompleted(String ref, String asPlanned, String withDeviation) {
            return "Avslutad enligt plan eller med avvikelse? Inget är registrerat för " + ref + " än. Skriv `" + asPlanned
                    + "` om allt gick enligt plan, eller `" + withDeviation + "` om något avvek.";
        }
        public String commentPlaceholder() { return "kommentar"; }
        public String deviationPlaceholder() { return "vad som avviker och vad som händer nu"; }
        public String pastTheEnd(int page, int pages, int total, String last) {
            return "Det finns ingen sida " + page + ": " + (pages == 1 ? "alla " + Counted.of(total, Counted.ACTIVITY) + " får plats på en sida"
                    : "svaret har " + pages + " sidor (" + Counted.of(total, Counted.ACTIVITY) + ")") + ". Skriv `" + last + "` för att se "
                    + (pages == 1 ? "den." : "den sista.");
        }
        public String history(String comment, String who, String channel, String date) {
            return (comment == null ? "" : comment + " ") + "(" + who + " via " + channel + ", " + date + ")";
        }
        public String notYours(String ref) { return "Du har inte behörighet till " + ref + ". Fråga stab om du borde ha det."; }
        public String otherDepartment(String d) {
            return "Tyvärr, du kan bara se försenade aktiviteter i din egen verksamhet, inte i " + d + ". Skriv `försenade` för dina.";
        }
        public String unknownUser() {
            return "Hej! Jag känner inte igen dig i Tertials register än. Be stab lägga in dig (med samma e-postadress), så kan du använda kommandona. `hjälp` fungerar alltid.";
        }
        public String unclear(String problem) { return "Jag förstod inte riktigt (" + problem + "). Så här gör du:"; }
        public String helpHeading() { return "Tertial – kommandon:"; }
        public String statuses() {
            return "Status: 1 Ej påbörjad, 2 Pågående enligt plan, 3 Pågående med avvikelse, 4 Vänteläge, 5 Avslutad enligt plan, 6 Avslutad med avvikelse.";
        }
        public String none() { return "Inga just nu."; }
        public String noStatus() { return "ingen status än"; }
        public String pageOf(int page, int pages, int total, String next) {
            return "Sida " + page + " av " + pages + " (" + total + " totalt)" + (next == null ? "." : ". Skriv `" + next + "` för nästa.");
        }
        public String details(String department, String start, String end, String owners, String status) {
            return department + ", " + start + " – " + end + ", ansvarig: " + owners + ", status: " + status;
        }
        public String olderReports(int count) {
            return Counted.of(count, "äldre rapport", "äldre rapporter") + " visas inte" + "; hela historiken finns i API:t.";
        }
        public String channel(String name) {
            return switch (name) {
                case "EMAIL" -> "e-post";
                case "SLACK" -> "Slack";
                case "TEAMS" -> "Teams";
                case "WEB" -> "webben";
                case "API" -> "API:t";
                case "IMPORT" -> "import";
                default -> "Tertial";
            };
        }
        public String date(LocalDate date, LocalDate today) { return Dates.near(date, today, Language.SV); }
        public String snoozed(String ref, String until) { return "Okej! Jag påminner dig inte om " + ref + " förrän " + until + "."; }
        public String settings(String channel, String language) {
            return "Dina påminnelser kommer via " + channel + ", på " + language + ". Ändra med t.ex. `inställningar slack engelska`.";
        }
        public String digestSettings(DayOfWeek day, String channel) {
            return (day == null ? "Veckosammanställningen är avstängd." : "Veckosammanställningen kommer "
                    + day.getDisplayName(TextStyle.FULL, Locale.forLanguageTag("sv")) + "ar via " + channel + ".")
                    + " Ändra med t.ex. `inställningar sammanställning fredag teams` eller `inställningar sammanställning av`.";
        }
    };

    Texts ENGLISH = new Texts() {
        public String mine(Tertial t) { return "Your activities that need a report for " + t; }
        public String missing(Tertial t) { return "Activities without a report for " + t; }
        public String deviations(LocalDate d) { return "Deviations " + date(d, d); }
        public String overdue(LocalDate d) { return "Overdue activities " + date(d, d) + ", most overdue first"; }
        public String endedOn(String date) { return "end date " + date; }
        public String recorded(String ref, Tertial t) { return "Thank you! Recorded for " + t + ":"; }
        public String notRecorded(String ref, String why) { return "The status of " + ref + " was not recorded: " + why; }
        public String noSuchActivity(String ref) { return "I cannot find an activity " + ref + ". Type `mine` to see yours."; }
        public String didYouMean(String ref, List<String> refs) {
            return "I cannot find an activity " + ref + ". Did you mean " + or(refs, "or") + "?";
        }
        public String noSuchDepartment(String d, List<String> suggestions, List<String> all) {
            return "I cannot find a department called " + d + ". " + (suggestions.isEmpty()
                    ? "The departments are " + or(all, "and") + "." : "Did you mean " + or(suggestions, "or") + "?");
        }
        public String commentNeeded(String ref, String status, String example) {
            return status + " needs a comment: what deviates, and what happens next? Nothing is recorded for " + ref
                    + " yet. Write: `" + example + "`";
        }
        public String whichCompleted(String ref, String asPlanned, String withDeviation) {
            return "Completed as planned or with deviation? Nothing is recorded for " + ref + " yet. Write `" + asPlanned
                    + "` if all went to plan, or `" + withDeviation + "` if something deviated.";
        }
        public String commentPlaceholder() { return "comment"; }
        public String deviationPlaceholder() { return "what deviates and what happens next"; }
        public String pastTheEnd(int page, int pages, int total, String last) {
            return "There is no page " + page + ": " + (pages == 1 ? "all " + Counted.of(total, Counted.ACTIVITY, Language.EN) + (total == 1 ? " fits" : " fit")
                    + " on one page" : "the answer has " + pages + " pages (" + Counted.of(total, Counted.ACTIVITY, Language.EN) + ")") + ". Type `" + last
                    + "` to see " + (pages == 1 ? "it." : "the last one.");
        }
        public String history(String comment, String who, String channel, String date) {
            return (comment == null ? "" : comment + " ") + "(" + who + " by " + channel + ", " + date + ")";
        }
        public String notYours(String ref) { return "You do not have access to " + ref + ". Ask stab if you should."; }
        public String otherDepartment(String d) {
            return "Sorry, you can only see overdue activities in your own area, not in " + d + ". Type `overdue` for yours.";
        }
        public String unknownUser() {
            return "Hello! I do not know you in Tertial's register yet. Ask stab to add you (with the same e-mail address) to use the commands. `help` always works.";
        }
        public String unclear(String problem) { return "I did not quite understand (" + problem + "). This is how:"; }
        public String helpHeading() { return "Tertial – commands:"; }
        public String statuses() {
            return "Status: 1 Not started, 2 In progress, on plan, 3 In progress, with deviation, 4 On hold, 5 Completed as planned, 6 Completed with deviation.";
        }
        public String none() { return "None right now."; }
        public String noStatus() { return "no status yet"; }
        public String pageOf(int page, int pages, int total, String next) {
            return "Page " + page + " of " + pages + " (" + total + " in all)" + (next == null ? "." : ". Type `" + next + "` for the next.");
        }
        public String details(String department, String start, String end, String owners, String status) {
            return department + ", " + start + " – " + end + ", owner: " + owners + ", status: " + status;
        }
        public String olderReports(int count) {
            return (count == 1 ? "1 older report not shown" : count + " older reports not shown") + "; the API has the whole history.";
        }
        public String channel(String name) {
            return switch (name) {
                case "EMAIL" -> "e-mail";
                case "SLACK" -> "Slack";
                case "TEAMS" -> "Teams";
                case "WEB" -> "the web";
                case "API" -> "the API";
                case "IMPORT" -> "import";
                default -> "Tertial";
            };
        }
        public String date(LocalDate date, LocalDate today) { return Dates.near(date, today, Language.EN); }
        public String snoozed(String ref, String until) { return "OK! I will not remind you of " + ref + " until " + until + "."; }
        public String settings(String channel, String language) {
            return "Your reminders come by " + channel + ", in " + language + ". Change with e.g. `settings slack swedish`.";
        }
        public String digestSettings(DayOfWeek day, String channel) {
            return (day == null ? "Your weekly digest is off." : "Your weekly digest comes on "
                    + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s by " + channel + ".")
                    + " Change with e.g. `settings digest friday teams` or `settings digest off`.";
        }
    };

    /** "A", "A eller B", "A, B eller C". */
    static String or(List<String> words, String last) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " " + last + " " + words.get(words.size() - 1);
    }
}
