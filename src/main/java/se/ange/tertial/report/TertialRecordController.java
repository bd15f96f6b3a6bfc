package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.system.ProblemException;

/** Closing a tertial (its report freezes) and asking whether it is closed. */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/tertials")
class TertialRecordController {

    /**
     * @param autoCloseOn the day the daily check closes it, while it is open
     * @param message     what happened, in words
     */
    @Serdeable
    record RecordJson(String tertial, boolean frozen, @Nullable Instant frozenAt, @Nullable String frozenBy,
                      boolean automatic, @Nullable Integer activities, @Nullable Integer goals,
                      @Nullable LocalDate autoCloseOn, String message) {
    }

    private final TertialRecords records;
    private final AutoClose autoClose;

    TertialRecordController(TertialRecords records, AutoClose autoClose) {
        this.records = records;
        this.autoClose = autoClose;
    }

    @Post("/{tertial}/close")
    @Secured("STAB")
    HttpResponse<RecordJson> close(@PathVariable String tertial, Authentication authentication) {
        Tertial id = parseTertial(tertial);
        TertialRecords.CloseResult result = records.close(id, Caller.of(authentication).actor(Channel.API), false);
        TertialRecordRow row = result.record();
        String message = result.created()
                ? "Tertial %s är låst: %s och %s sparade".formatted(id,
                        se.ange.tertial.followup.Counted.of(result.activities(), se.ange.tertial.followup.Counted.ACTIVITY),
                        se.ange.tertial.followup.Counted.of(result.goals(), se.ange.tertial.followup.Counted.GOAL))
                : "Tertial %s var redan låst sedan %s av %s; den första låsningen gäller".formatted(id, row.frozenAt(),
                        row.frozenBy());
        RecordJson json = new RecordJson(id.toString(), true, row.frozenAt(), row.frozenBy(), row.automatic(),
                result.activities(), result.goals(), null, message);
        return result.created() ? HttpResponse.created(json) : HttpResponse.ok(json);
    }

    @Get("/{tertial}/record")
    @Secured({"STAB", "ADMIN", "MANAGER"})
    RecordJson record(@PathVariable String tertial) {
        Tertial id = parseTertial(tertial);
        return records.record(id)
                .map(row -> new RecordJson(id.toString(), true, row.frozenAt(), row.frozenBy(), row.automatic(), null,
                        null, null, "Tertial %s är låst; rapporten visar det sparade läget".formatted(id)))
                .orElseGet(() -> new RecordJson(id.toString(), false, null, null, false, null, null,
                        id.closingDate().plusDays(autoClose.days()),
                        "Tertial %s är inte låst; rapporten visar registret som det är nu".formatted(id)));
    }

    /** The tertial of a path, or 422 in Swedish (the wording of the register's queries). */
    static Tertial parseTertial(String text) {
        return ProblemException.tertial(text);
    }
}
