package se.ange.tertial.register.org;

import java.text.Collator;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The one order people are listed in, everywhere: Swedish (å, ä, ö after z; case and accents only break ties), then
 * e-mail. Lists are paged in SQL, and neither database sorts Swedish the way Java does (PostgreSQL's lower() and
 * ordering under the C collation leave å ä ö to byte order), so each person row stores {@link #sortKey}: the hex of
 * Java's Swedish collation key, which both databases sort bytewise. {@link #searchName} is the name lower-cased the way
 * Java does it, for search on either database.
 */
public final class PersonOrder {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    /**
     * Characters kept of a key: the column is indexed with the e-mail, and PostgreSQL refuses a btree row over 2,704
     * bytes. A 200-character Latin name's key is 2,408 characters of hex, so only the last (case) differences of very
     * long names are lost; such ties fall to the e-mail.
     */
    public static final int KEY_LENGTH = 2000;

    /** The order of people in Java, the same as {@code ORDER BY sort_key, email}. */
    public static final Comparator<Person> PEOPLE = Comparator.comparing((Person p) -> sortKey(p.name()))
            .thenComparing(Person::email);

    private PersonOrder() {
    }

    public static String sortKey(String name) {
        Collator collator = Collator.getInstance(SWEDISH); // a fresh copy: a Collator is not safe across threads
        collator.setStrength(Collator.TERTIARY);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        String hex = HexFormat.of().formatHex(collator.getCollationKey(name).toByteArray());
        return hex.length() <= KEY_LENGTH ? hex : hex.substring(0, KEY_LENGTH);
    }

    public static String searchName(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
