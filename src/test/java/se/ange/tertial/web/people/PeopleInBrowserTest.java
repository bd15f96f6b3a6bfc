package se.ange.tertial.web.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRole;
import se.ange.tertial.register.org.PersonRoleRepository;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.support.BrowserTest;
import se.ange.tertial.web.SignInSteps;

/**
 * {@code /personer} in a real Chromium. The admin (a person with the ADMIN role, signed in by e-mail link) previews
 * a people CSV with a refused line, corrects it and imports it; gives a person the MANAGER role; sets someone's
 * deputy and an absence. Stab then sees all of it, read-only. Every state passes axe-core.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "tertial.test.clock", value = "2024-04-10T08:00:00Z")
class PeopleInBrowserTest extends BrowserTest {

    private static final String ADMIN = "alva.admin@ange.example";
    private static final String SARA = "sara.lindqvist@ange.example";
    private static final String EMMA = "emma.berglund@ange.example";

    @Inject
    PersonRoleRepository roles;

    @Test
    void the_admin_imports_people_after_a_preview_and_keeps_roles_deputies_and_absences_and_stab_sees_them() {
        freshPlan(null);
        admin.postCsv("/api/import/people", "name,email,role,department\nAlva Admin," + ADMIN + ",admin,Staben\n");
        SignInSteps.signIn(browser, outbox, people, ADMIN);

        browser.go("/personer");
        assertThat(browser.text("h1")).isEqualTo("Personer");
        assertThat(browser.find("a[aria-current=page]").getText()).isEqualTo("Personer");
        assertThat(browser.text("#people caption")).isEqualTo("17 personer");
        browser.assertAccessible("personer-01-admin-list");

        browser.clickAndAwaitNewPage(browser.find("a[href='/personer/import']"));
        browser.await("#file");
        browser.assertAccessible("personer-02-import");
        upload("""
                name,email,role,department,unit,slack_user_id
                Ida Nyström,ida.nystrom@ange.example,owner,Socialavdelningen,Hemtjänst,
                Emma Berglund,emma.berglund@ange.example,owner,Staben,HR och Kommunikation,U05OWN0001
                Olle Dahl,olle.dahl@ange.example,chefen,Ekonomiavdelningen,,
                """);
        assertThat(browser.text("#refused")).contains("4").contains("role").contains("Okänd roll 'chefen'");
        assertThat(browser.text("#preview-summary"))
                .isEqualTo("Nya: 1. Ändrade: 0. Oförändrade: 1. Rader som inte kan importeras: 1.");
        assertThat(browser.all("#run-import")).isEmpty();
        assertThat(people.findByEmail("ida.nystrom@ange.example")).isEmpty();
        browser.assertAccessible("personer-03-preview-refused");

        upload("""
                name,email,role,department,unit,slack_user_id
                Ida Nyström,ida.nystrom@ange.example,owner,Socialavdelningen,Hemtjänst,
                Emma Berglund,emma.berglund@ange.example,owner,Staben,HR och Kommunikation,U05OWN0001
                Olle Dahl,olle.dahl@ange.example,manager,Ekonomiavdelningen,,
                """);
        assertThat(browser.all("#refused")).isEmpty();
        assertThat(browser.text("#preview-summary"))
                .isEqualTo("Nya: 2. Ändrade: 0. Oförändrade: 1. Rader som inte kan importeras: 0.");
        assertThat(browser.text("#outcomes")).contains("Ida Nyström").contains("ny").contains("oförändrad");
        assertThat(people.findByEmail("ida.nystrom@ange.example")).isEmpty();
        browser.assertAccessible("personer-04-preview-ok");
        assertThat(browser.text("#run-import button")).isEqualTo("Importera 3 personer");
        browser.clickAndAwaitNewPage(browser.find("#run-import button"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("Importen är klar. Nya: 2. Ändrade: 0. Oförändrade: 1.");
        assertThat(browser.text("#people caption")).isEqualTo("19 personer");
        Person ida = people.findByEmail("ida.nystrom@ange.example").orElseThrow();

        browser.go("/personer/" + ida.id());
        assertThat(browser.text("h1")).isEqualTo("Ida Nyström");
        browser.assertAccessible("personer-05-person-admin");
        browser.find("#role-MANAGER").click();
        browser.clickAndAwaitNewPage(browser.find("form[action$='/roller'] button[type=submit]"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("Rollerna är sparade.");
        assertThat(roles.findByPersonId(ida.id()).stream().map(PersonRole::role)).containsExactlyInAnyOrder(Role.OWNER,
                Role.MANAGER);

        Person emma = people.findByEmail(EMMA).orElseThrow();
        browser.go("/personer/" + emma.id());
        new Select(browser.find("#deputy")).selectByValue("ida.nystrom@ange.example");
        browser.clickAndAwaitNewPage(browser.find("form[action$='/ersattare'] button[type=submit]"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("Ersättaren är sparad.");
        browser.find("#absence-from").sendKeys("2024-04-08");
        browser.find("#absence-to").sendKeys("2024-04-19");
        browser.clickAndAwaitNewPage(browser.find("form[action$='/franvaro'] button[type=submit]"));
        browser.await("p[role=status]");
        assertThat(browser.text("p[role=status]")).isEqualTo("Frånvaron är tillagd.");
        assertThat(browser.text("ul.absences")).contains("8 april 2024 – 19 april 2024");
        browser.assertAccessible("personer-06-deputy-absence");

        browser.go("/personer/organisation");
        assertThat(browser.text("main")).contains("Socialavdelningen").contains("Hemtjänst").contains("Chef: Maria Sjöberg");
        browser.assertAccessible("personer-07-organisation-admin");

        browser.driver().manage().deleteAllCookies();
        SignInSteps.signIn(browser, outbox, people, SARA);
        browser.go("/personer?q=emma");
        assertThat(browser.text("#people tbody")).contains("Emma Berglund").contains("Ida Nyström")
                .contains("8 april 2024 – 19 april 2024");
        assertThat(browser.all("a[href='/personer/import']")).isEmpty();
        browser.assertAccessible("personer-08-stab-list");
        browser.go("/personer/" + emma.id());
        assertThat(browser.text("main")).contains("Ida Nyström").contains("8 april 2024 – 19 april 2024")
                .contains("ändras av en administratör eller av personen själv");
        assertThat(browser.all("form[action$='/ersattare']")).isEmpty();
        assertThat(browser.all("form[action$='/roller']")).isEmpty();
        browser.assertAccessible("personer-09-stab-person");
        browser.go("/personer/organisation");
        assertThat(browser.all("main form")).isEmpty();
        browser.assertAccessible("personer-10-stab-organisation");
    }

    private void upload(String csv) {
        try {
            Path file = Files.createTempFile("people", ".csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            browser.find("#file").sendKeys(file.toAbsolutePath().toString());
            browser.find("form[action='/personer/import/forhandsgranska'] button[type=submit]").click();
            try {
                browser.await("#preview-summary");
            } catch (RuntimeException e) {
                throw new AssertionError("No preview; page " + browser.path() + ":\n"
                        + browser.driver().getPageSource(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
