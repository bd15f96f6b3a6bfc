package se.ange.tertial.web.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonChoice;
import se.ange.tertial.register.org.PersonLists;
import se.ange.tertial.register.org.PersonOrder;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.PersonRole;
import se.ange.tertial.register.org.PersonRoleRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.support.CountingDriver;
import se.ange.tertial.support.TestDatabase;

/**
 * People lists are paged and ordered in SQL (issue 17: no whole-register read per request), in the order Java's
 * Swedish collator gives (å ä ö after z, case and accents breaking ties, then e-mail), on H2 and PostgreSQL alike.
 */
abstract class PeopleListsContract {

    /** Names that byte order, lower() under the C collation or case-blind order put elsewhere. */
    static final List<String> NAMES = List.of("Östen Berg", "Åsa Lind", "Ärla Ek", "Örjan Ås", "Zacharias Zorn",
            "zara Ungdom", "Émile Roux", "Erik Ekström", "eva Ekström", "Anna Andersson", "anna Andersson",
            "Anna Andersson", "Adam Åberg", "Ågren Per", "Ebba Öst", "Ölof Ärlig", "Bo Ärling", "Bo Arling");

    @Inject
    DataSource dataSource;

    @Inject
    PersonRepository people;

    @Inject
    PersonRoleRepository roles;

    @Inject
    PersonLists lists;

    @Inject
    Directory directory;

    /** Another empty database of the same kind, for the migration. */
    abstract Map<String, String> freshDatabase();

    Map<String, String> properties(Map<String, String> database) {
        return CountingDriver.wrapOrFreshH2(database, "tertial-people-lists");
    }

    @BeforeEach
    void clear() {
        TestDatabase.clear(dataSource);
    }

