package se.ange.tertial.web.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonAdministration;
import se.ange.tertial.register.org.PersonSettings;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.web.ErrorPages;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /personer/{id}}: one person. The admin changes name, place, language, active, roles and the chat links
 * ({@link PersonAdministration}); deputy and absences follow the API's rule ({@link Permissions#canChangePersonSettings},
 * {@link PersonSettings}); stab reads. Each form changes one thing; a refused one comes back 422 with the field named.
 */
@Controller("/personer/{id}")
@Produces(MediaType.TEXT_HTML)
@Secured({"ADMIN", "STAB"})
@ExecuteOn(TaskExecutors.BLOCKING)
class PersonPageController {

    private static final List<String> SAVED = List.of("uppgifter", "roller", "ersattare", "franvaro", "borttagen",
            "slack", "teams");

    private final PersonView view;
    private final Directory directory;
    private final PersonAdministration administration;
    private final PersonSettings settings;
    private final ErrorPages errors;
    private final Clock clock;

    PersonPageController(PersonView view, Directory directory, PersonAdministration administration,
                         PersonSettings settings, ErrorPages errors, Clock clock) {
        this.view = view;
        this.directory = directory;
        this.administration = administration;
        this.settings = settings;
        this.errors = errors;
        this.clock = clock;
    }

    @Get
    MutableHttpResponse<?> show(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                @Nullable @QueryValue String sparad) {
        Optional<Person> person = find(id);
        if (person.isEmpty()) {
            return errors.notFound(request);
        }
        String saved = sparad != null && SAVED.contains(sparad) ? sparad : null;
        return view.page(request, authentication, person.get(), HttpStatus.OK, saved, List.of(), Map.of());
    }

    @Post("/uppgifter")
    @Secured("ADMIN")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> details(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                   @Nullable @Body("name") String name, @Nullable @Body("department") String department,
                                   @Nullable @Body("unit") String unit, @Nullable @Body("language") String language,
                                   @Nullable @Body("active") String active) {
        Optional<Person> found = find(id);
        if (found.isEmpty()) {
            return errors.notFound(request);
        }
        Person person = found.get();
        WebTexts t = Pages.texts(request);
        Map<String, String> typed = new HashMap<>();
        typed.put("name", name == null ? "" : name);
        List<Form.Problem> problems = new ArrayList<>();
        Language chosen = "EN".equals(language) ? Language.EN : "SV".equals(language) ? Language.SV : null;
        if (chosen == null) {
            problems.add(new Form.Problem("language", t.get("person.language.error")));
        }
        Long departmentId = Form.number(department);
        Long unitId = unit == null || unit.isBlank() ? null : Form.number(unit);
        if (unit != null && !unit.isBlank() && unitId == null) {
            problems.add(new Form.Problem("unit", t.get("person.unit.error")));
        }
        if (problems.isEmpty()) {
            try {
                administration.changeDetails(person, new PersonAdministration.Details(name, departmentId, unitId, chosen,
                        active != null), actor(authentication));
                return Pages.seeOther(request, "/personer/" + person.id() + "?sparad=uppgifter");
            } catch (ProblemException refused) {
                refused.errors().forEach(error -> problems.add(new Form.Problem(String.valueOf(error.field()),
                        t.get("person." + error.field() + ".error"))));
            }
        }
        return view.page(request, authentication, person, HttpStatus.UNPROCESSABLE_ENTITY, null, problems, typed);
    }

    /** One checkbox per role ({@code role_OWNER=on}, …): a form field that repeats would bind only its first value. */
    @Post("/roller")
    @Secured("ADMIN")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> roles(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                 @Nullable @Body("role_OWNER") String owner, @Nullable @Body("role_MANAGER") String manager,
                                 @Nullable @Body("role_STAB") String stab, @Nullable @Body("role_ADMIN") String admin) {
        Optional<Person> found = find(id);
        if (found.isEmpty()) {
            return errors.notFound(request);
        }
        Person person = found.get();
        WebTexts t = Pages.texts(request);
        Set<Role> wanted = EnumSet.noneOf(Role.class);
        if (owner != null) {
            wanted.add(Role.OWNER);
        }
        if (manager != null) {
            wanted.add(Role.MANAGER);
        }
        if (stab != null) {
            wanted.add(Role.STAB);
        }
        if (admin != null) {
            wanted.add(Role.ADMIN);
        }
        String problem;
        if (wanted.isEmpty()) {
            problem = t.get("person.roles.error");
        } else {
            try {
                administration.setRoles(person, wanted, actor(authentication));
                return Pages.seeOther(request, "/personer/" + person.id() + "?sparad=roller");
            } catch (ProblemException refused) {
                problem = t.get(person.id().equals(Caller.of(authentication).personId())
                        ? "person.roles.ownAdmin" : "person.roles.error");
            }
        }
        return view.page(request, authentication, person, HttpStatus.UNPROCESSABLE_ENTITY, null,
                List.of(new Form.Problem("role-OWNER", problem)), Map.of());
    }

