package se.ange.tertial.command;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;
import java.time.LocalDate;
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
    String noSuchDepartment(String department);
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
    String snoozed(String ref, String until);
    String settings(String channel, String language);

    /** The weekly digest's settings; {@code day} null when it is off. */
    String digestSettings(DayOfWeek day, String channel);

    Texts SWEDISH = new Texts() {
        public String mine(Tertial t) { return "Dina aktiviteter som behöver en rapport för " + t; }
        public String missing(Tertial t) { return "Aktiviteter utan rapport för " + t; }
        public String deviations(LocalDate d) { return "Avvikelser " + d; }
        public String overdue(LocalDate d) { return "Försenade aktiviteter " + d + ", mest försenade först"; }
        public String endedOn(String date) { return "slut " + date; }
        public String recorded(String ref, Tertial t) { return "Tack! Registrerat för " + t + ":"; }
        public String notRecorded(String ref, String why) { return "Statusen för " + ref + " registrerades inte: " + why; }
        public String noSuchActivity(String ref) { return "Jag hittar ingen aktivitet " + ref + ". Skriv `mina` för att se dina."; }
        public String noSuchDepartment(String d) { return "Jag hittar ingen avdelning som heter " + d + "."; }
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
        public String olderReports(int count) { return count + " äldre rapporter visas inte; hela historiken finns i API:t."; }
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
        public String deviations(LocalDate d) { return "Deviations " + d; }
        public String overdue(LocalDate d) { return "Overdue activities " + d + ", most overdue first"; }
        public String endedOn(String date) { return "ended " + date; }
        public String recorded(String ref, Tertial t) { return "Thank you! Recorded for " + t + ":"; }
        public String notRecorded(String ref, String why) { return "The status of " + ref + " was not recorded: " + why; }
        public String noSuchActivity(String ref) { return "I cannot find an activity " + ref + ". Type `mine` to see yours."; }
        public String noSuchDepartment(String d) { return "I cannot find a department called " + d + "."; }
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
        public String olderReports(int count) { return count + " older reports not shown; the API has the whole history."; }
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
}
