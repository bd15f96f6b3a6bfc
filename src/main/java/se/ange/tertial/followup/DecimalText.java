package se.ange.tertial.followup;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a number as people type it in Swedish or English: "12,49", "12.49", "1 234,5" (space or no-break
 * space between thousands), "−3" (the typographic minus). Both a comma and a point in one number is
 * ambiguous and refused, as is anything else that is not a plain decimal (no exponents, no "NaN").
 */
public final class DecimalText {

    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+([.,]\\d+)?|[.,]\\d+)");

    private DecimalText() {
    }

    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.strip().replace('\u2212', '-').replaceAll("[ \u00a0\u202f]", "");
        if (!PLAIN.matcher(compact).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(compact.replace(',', '.')));
    }
}