    @Post("/ersattare")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> deputy(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                  @Nullable @Body("deputy") String deputy) {
        return forSettings(request, authentication, id, person -> {
            WebTexts t = Pages.texts(request);
            boolean none = deputy == null || deputy.isBlank();
            Optional<Person> chosen = none ? Optional.empty() : directory.byEmail(deputy.strip().toLowerCase(Locale.ROOT));
            if (!none && chosen.filter(p -> p.active() || p.id().equals(person.deputyId())).isEmpty()) {
                return view.page(request, authentication, person, HttpStatus.UNPROCESSABLE_ENTITY, null,
                        List.of(new Form.Problem("deputy", t.get("person.deputy.unknown"))), Map.of());
            }
            try {
                settings.setDeputy(person, none ? null : chosen.get().email(), actor(authentication));
            } catch (ProblemException refused) {
                return view.page(request, authentication, person, HttpStatus.UNPROCESSABLE_ENTITY, null,
                        List.of(new Form.Problem("deputy", t.get("person.deputy.self"))), Map.of());
            }
            return Pages.seeOther(request, "/personer/" + person.id() + "?sparad=ersattare");
        });
    }

    @Post("/franvaro")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> absence(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                   @Nullable @Body("from") String from, @Nullable @Body("to") String to) {
        return forSettings(request, authentication, id, person -> {
            WebTexts t = Pages.texts(request);
            List<Form.Problem> problems = new ArrayList<>();
            LocalDate first = Form.date(from);
            LocalDate last = Form.date(to);
            if (first == null) {
                problems.add(new Form.Problem("absence-from", t.get("person.absence.format")));
            }
            if (last == null) {
                problems.add(new Form.Problem("absence-to", t.get("person.absence.format")));
            }
            Map<String, String> typed = new HashMap<>();
            typed.put("absence-from", from == null ? "" : from.strip());
            typed.put("absence-to", to == null ? "" : to.strip());
            if (problems.isEmpty()) {
                try {
                    settings.addAbsence(person, first, last, actor(authentication));
                    return Pages.seeOther(request, "/personer/" + person.id() + "?sparad=franvaro");
                } catch (ProblemException refused) {
                    refused.errors().forEach(error -> problems.add("to".equals(error.field())
                            ? new Form.Problem("absence-to", t.get("person.absence.before"))
                            : new Form.Problem("absence-from", t.get("person.absence.range"))));
                }
            }
            return view.page(request, authentication, person, HttpStatus.UNPROCESSABLE_ENTITY, null, problems, typed);
        });
    }

    @Post("/franvaro/{absence}/ta-bort")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> removeAbsence(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                         @PathVariable String absence) {
        return forSettings(request, authentication, id, person -> {
            Long absenceId = Form.number(absence);
            try {
                if (absenceId == null) {
                    return Pages.seeOther(request, "/personer/" + person.id());
                }
                settings.removeAbsence(person, absenceId, LocalDate.now(clock), actor(authentication));
            } catch (ProblemException gone) {
                return Pages.seeOther(request, "/personer/" + person.id()); // removed already, or never this person's
            }
            return Pages.seeOther(request, "/personer/" + person.id() + "?sparad=borttagen");
        });
    }

    /** The confirmation step before a chat link is removed. */
    @Get("/koppling/{chat}")
    @Secured("ADMIN")
    MutableHttpResponse<?> confirmUnlink(HttpRequest<?> request, @PathVariable String id, @PathVariable String chat) {
        Optional<Person> found = find(id);
        if (found.isEmpty() || !chat.equals("slack") && !chat.equals("teams")) {
            return errors.notFound(request);
        }
        return view.confirmUnlink(request, found.get(), chat);
    }

    @Post("/koppling/{chat}")
    @Secured("ADMIN")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> unlink(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                  @PathVariable String chat) {
        Optional<Person> found = find(id);
        if (found.isEmpty() || !chat.equals("slack") && !chat.equals("teams")) {
            return errors.notFound(request);
        }
        if (chat.equals("slack")) {
            administration.unlinkSlack(found.get(), actor(authentication));
        } else {
            administration.unlinkTeams(found.get(), actor(authentication));
        }
        return Pages.seeOther(request, "/personer/" + found.get().id() + "?sparad=" + chat);
    }

    private Optional<Person> find(String id) {
        Long number = Form.number(id);
        return number == null ? Optional.empty() : directory.person(number);
    }

    private static Actor actor(Authentication authentication) {
        return Caller.of(authentication).actor(Channel.WEB);
    }

    /** The person of the path, when the caller may change their deputy and absences; else the page's 404 or 403. */
    private MutableHttpResponse<?> forSettings(HttpRequest<?> request, Authentication authentication, String id,
                                               Function<Person, MutableHttpResponse<?>> change) {
        Optional<Person> found = find(id);
        if (found.isEmpty()) {
            return errors.notFound(request);
        }
        if (!Permissions.canChangePersonSettings(Caller.of(authentication), found.get().id())) {
            return errors.forbidden(request);
        }
        return change.apply(found.get());
    }
}
