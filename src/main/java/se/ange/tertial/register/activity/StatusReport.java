package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.ReportFact;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;

/**
 * One reported status of an activity for a tertial. Never updated: a new report is a new row.
 * {@code inboundMailId}: the e-mail reply it came from, while that record is kept.
 */
@MappedEntity("status_report")
public record StatusReport(@Id @GeneratedValue @Nullable Long id, Long activityId, String tertial, Status status,
                           @Nullable String comment, @Nullable Long reporterId, String reportedBy,
                           Channel channel, Instant receivedAt, @Nullable Long inboundMailId) {

    public ReportFact toFact() {
        return new ReportFact(Tertial.parse(tertial), status, comment, receivedAt);
    }
}
