package se.ange.tertial.followup;

import java.time.Instant;

/** What the rules need to know of one status report. */
public record ReportFact(Tertial tertial, Status status, String comment, Instant receivedAt) {

    public boolean hasComment() {
        return comment != null && !comment.isBlank();
    }
}
