package se.ange.tertial.report;

import jakarta.inject.Singleton;
import se.ange.tertial.followup.Tertial;

/**
 * Builds a tertial's report model: the tertial's state (with its goals' names: recorded at the close for a
 * closed tertial, else live) and the previous one's, for the scope.
 */
@Singleton
public class TertialReports {

    private final TertialRecords records;
    private final ReportBuilder builder;

    TertialReports(TertialRecords records, ReportBuilder builder) {
        this.records = records;
        this.builder = builder;
    }

    public TertialReport report(Tertial tertial, ReportScope scope) {
        return builder.build(records.state(tertial), records.state(tertial.previous()), scope);
    }
}
