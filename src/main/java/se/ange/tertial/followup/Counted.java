package se.ange.tertial.followup;

/**
 * A number with its noun in the right form: "1 aktivitet", "2 aktiviteter", "0 aktiviteter"; the one place
 * every message (reminders, digests, answers, reports) gets number agreement from. Plain Java.
 *
 * <p>Swedish and English both use the singular for exactly one and the plural otherwise (also for 0).
 */
public final class Counted {

    /** A noun's singular and plural, in Swedish and English. */
    public record Noun(String svOne, String svMany, String enOne, String enMany) {

        public String form(long count, Language language) {
            boolean one = count == 1 || count == -1;
            return language == Language.EN ? (one ? enOne : enMany) : (one ? svOne : svMany);
        }
    }

    public static final Noun ACTIVITY = new Noun("aktivitet", "aktiviteter", "activity", "activities");
    public static final Noun GOAL = new Noun("mål", "mål", "goal", "goals");
    public static final Noun MEASURE = new Noun("mått", "mått", "measure", "measures");
    public static final Noun DEVIATION = new Noun("avvikelse", "avvikelser", "deviation", "deviations");
    public static final Noun NEW_DEVIATION = new Noun("ny", "nya", "new", "new");
    public static final Noun RESOLVED = new Noun("löst", "lösta", "resolved", "resolved");
    public static final Noun REPORT = new Noun("statusrapport", "statusrapporter", "status report", "status reports");

    private Counted() {
    }

    /** "1 aktivitet", "3 aktiviteter" (Swedish). */
    public static String of(long count, Noun noun) {
        return of(count, noun, Language.SV);
    }

    /** The count and the noun in the language: "1 aktivitet", "2 activities". */
    public static String of(long count, Noun noun, Language language) {
        return count + " " + noun.form(count, language);
    }

    /** The noun alone, in the form the count asks for ("aktivitet" for 1). */
    public static String noun(long count, Noun noun, Language language) {
        return noun.form(count, language);
    }

    /**
     * Swedish "none of them" counted as a subject in running text: "ingen av dem är avslutad", "1 är …", "3 är …".
     * With {@link #agreeing} for the word that follows.
     */
    public static String none(long count) {
        return count == 0 ? "ingen" : String.valueOf(count);
    }

    /** The form after {@link #none}: none agrees as one ("ingen är avslutad", "1 är avslutad", "2 är avslutade"). */
    public static String agreeing(long count, String one, String many) {
        return count > 1 ? many : one;
    }

    /** Swedish "1 aktivitet" / "2 aktiviteter" for an arbitrary singular/plural pair. */
    public static String of(long count, String one, String many) {
        return count + " " + (count == 1 || count == -1 ? one : many);
    }
}
