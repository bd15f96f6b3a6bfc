package se.ange.tertial.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.ange.tertial.support.Api.body;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.ange.tertial.followup.Language;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.support.Api;
import se.ange.tertial.support.Fixtures;
import se.ange.tertial.support.MutableClock;
import se.ange.tertial.support.TestDatabase;

/**
 * The week's stab summary in the Teams channel is the team's, not a person's: exactly one post a week,
 * however many stab members there are and whatever each chose for their own digest. Also: a digest with
 * nothing to say is not sent but still counts as the week's, and a digest goes by the person's own
 * reminder channel unless they chose one for the digest.
 */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestChannelPostTest implements TestPropertyProvider {

    private static final String SARA = "sara.lindqvist@ange.example";   // stab
    private static final String STINA = "stina.stab@ange.example";      // stab, added by the tests
    private static final String JOHAN = "johan.nordin@ange.example";    // manager, Staben
    /** The demo register's five managers and one stab member. */
    private static final int MANAGERS_AND_STAB = 6;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    OutboxRepository outbox;

    @Inject
    PersonRepository people;

    private Api admin;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("tertial.test.clock", "2024-06-03T05:00:00Z");
        properties.put("tertial.teams.channel-webhook-url", "http://127.0.0.1:9/webhook/stab"); // never called here
        properties.put("tertial.digest.teams-channel", "true");
        return properties;
    }

    @BeforeEach
    void register() {
        TestDatabase.clear(dataSource);
        clock.set(Instant.parse("2024-06-03T05:00:00Z"));
        admin = new Api(client.toBlocking(), Api.BOOTSTRAP_ADMIN);
        admin.postCsv("/api/import/people", Fixtures.people());
        admin.withNewToken("stab", "STAB", SARA).postCsv("/api/import/activities", Fixtures.plan2024());
    }

    private Map run(String day) {
        clock.set(LocalDate.parse(day).atTime(5, 30).toInstant(ZoneOffset.UTC));
        return body(admin.exchange(HttpRequest.POST("/api/digests/run?on=" + day, "")));
    }

    private List<OutboxMessage> channelPosts() {
        return outbox.findAllOrderById().stream().filter(m -> m.kind() == MessageKind.CHANNEL_POST).toList();
    }

    private List<OutboxMessage> digestsTo(String email) {
        Long id = people.findByEmail(email).orElseThrow().id();
        return outbox.findAllOrderById().stream()
                .filter(m -> m.kind() == MessageKind.DIGEST && m.recipientId().equals(id)).toList();
    }

    private void choose(String email, boolean enabled, String day) {
        assertThat(admin.exchange(HttpRequest.PUT("/api/digests/preferences?person=" + email,
                Map.of("enabled", enabled, "day", day))).code()).isEqualTo(200);
    }

    @Test
    void two_stab_members_get_their_own_digests_and_the_channel_one_post_a_week() {
        admin.postCsv("/api/import/people", "name,email,role,department,unit,slack_user_id\n"
                + "Stina Stab,stina.stab@ange.example,stab,Staben,,\n");

        assertThat(run("2024-06-03")).containsEntry("sent", MANAGERS_AND_STAB + 1);
        run("2024-06-04");
        run("2024-06-05");

        assertThat(digestsTo(SARA)).hasSize(1);
        assertThat(digestsTo(STINA)).hasSize(1);
        assertThat(channelPosts()).singleElement().satisfies(post -> {
            assertThat(post.dedupeKey()).isEqualTo("DIGEST/CHANNEL/2024-06-03");
            assertThat(post.channel()).isEqualTo(ReminderChannel.TEAMS);
            assertThat(post.sendOn()).isEqualTo("2024-06-03");
            assertThat(post.bodyText()).contains("Per avdelning").contains("Socialavdelningen");
        });

        run("2024-06-10"); // the next week: the next post
        assertThat(channelPosts()).extracting(OutboxMessage::dedupeKey)
                .containsExactly("DIGEST/CHANNEL/2024-06-03", "DIGEST/CHANNEL/2024-06-10");
    }

    @Test
    void the_channel_is_posted_to_when_the_only_stab_member_turned_their_own_digest_off() {
        choose(SARA, false, "MONDAY");

        run("2024-06-03");

        assertThat(digestsTo(SARA)).isEmpty();
        assertThat(channelPosts()).singleElement().satisfies(post -> {
            assertThat(post.dedupeKey()).isEqualTo("DIGEST/CHANNEL/2024-06-03");
            assertThat(post.bodyText()).contains("Per avdelning").contains("Socialavdelningen");
        });
        run("2024-06-04");
        assertThat(channelPosts()).hasSize(1);
    }

    @Test
    void the_channel_post_comes_on_the_default_day_even_when_stab_reads_theirs_later_in_the_week() {
        choose(SARA, true, "WEDNESDAY");

        run("2024-06-03");
        assertThat(digestsTo(SARA)).isEmpty();
        assertThat(channelPosts()).singleElement().satisfies(post -> assertThat(post.sendOn()).isEqualTo("2024-06-03"));

        run("2024-06-05");
        assertThat(digestsTo(SARA)).hasSize(1);
        assertThat(channelPosts()).hasSize(1);
    }

    @Test
    void a_digest_with_nothing_to_say_is_not_sent_but_the_week_counts_as_done() {
        admin.postCsv("/api/import/people", "name,email,role,department,unit,slack_user_id\n"
                + "Tove Tom,tove.tom@ange.example,manager,Kulturavdelningen,,\n");

        assertThat(run("2024-06-03")).containsEntry("sent", MANAGERS_AND_STAB).containsEntry("empty", 1);
        assertThat(digestsTo("tove.tom@ange.example")).isEmpty();
        assertThat(run("2024-06-04")).containsEntry("sent", 0).containsEntry("empty", 0);
    }

    @Test
    void a_digest_goes_by_the_persons_reminder_channel_unless_they_chose_one_for_it() {
        Person johan = people.findByEmail(JOHAN).orElseThrow();
        people.update(johan.withPreferences(ReminderChannel.SLACK, Language.SV));
        Person maria = people.findByEmail("maria.sjoberg@ange.example").orElseThrow();
        people.update(maria.withPreferences(ReminderChannel.SLACK, Language.SV));
        assertThat(admin.exchange(HttpRequest.PUT("/api/digests/preferences?person=" + maria.email(),
                Map.of("enabled", true, "day", "MONDAY", "channel", "TEAMS"))).code()).isEqualTo(200);

        run("2024-06-03");

        assertThat(digestsTo(JOHAN)).singleElement().satisfies(m -> assertThat(m.channel()).isEqualTo(ReminderChannel.SLACK));
        assertThat(digestsTo(maria.email())).singleElement().satisfies(m -> assertThat(m.channel()).isEqualTo(ReminderChannel.TEAMS));
        assertThat(digestsTo(SARA)).singleElement().satisfies(m -> assertThat(m.channel()).isEqualTo(ReminderChannel.EMAIL));
    }
}
