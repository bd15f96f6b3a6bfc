package se.ange.tertial.schedule;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.system.Database;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemException;

/** Stab previews a day's reminders before a close; an admin can run a day now (catch-up, demos). */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/reminders")
class ReminderController {

    @Serdeable
    record PreviewItem(String recipient, String name, ReminderChannel channel, List<String> activities, String reason,
                       List<ReminderItem> items) {
    }

    @Serdeable
    record Preview(LocalDate on, List<PreviewItem> items) {
    }

    private final ReminderRun reminders;

    ReminderController(ReminderRun reminders) {
        this.reminders = reminders;
    }

    @Get("/preview")
    @Secured({"STAB", "ADMIN"})
    Preview preview(@QueryValue LocalDate on) {
        Limits.date("on", on);
        return new Preview(on, reminders.preview(on).stream().map(m -> new PreviewItem(m.recipient().email(),
                m.recipient().name(), m.recipient().reminderChannel(),
                m.items().stream().map(ReminderItem::activityRef).distinct().toList(),
                m.items().stream().map(i -> i.purpose() + (i.tertial() == null ? "" : " " + i.tertial()) + " " + i.step())
                        .distinct().collect(Collectors.joining(", ")),
                m.items())).toList());
    }

    @Post("/run")
    @Secured("ADMIN")
    ReminderRun.Result run(@QueryValue LocalDate on) {
        Limits.date("on", on);
        try {
            return reminders.run(on);
        } catch (RuntimeException e) {
            // the same day started twice at once (two instances, a double click): the reminders' unique keys
            // stop the second, whose transaction wrote nothing; the first run sends each reminder once
            if (Database.isUniqueViolation(e)) {
                throw new ProblemException(HttpStatus.CONFLICT, "Påminnelserna för %s körs redan. Vänta en stund och "
                        .formatted(on) + "se efter i utkorgen: det som redan är köat skickas inte igen.", List.of());
            }
            throw e;
        }
    }
}