    @Test
    void people_are_listed_in_swedish_order_then_by_e_mail_in_sql() {
        List<Person> saved = addPeople(NAMES);
        Collator swedish = Collator.getInstance(Locale.forLanguageTag("sv-SE"));
        List<String> expected = saved.stream()
                .sorted(Comparator.comparing(Person::name, swedish).thenComparing(Person::email))
                .map(Person::email).toList();

        assertThat(lists.choices().stream().map(PersonChoice::email).toList()).isEqualTo(expected);
        assertThat(saved.stream().sorted(PersonOrder.PEOPLE).map(Person::email).toList()).isEqualTo(expected);
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            paged.addAll(directory.page("", null, null, page, 5, LocalDate.of(2024, 4, 10)).people().stream()
                    .map(Person::email).toList());
        }
        assertThat(paged).isEqualTo(expected);
        assertThat(lists.choices().subList(NAMES.size() - 6, NAMES.size())).extracting(PersonChoice::name)
                .containsExactly("Ågren Per", "Åsa Lind", "Ärla Ek", "Ölof Ärlig", "Örjan Ås", "Östen Berg");
    }

    @Test
    void a_renamed_person_moves_and_search_finds_swedish_letters_in_either_case() {
        List<Person> saved = addPeople(List.of("Adam Ek", "Åsa Lind", "Per 100%_rätt"));
        Person adam = saved.get(0);
        people.update(new Person(adam.id(), "Örn Adamsson", adam.email(), null, null, null, null, Language.SV, true,
                null, ReminderChannel.EMAIL));

        assertThat(lists.choices().stream().map(PersonChoice::name).toList())
                .containsExactly("Per 100%_rätt", "Åsa Lind", "Örn Adamsson");
        LocalDate day = LocalDate.of(2024, 4, 10);
        assertThat(directory.page("ÅSA", null, null, 1, 25, day).people()).extracting(Person::name)
                .containsExactly("Åsa Lind");
        assertThat(directory.page("örn", null, null, 1, 25, day).people()).extracting(Person::name)
                .containsExactly("Örn Adamsson");
        assertThat(directory.page("%", null, null, 1, 25, day).people()).extracting(Person::name)
                .containsExactly("Per 100%_rätt");
        assertThat(directory.page("0_", null, null, 1, 25, day).total()).isZero();
        assertThat(directory.page("person-1@", null, null, 1, 25, day).people()).extracting(Person::name)
                .containsExactly("Åsa Lind");
    }

    @Test
    void pages_are_kept_within_the_pages_there_are_and_filters_count_in_sql() {
        List<Person> saved = addPeople(NAMES);
        roles.save(new PersonRole(null, saved.get(0).id(), Role.MANAGER));
        roles.save(new PersonRole(null, saved.get(1).id(), Role.MANAGER));
        LocalDate day = LocalDate.of(2024, 4, 10);

        Directory.Page last = directory.page("", null, null, 99, 5, day);
        assertThat(last.number()).isEqualTo(4);
        assertThat(last.count()).isEqualTo(4);
        assertThat(last.total()).isEqualTo(NAMES.size());
        assertThat(last.people()).hasSize(NAMES.size() - 15);
        assertThat(directory.page("", null, null, 0, 5, day).number()).isEqualTo(1);
        Directory.Page exact = directory.page("", null, null, 2, NAMES.size() / 2, day);
        assertThat(exact.count()).isEqualTo(2);
        assertThat(exact.people()).hasSize(NAMES.size() / 2);

        Directory.Page managers = directory.page("", null, Role.MANAGER, 1, 25, day);
        assertThat(managers.people()).extracting(Person::name).containsExactly("Åsa Lind", "Östen Berg");
        assertThat(managers.rolesOf(managers.people().get(0))).containsExactly(Role.MANAGER);
        Directory.Page none = directory.page("ingen sådan", null, null, 3, 5, day);
        assertThat(none.total()).isZero();
        assertThat(none.number()).isEqualTo(1);
        assertThat(none.people()).isEmpty();
    }

    @Test
    void a_page_costs_as_many_statements_whatever_the_register_size_and_never_reads_every_person() {
        LocalDate day = LocalDate.of(2024, 4, 10);
        addPeople(NAMES);
        List<String> small = statements(() -> directory.page("", null, null, 2, 5, day));
        List<String> smallChoices = statements(() -> lists.choices());
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add("Person " + i);
        }
        addPeople(many);
        List<String> large = statements(() -> directory.page("", null, null, 2, 5, day));
        List<String> filtered = statements(() -> directory.page("person 2", null, Role.OWNER, 1, 5, day));

        System.out.println("Statements of a people page, 18 and 318 people: " + small.size() + " and " + large.size()
                + "; filtered: " + filtered.size() + "\n" + String.join("\n", large));
        assertThat(large).hasSameSizeAs(small);
        assertThat(statements(() -> lists.choices())).hasSameSizeAs(smallChoices).hasSize(1);
        for (String sql : large) {
            String lower = sql.toLowerCase(Locale.ROOT);
            assertThat(!lower.contains("from person ") || lower.contains("limit") || lower.contains("count(")
                    || lower.contains(" in (")).as("reads a page of people, not all: %s", sql).isTrue();
        }
        assertThat(large.size()).isLessThanOrEqualTo(5);
        assertThat(filtered.size()).isLessThanOrEqualTo(5);
    }

    @Test
    void a_name_as_long_as_allowed_is_stored_and_ordered_whatever_its_letters() {
        List<Person> saved = addPeople(List.of("Ö".repeat(200), "漢".repeat(200), "ǅ".repeat(200), "a".repeat(199) + "B",
                "a".repeat(199) + "b", "Anna"));
        assertThat(lists.choices()).hasSize(saved.size());
        // a key is cut at PersonOrder.KEY_LENGTH, so case alone no longer orders names this long: the e-mail does
        assertThat(lists.choices()).extracting(PersonChoice::name).startsWith("a".repeat(199) + "B",
                "a".repeat(199) + "b", "Anna");
        assertThat(lists.choices().subList(3, 6)).extracting(PersonChoice::name)
                .containsExactlyInAnyOrder("Ö".repeat(200), "漢".repeat(200), "ǅ".repeat(200));
    }

    @Test
    void a_person_written_without_a_sort_key_is_listed_last() throws Exception {
        addPeople(List.of("Öberg", "Andersson"));
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO person (name, email) VALUES ('Aaron Rå', 'aaron@ange.example')");
        }
        assertThat(lists.choices()).extracting(PersonChoice::name).containsExactly("Andersson", "Öberg", "Aaron Rå");
        assertThat(directory.page("rå", null, null, 1, 25, LocalDate.of(2024, 4, 10)).people())
                .extracting(Person::name).containsExactly("Aaron Rå");
    }

    @Test
    void the_migration_gives_people_already_there_their_sort_key() throws Exception {
        Map<String, String> database = freshDatabase();
        String url = database.get("datasources.default.url");
        String user = database.getOrDefault("datasources.default.username", "sa");
        String password = database.getOrDefault("datasources.default.password", "");
        Flyway.configure().dataSource(url, user, password).target("53").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("INSERT INTO person (name, email) VALUES ('Östen', 'o@ange.example'), ('Åsa', 'a@ange.example'),"
                    + " ('Zorn', 'z@ange.example'), ('" + "ö".repeat(200) + "', 'long@ange.example')");
            Flyway.configure().dataSource(url, user, password).load().migrate();
            List<String> ordered = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT name, search_name FROM person ORDER BY sort_key, email")) {
                while (rows.next()) {
                    ordered.add(rows.getString(1).substring(0, Math.min(5, rows.getString(1).length())) + " "
                            + rows.getString(2).substring(0, Math.min(5, rows.getString(2).length())));
                }
            }
            assertThat(ordered).containsExactly("Zorn zorn", "Åsa åsa", "Östen östen",
                    "ööööö ööööö");
        }
    }

    private List<Person> addPeople(List<String> names) {
        List<Person> saved = new ArrayList<>();
        int first = (int) people.count();
        for (int i = 0; i < names.size(); i++) {
            saved.add(people.save(new Person(null, names.get(i), "person-" + (first + i) + "@ange.example", null, null,
                    null, null, Language.SV, true, null, ReminderChannel.EMAIL)));
        }
        return saved;
    }

    /** The statements {@code path} executed on this thread, commits and rollbacks left out. */
    private static List<String> statements(Runnable path) {
        CountingDriver.start();
        path.run();
        return CountingDriver.stop().stream().filter(s -> !s.equals("COMMIT") && !s.equals("ROLLBACK")).toList();
    }
}
