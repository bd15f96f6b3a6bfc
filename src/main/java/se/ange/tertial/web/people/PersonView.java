package se.ange.tertial.web.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.OrgUnit;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonSettings;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/** Renders {@code /personer/{id}} (with the forms the viewer may use) and the confirmation before unlinking a chat. */
@Singleton
class PersonView {

    /** The units of one department, as an {@code optgroup}. */
    record Group(String label, List<Form.Option> options) {
    }

    /** An absence as listed, with its remove button. */
    record Absence(long id, String period) {
    }

    private final Directory directory;
    private final PersonSettings settings;
    private final Pages pages;
    private final Clock clock;

    PersonView(Directory directory, PersonSettings settings, Pages pages, Clock clock) {
        this.directory = directory;
        this.settings = settings;
        this.pages = pages;
        this.clock = clock;
    }

    MutableHttpResponse<?> page(HttpRequest<?> request, Authentication authentication, Person person, HttpStatus status,
                                @Nullable String saved, List<Form.Problem> problems, Map<String, String> typed) {
        WebTexts t = Pages.texts(request);
        Caller caller = Caller.of(authentication);
        Directory.Places register = directory.places();
        Set<Role> roles = directory.roles(person);
        Map<String, Object> model = new HashMap<>();
        model.put("title", person.name());
        model.put("person", person);
        model.put("base", "/personer/" + person.id());
        model.put("admin", caller.has(Role.ADMIN));
        model.put("keep", Permissions.canChangePersonSettings(caller, person.id()));
        model.put("saved", saved == null ? null : t.get("person.saved." + saved));
        model.put("problems", problems);
        model.put("errors", Form.errors(problems));
        String place = register.departmentName(person.departmentId());
        String unit = register.unitName(person.unitId());
        model.put("place", unit.isEmpty() ? place : place + " / " + unit);
        model.put("rolesText", Form.roles(roles, t));
        model.put("languageText", person.language() == Language.EN ? "English" : "svenska");
        model.put("deputyName", directory.person(person.deputyId()).map(Person::name).orElse(null));
        model.put("name", typed.getOrDefault("name", person.name()));

        List<Form.Option> departments = new ArrayList<>();
        for (Department d : register.departments()) {
            departments.add(new Form.Option(String.valueOf(d.id()), d.name(), d.id().equals(person.departmentId())));
        }
        model.put("departments", departments);
        model.put("noUnit", new Form.Option("", t.get("person.unit.none"), person.unitId() == null));
        List<Group> units = new ArrayList<>();
        for (Department d : register.departments()) {
            List<Form.Option> options = register.unitsOf(d).stream().map((OrgUnit u) -> new Form.Option(
                    String.valueOf(u.id()), u.name(), u.id().equals(person.unitId()))).toList();
            if (!options.isEmpty()) {
                units.add(new Group(d.name(), options));
            }
        }
        model.put("units", units);
        model.put("languages", List.of(new Form.Option("SV", "svenska", person.language() == Language.SV),
                new Form.Option("EN", "English", person.language() == Language.EN)));
        model.put("roles", Form.ROLES.stream().map(r -> new Form.Option(r.name(), Form.role(r, t), roles.contains(r)))
                .toList());

        List<Form.Option> deputies = new ArrayList<>();
        deputies.add(new Form.Option("", t.get("person.deputy.none"), person.deputyId() == null));
        directory.choices().stream()
                .filter(p -> p.id() != person.id() && (p.active() || Long.valueOf(p.id()).equals(person.deputyId())))
                .forEach(p -> deputies.add(new Form.Option(p.email(), p.name(),
                        Long.valueOf(p.id()).equals(person.deputyId()))));
        model.put("deputies", deputies);
        LocalDate today = LocalDate.now(clock);
        model.put("absences", settings.comingAbsences(person, today).stream()
                .map(a -> new Absence(a.id(), Form.period(a, t.language()))).toList());
        model.put("absenceFrom", typed.getOrDefault("absence-from", ""));
        model.put("absenceTo", typed.getOrDefault("absence-to", ""));
        return pages.render(request, status, "personer-person", model);
    }

    MutableHttpResponse<?> confirmUnlink(HttpRequest<?> request, Person person, String chat) {
        WebTexts t = Pages.texts(request);
        Map<String, Object> model = new HashMap<>();
        String label = chat.equals("slack") ? "Slack" : "Teams";
        model.put("title", t.format("person.unlink.title", label));
        model.put("question", t.format("person.unlink.question", person.name(), label));
        model.put("action", "/personer/" + person.id() + "/koppling/" + chat);
        model.put("confirm", t.format("person.unlink.confirm", label));
        model.put("back", "/personer/" + person.id());
        model.put("linked", chat.equals("slack") ? person.slackUserId() != null : person.teamsUserId() != null);
        return pages.render(request, "personer-bekrafta", model);
    }
}
