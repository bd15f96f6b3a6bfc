package se.ange.tertial.report;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import se.ange.tertial.followup.GoalAssessor;
import se.ange.tertial.followup.MeasureAssessor;

/** The report's plain-Java parts as beans. */
@Factory
class ReportFactory {

    @Singleton
    LiveStates liveStates(GoalAssessor assessor) {
        return new LiveStates(assessor, new MeasureAssessor());
    }

    @Singleton
    DepartmentReportBuilder departmentReportBuilder(Clock clock) {
        return new DepartmentReportBuilder(clock);
    }

    @Singleton
    BoardReportBuilder boardReportBuilder(Clock clock) {
        return new BoardReportBuilder(clock);
    }
}
