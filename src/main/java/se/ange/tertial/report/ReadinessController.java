package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.Organisation;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.system.ProblemException;

/**
 * Each department's readiness in a tertial ({@link Readiness}): stab and admin read every department's, a
 * manager their own; {@code POST …/{department}} with an action (ready, take-back, review, send-back with a
 * note) changes it, by the same rule as the report workspace's buttons.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/tertials/{tertial}/readiness")
@Secured({"STAB", "ADMIN", "MANAGER"})
class ReadinessController {

    @Serdeable
    record ChangeBody(@Nullable @Size(max = 40) String action, @Nullable @Size(max = Readiness.NOTE) String note) {
    }

    @Serdeable
    record StateJson(String department, String state, @Nullable String readyBy, @Nullable Instant readyAt,
                     @Nullable String reviewedBy, @Nullable Instant reviewedAt, @Nullable String note,
                     @Nullable String noteBy, @Nullable Instant noteAt, List<String> managers) {

        static StateJson of(Readiness.DepartmentState d) {
            return new StateJson(d.department().name(), d.state().name(), d.readyBy(), d.readyAt(), d.reviewedBy(),
                    d.reviewedAt(), d.note(), d.noteBy(), d.noteAt(), d.managers());
        }
    }

    private final Readiness readiness;
    private final Organisation organisation;

    ReadinessController(Readiness readiness, Organisation organisation) {
        this.readiness = readiness;
        this.organisation = organisation;
    }

    @Get
    List<StateJson> list(@PathVariable String tertial, Authentication authentication) {
        Tertial id = TertialRecordController.parseTertial(tertial);
        Caller caller = Caller.of(authentication);
        return readiness.of(id).stream()
                .filter(d -> ReportAccess.seesEverything(caller)
                        || Objects.equals(caller.departmentId(), d.department().id()))
                .map(StateJson::of).toList();
    }

    @Post("/{department}")
    StateJson change(@PathVariable String tertial, @PathVariable String department, @Body @Valid ChangeBody body,
                     Authentication authentication) {
        Tertial id = TertialRecordController.parseTertial(tertial);
        Department found = organisation.findDepartment(department)
                .orElseThrow(() -> ProblemException.notFound("Avdelningen " + department + " finns inte"));
        DepartmentReadiness.Action action = action(body.action());
        Caller caller = Caller.of(authentication);
        if (!caller.has(Role.STAB) && !Objects.equals(caller.departmentId(), found.id())) {
            throw ProblemException.forbidden("Du får bara ändra beredskapen för din egen avdelning");
        }
        return StateJson.of(readiness.change(id, found, action, body.note(), caller, Channel.API));
    }

    /** "ready", "take-back", "review", "send-back" (or the enum's names). */
    static DepartmentReadiness.Action action(@Nullable String text) {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if ("READY".equals(key)) {
            return DepartmentReadiness.Action.MARK_READY;
        }
        for (DepartmentReadiness.Action action : DepartmentReadiness.Action.values()) {
            if (action.name().equals(key)) {
                return action;
            }
        }
        throw ProblemException.invalidField("action",
                "Okänd åtgärd '%s'. Välj ready, take-back, review eller send-back".formatted(text));
    }
}
