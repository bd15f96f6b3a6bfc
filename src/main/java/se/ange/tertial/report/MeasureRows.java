package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.util.Locale;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.MeasureDirection;
import se.ange.tertial.report.ReportParts.MeasureRow;

/** A measure (mått) as the board's report prints it, every number in Swedish ("12,49 %", "–" when missing). */
final class MeasureRows {

    static final String MISSING = "–";

    private MeasureRows() {
    }

    static MeasureRow row(MeasureState measure, ZoneId zone) {
        String note = null;
        if (measure.outcome() != null && measure.outcomeFor() != null) {
            note = "Utfall för tertial " + measure.outcomeFor().number() + " " + measure.outcomeFor().year()
                    + (measure.reportedBy() == null ? "" : ", rapporterat av " + measure.reportedBy())
                    + (measure.reportedAt() == null ? ""
                            : " " + Dates.full(measure.reportedAt().atZone(zone).toLocalDate(), Language.SV));
        }
        return new MeasureRow(measure.name(), number(measure.baseline(), measure.unit()),
                number(measure.target(), measure.unit()), direction(measure.direction()),
                number(measure.outcome(), measure.unit()), note);
    }

    static String direction(MeasureDirection direction) {
        return direction == MeasureDirection.DECREASE ? "Ska minska" : "Ska öka";
    }

    /** "12,49 %", "10 000 st", "–"; as many decimals as the value has (at most four). */
    static String number(@Nullable BigDecimal value, @Nullable String unit) {
        if (value == null) {
            return MISSING;
        }
        // every Swedish symbol set here, none left to the JDK's locale data (which differs between providers)
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setMinusSign('−');
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat("#,##0.####", symbols);
        String text = format.format(value);
        return unit == null || unit.isBlank() ? text : text + " " + unit.strip();
    }
}
