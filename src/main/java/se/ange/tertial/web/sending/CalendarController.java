package se.ange.tertial.web.sending;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.ange.tertial.schedule.ReminderRun;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /utskick} (and {@code /utskick/kalender}): the reminder calendar — for each of the next 30 days who
 * is reminded of what. Each day is {@link ReminderRun#preview}, the same question the scheduler asks on the
 * day, so the calendar and what goes out cannot disagree.
 */
@Controller("/utskick")
@Produces(MediaType.TEXT_HTML)
@Secured({"STAB", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class CalendarController {

    static final int DAYS = 30;

    private final ReminderRun reminders;
    private final Pages pages;
    private final Clock clock;

    CalendarController(ReminderRun reminders, Pages pages, Clock clock) {
        this.reminders = reminders;
        this.pages = pages;
        this.clock = clock;
    }

    @Get
    MutableHttpResponse<?> calendar(HttpRequest<?> request) {
        WebTexts t = Pages.texts(request);
        LocalDate today = LocalDate.now(clock);
        List<CalendarDays.Day> days = new ArrayList<>();
        reminders.previewDays(today, DAYS).forEach((day, planned) -> days.add(CalendarDays.day(day, planned, t)));
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.get("sending.calendar.title"));
        model.put("tab", "kalender");
        model.put("rows", CalendarDays.compact(days, t));
        model.put("lead", t.format("sending.calendar.lead", CalendarDays.date(today, t),
                CalendarDays.date(today.plusDays(DAYS - 1), t)));
        return pages.render(request, "utskick-kalender", model);
    }

    @Get("/kalender")
    MutableHttpResponse<?> calendarTab(HttpRequest<?> request) {
        return calendar(request);
    }
}
