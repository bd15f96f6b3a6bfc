package se.ange.tertial.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.ange.tertial.command.CommandHandler;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.ReminderCalendar;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.mail.ReminderMail;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.notify.ReminderItemRepository;
import se.ange.tertial.notify.ReminderItemRow;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Callers;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.register.activity.StatusReport;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;

/**
 * On the days reminders go out, an answer without a tertial is recorded for the tertial that day's reminder
 * names — by chat, through the API — and {@code mina} names it too.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-03-28T07:00:00Z")
class AskedTertialOnReminderDaysTest {

    private static final String EMMA = "emma.berglund@ange.example";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    ReminderRun reminders;

    @Inject
    OutboxRepository outbox;

    @Inject
    ReminderItemRepository items;

    @Inject
    ReminderMail mail;

    @Inject
    PersonRepository people;

    @Inject
    CommandHandler commands;

    @Inject
    ReminderCalendar calendar;

    @Inject
    Callers callers;

    @Inject
    ActivityCatalog catalog;

    Api admin;

    @BeforeEach
    void plan() {
        TestDatabase.clear(dataSource);
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    @ParameterizedTest(name = "{0}: the reminder asks for {1}")
    @CsvSource({
            "2024-03-28T07:00:00Z, 2024-T1, 2023-T3", // T1's first reminder, the day before Långfredag
            "2024-06-28T06:00:00Z, 2024-T2, 2024-T1", // T2's reminder before the quiet July
    })
    void an_answer_on_a_reminder_day_is_for_the_tertial_the_reminder_names(String morning, String tertial,
                                                                           String previous) {
        clock.set(Instant.parse(morning));
        LocalDate day = LocalDate.ofInstant(clock.instant(), clock.getZone());
        assertThat(reminders.run(day).messages()).isPositive();

        Person emma = people.findByEmail(EMMA).orElseThrow();
        OutboxMessage reminder = outbox.findAllOrderById().stream()
                .filter(m -> m.recipientId().equals(emma.id())).findFirst().orElseThrow();
        List<ReminderItemRow> asked = items.findByMessageIdOrderById(reminder.id());
        assertThat(asked).extracting(ReminderItemRow::activityRef).contains("KS2024-002");
        assertThat(asked).extracting(ReminderItemRow::tertial).containsOnly(tertial);
        ReminderMail.Rendered rendered = mail.render(emma, asked);
        assertThat(rendered.subject() + rendered.text()).contains(tertial).doesNotContain(previous);

        Optional<Caller> caller = callers.byEmail(EMMA, "slack");
        assertThat(commands.handle("mina", caller, Language.SV, Channel.SLACK).heading()).contains(tertial);
        assertThat(commands.handle("status KS2024-002 2: första föreläsningen hållen", caller, Language.SV,
                Channel.SLACK).heading()).contains(tertial);
        Api emmaApi = admin.withNewToken("emma", "OWNER", EMMA);
        emmaApi.postJson("/api/activities/KS2024-004/reports", Map.of("status", "Pågående enligt plan"));

        assertThat(reportsOf("KS2024-002")).extracting(StatusReport::tertial).containsExactly(tertial);
        assertThat(reportsOf("KS2024-004")).extracting(StatusReport::tertial).containsExactly(tertial);
        // answered: the next reminder day does not ask again
        LocalDate second = calendar.tertialReminder(Tertial.parse(tertial), ReminderCalendar.Step.SECOND);
        assertThat(reminders.preview(second).stream().map(PlannedMessage::recipient).map(Person::email)).contains(EMMA);
        assertThat(reminders.preview(second).stream().flatMap(m -> m.items().stream())
                .map(ReminderItem::activityRef)).doesNotContain("KS2024-002", "KS2024-004");
    }

    private List<StatusReport> reportsOf(String ref) {
        return catalog.byRef(ref).orElseThrow().reports();
    }
}
