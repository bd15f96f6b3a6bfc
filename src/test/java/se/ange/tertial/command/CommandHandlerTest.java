package se.ange.tertial.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Callers;
import se.ange.tertial.register.activity.ActivityCatalog;
import se.ange.tertial.schedule.ReminderItem;
import se.ange.tertial.schedule.ReminderRun;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.TestDatabase;

/** The chat commands against the 2024 register on 24 April 2024, for each role. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-24T08:00:00Z")
class CommandHandlerTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    CommandHandler commands;

    @Inject
    Callers callers;

    @Inject
    ActivityCatalog catalog;

    @Inject
    ReminderRun reminders;

    @BeforeEach
    void register() {
        TestDatabase.clear(dataSource);
        Api admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", null).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    private Reply as(String email, String line) {
        Optional<Caller> caller = callers.byEmail(email, "slack");
        assertThat(caller).as(email).isPresent();
        return commands.handle(line, caller, Language.SV, Channel.SLACK);
    }

    private static final String EMMA = "emma.berglund@ange.example";
    private static final String JOHAN = "johan.nordin@ange.example";
    private static final String SARA = "sara.lindqvist@ange.example";

    @Test
    void mine_lists_the_owners_activities_that_need_a_report() {
        Reply mine = as(EMMA, "mina");
        assertThat(mine.heading()).startsWith("Dina aktiviteter som behöver en rapport för 2024-T1");
        assertThat(mine.entries()).extracting(Reply.Entry::key).contains("KS2024-002", "KS2024-004")
                .doesNotContain("KS2024-001");
        assertThat(mine.entries()).allSatisfy(e -> assertThat(e.detail()).isEqualTo("ingen status än"));
    }

    @Test
    void an_owner_reports_by_chat_for_their_own_activity_only() {
        Reply recorded = as(EMMA, "status KS2024-002 pågående med avvikelse: andra föreläsningen flyttad");
        assertThat(recorded.toText()).contains("Tack! Registrerat för 2024-T1").contains("⚠ Pågående med avvikelse")
                .contains("andra föreläsningen flyttad");
        var history = catalog.byRef("KS2024-002").orElseThrow().reports();
        assertThat(history).singleElement().satisfies(r -> {
            assertThat(r.channel()).isEqualTo(Channel.SLACK);
            assertThat(r.reportedBy()).isEqualTo(EMMA);
            assertThat(r.comment()).isEqualTo("andra föreläsningen flyttad");
        });
        assertThat(as(EMMA, "status KS2024-001 2").toText())
                .startsWith("Jag hittar ingen aktivitet KS2024-001."); // not hers: as if there were none
        assertThat(catalog.byRef("KS2024-001").orElseThrow().reports()).isEmpty();
        assertThat(as(EMMA, "mina").entries()).extracting(Reply.Entry::key).doesNotContain("KS2024-002");
    }

    @Test
    void overdue_is_limited_to_the_callers_department_and_others_are_politely_refused() {
        assertThat(as(EMMA, "försenade Socialavdelningen").toText())
                .contains("Tyvärr, du kan bara se försenade aktiviteter i din egen verksamhet");
        assertThat(as(JOHAN, "försenade Socialavdelningen").toText()).contains("Tyvärr");
        Reply staben = as(JOHAN, "försenade");
        assertThat(staben.entries()).isNotEmpty();
        assertThat(staben.entries()).allSatisfy(e -> assertThat(catalog.byRef(e.key()).orElseThrow().department())
                .isEqualTo("Staben"));
        Reply social = as(SARA, "försenade socialavdelningen");
        assertThat(social.entries()).isNotEmpty().allSatisfy(e ->
                assertThat(catalog.byRef(e.key()).orElseThrow().department()).isEqualTo("Socialavdelningen"));
        // most overdue first
        assertThat(social.entries()).extracting(e -> catalog.byRef(e.key()).orElseThrow().activity().endDate())
                .isSorted();
    }

    @Test
    void long_answers_are_paged_and_say_so() {
        Reply first = as(SARA, "saknas");
        assertThat(first.heading()).contains("Aktiviteter utan rapport för 2024-T1");
        assertThat(first.entries()).hasSize(CommandHandler.PAGE_SIZE);
        assertThat(first.notes()).anySatisfy(n -> assertThat(n).contains("Sida 1 av").contains("`saknas 2024-T1 sida 2`"));
        int pages = (catalog.all().size() + 9) / 10;
        Reply beyond = as(SARA, "saknas sida 99");
        assertThat(beyond.entries()).isEmpty();
        assertThat(beyond.heading()).startsWith("Det finns ingen sida 99: svaret har ").contains(" sidor (")
                .contains(" aktiviteter)").containsPattern("Skriv `saknas 2024-T1 sida \\d+` för att se den sista\\.");
        String last = beyond.heading().replaceAll(".*`(saknas 2024-T1 sida \\d+)`.*", "$1");
        Reply lastPage = as(SARA, last);
        assertThat(lastPage.entries()).isNotEmpty();
        assertThat(lastPage.notes()).anySatisfy(n -> assertThat(n).contains("Sida").doesNotContain("för nästa"));
        assertThat(pages).isPositive();
    }

    @Test
    void paging_past_a_one_page_answer_says_everything_fits_on_one_page() {
        Reply beyond = as(EMMA, "mina sida 2");
        assertThat(beyond.entries()).isEmpty();
        assertThat(beyond.heading()).matches("Det finns ingen sida 2: alla \\d+ aktivitete?r? får plats på en sida\\. "
                + "Skriv `mina` för att se den\\.");
    }

    @Test
    void deviations_show_and_help() {
        assertThat(as(SARA, "avvikelser").entries()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.detail()).isNotBlank());
        as(EMMA, "status KS2024-002 2 första klar");
        Reply show = as(EMMA, "aktivitet KS2024-002");
        assertThat(show.heading()).startsWith("KS2024-002 Genomföra två föreläsningar");
        assertThat(show.entries()).singleElement().satisfies(e -> assertThat(e.key()).isEqualTo("2024-T1"));
        assertThat(show.notes().get(0)).contains("Staben").contains("Emma Berglund");
        assertThat(as(EMMA, "aktivitet KS2024-001").toText())
                .startsWith("Jag hittar ingen aktivitet KS2024-001."); // not hers: as if there were none
        assertThat(as(EMMA, "hjälp").entries()).hasSize(CommandName.values().length);
    }

    @Test
    void malformed_commands_get_the_closest_help_and_strangers_only_help() {
        Reply unclear = as(EMMA, "stauts KS2024-002 2");
        assertThat(unclear.heading()).startsWith("Jag förstod inte riktigt");
        // the example is the asker's own activity, not the manual's KS2024-017
        assertThat(unclear.entries()).singleElement().satisfies(e -> assertThat(e.key()).startsWith("status KS2024-")
                .doesNotContain("KS2024-017"));

        Reply stranger = commands.handle("mina", Optional.empty(), Language.SV, Channel.SLACK);
        assertThat(stranger.heading()).contains("känner inte igen dig");
        assertThat(commands.handle("help", Optional.empty(), Language.EN, Channel.SLACK).heading())
                .isEqualTo("Tertial – commands:");
    }

    @Test
    void managers_see_and_change_their_weekly_digest_in_settings_owners_get_none() {
        assertThat(as(EMMA, "inställningar").toText()).doesNotContain("Veckosammanställningen");
        assertThat(as(JOHAN, "inställningar").toText()).contains("Veckosammanställningen kommer måndagar via e-post");
        assertThat(as(JOHAN, "inställningar sammanställning fredag teams").toText())
                .contains("Veckosammanställningen kommer fredagar via Teams");
        assertThat(as(JOHAN, "inställningar sammanställning av").toText()).contains("Veckosammanställningen är avstängd");
        assertThat(as(EMMA, "inställningar sammanställning fredag").toText()).doesNotContain("Veckosammanställningen");
    }

    @Test
    void settings_change_where_reminders_go_and_the_language_of_answers() {
        assertThat(as(EMMA, "inställningar").heading()).contains("via e-post, på svenska");
        assertThat(as(EMMA, "inställningar slack engelska").heading()).contains("come by Slack, in English");
        Reply english = commands.handle("mina", callers.byEmail(EMMA, "slack"), Channel.SLACK);
        assertThat(english.heading()).startsWith("Your activities that need a report");
        assertThat(reminders.preview(LocalDate.parse("2024-04-30")).stream()
                .filter(m -> m.recipient().email().equals(EMMA)).findFirst().orElseThrow().recipient().reminderChannel())
                .isEqualTo(se.ange.tertial.register.org.ReminderChannel.SLACK);
    }

    @Test
    void a_snooze_keeps_the_activity_out_of_the_persons_next_reminder() {
        assertThat(as(EMMA, "påminn KS2024-002 om 7 dagar").heading()).endsWith("förrän 1 maj.");
        // the last T1 reminder is on 30 April, within the snooze
        assertThat(reminders.preview(LocalDate.parse("2024-04-30")).stream()
                .filter(m -> m.recipient().email().equals(EMMA)).flatMap(m -> m.items().stream())
                .map(ReminderItem::activityRef)).doesNotContain("KS2024-002").contains("KS2024-004");
    }

    @Test
    void klar_asks_which_of_the_two_completed_statuses_and_records_nothing() {
        Reply asked = as(EMMA, "status KS2024-002 klar: båda föreläsningarna hölls");
        assertThat(asked.toText()).isEqualTo("Avslutad enligt plan eller med avvikelse? Inget är registrerat för KS2024-002 än. "
                + "Skriv `status KS2024-002 5: båda föreläsningarna hölls` om allt gick enligt plan, "
                + "eller `status KS2024-002 6: båda föreläsningarna hölls` om något avvek.");
        assertThat(as(EMMA, "status KS2024-002 avslutad").toText()).contains("`status KS2024-002 5: kommentar`")
                .contains("`status KS2024-002 6: vad som avviker och vad som händer nu`");
        assertThat(as(EMMA, "status KS2024-001 klar").toText())
                .startsWith("Jag hittar ingen aktivitet KS2024-001."); // not hers: as if there were none
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).isEmpty();
        assertThat(as(EMMA, "status KS2024-002 5: båda föreläsningarna hölls").toText()).contains("Tack! Registrerat");
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(se.ange.tertial.followup.Status.AVSLUTAD_ENLIGT_PLAN));
    }

    @Test
    void a_status_with_deviation_and_no_comment_asks_for_the_comment_instead_of_recording() {
        assertThat(as(EMMA, "status KS2024-002 3").toText()).isEqualTo("Pågående med avvikelse behöver en kommentar: "
                + "vad avviker, och vad händer nu? Inget är registrerat för KS2024-002 än. "
                + "Skriv så här: `status KS2024-002 3: vad som avviker och vad som händer nu`");
        assertThat(as(EMMA, "status KS2024-002 avslutad med avvikelser").toText())
                .startsWith("Avslutad med avvikelse behöver en kommentar").contains("`status KS2024-002 6: ");
        assertThat(as(EMMA, "status KS2024-002 Försenad –").toText()).contains("behöver en kommentar");
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).isEmpty();
        assertThat(as(EMMA, "status KS2024-002 3: lokalen saknades, föreläsningen flyttad till maj").toText())
                .contains("Tack! Registrerat");
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).singleElement()
                .satisfies(r -> assertThat(r.comment()).isEqualTo("lokalen saknades, föreläsningen flyttad till maj"));
        // without deviation a comment stays optional
        assertThat(as(EMMA, "status KS2024-004 2").toText()).contains("Tack! Registrerat");
    }

    @Test
    void short_refs_and_on_track_are_understood_and_an_unknown_ref_answers_menade_du() {
        assertThat(as(EMMA, "status ks2024-2 on track: första föreläsningen hölls").toText())
                .contains("Tack! Registrerat").contains("KS2024-002").contains("▶ Pågående enligt plan");
        assertThat(catalog.byRef("KS2024-002").orElseThrow().reports()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(se.ange.tertial.followup.Status.PAGAENDE_ENLIGT_PLAN));
        assertThat(as(EMMA, "aktivitet ks2024-2").heading()).startsWith("KS2024-002 ");
        assertThat(as(EMMA, "status KS2042-002 2").toText()).startsWith("Jag hittar ingen aktivitet KS2042-002. Menade du ")
                .contains("KS2024-002").endsWith("?");
        assertThat(as(EMMA, "aktivitet XY1999-999").toText())
                .isEqualTo("Jag hittar ingen aktivitet XY1999-999. Skriv `mina` för att se dina.");
    }

    @Test
    void a_department_is_found_by_the_start_of_its_name_or_answered_with_menade_du() {
        Reply social = as(SARA, "försenade social");
        assertThat(social.heading()).startsWith("Försenade aktiviteter 24 april");
        assertThat(social.entries()).isNotEmpty().allSatisfy(e ->
                assertThat(catalog.byRef(e.key()).orElseThrow().department()).isEqualTo("Socialavdelningen"));
        assertThat(social.entries()).allSatisfy(e -> assertThat(e.detail()).matches("slutdatum \\d{1,2} [a-zé]+( \\d{4})?, .*"));
        assertThat(as(SARA, "försenade Ekonomi").toText()).doesNotContain("hittar ingen");
        assertThat(as(SARA, "försenade Ekonmiavdelningen").toText())
                .isEqualTo("Jag hittar ingen avdelning som heter Ekonmiavdelningen. Menade du Ekonomiavdelningen?");
        assertThat(as(SARA, "försenade S").toText()).startsWith("Jag hittar ingen avdelning som heter S. Menade du ")
                .contains("Staben").contains("Socialavdelningen").contains(" eller ");
        assertThat(as(EMMA, "försenade Social").toText()).contains("Tyvärr, du kan bara se försenade aktiviteter");
    }

    @Test
    void history_shows_who_by_name_the_channel_as_swedish_text_and_dates_as_in_mail() {
        as(EMMA, "status KS2024-002 2: första föreläsningen hölls");
        Reply show = as(EMMA, "visa KS2024-002");
        assertThat(show.entries()).singleElement().satisfies(e -> assertThat(e.detail())
                .isEqualTo("första föreläsningen hölls (Emma Berglund via Slack, 24 april)"));
        assertThat(show.toText()).doesNotContain("@");
        assertThat(show.notes().get(0)).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                .containsPattern("\\d{1,2} [a-z]+ – \\d{1,2} [a-z]+");
    }

    @Test
    void the_help_examples_use_one_of_the_askers_own_activities() {
        Reply help = as(EMMA, "hjälp");
        String status = help.entries().stream().map(Reply.Entry::key).filter(k -> k.startsWith("status ")).findFirst().orElseThrow();
        assertThat(status).doesNotContain("KS2024-017");
        String ref = status.split(" ")[1];
        assertThat(catalog.byRef(ref).orElseThrow().owners()).anySatisfy(p -> assertThat(p.email()).isEqualTo(EMMA));
        assertThat(help.entries()).filteredOn(e -> e.key().startsWith("påminn")).singleElement()
                .satisfies(e -> assertThat(e.key()).startsWith("påminn " + ref));
        assertThat(as(EMMA, "stauts 2").heading()).doesNotContain("KS2024-017");
        assertThat(commands.handle("hjälp", Optional.empty(), Language.SV, Channel.SLACK).toText()).contains("KS2024-017");
    }
}
