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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.OrgUnit;
import se.ange.tertial.register.org.OrganisationAdministration;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.web.ErrorPages;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /personer/organisation}: the departments with their units and managers. The admin adds and renames them
 * ({@link OrganisationAdministration}); stab reads.
 */
@Controller("/personer/organisation")
@Produces(MediaType.TEXT_HTML)
@Secured({"ADMIN", "STAB"})
@ExecuteOn(TaskExecutors.BLOCKING)
class OrganisationController {

    private static final List<String> SAVED = List.of("avdelning", "enhet", "namn");

    /** A unit with its managers. */
    record Unit(long id, String name, String managers) {
    }

    /** A department with its managers (of the whole department) and its units. */
    record Section(long id, String name, String managers, List<Unit> units) {
    }

    private final Directory directory;
    private final OrganisationAdministration administration;
    private final Pages pages;
    private final ErrorPages errors;

    OrganisationController(Directory directory, OrganisationAdministration administration, Pages pages,
                           ErrorPages errors) {
        this.directory = directory;
        this.administration = administration;
        this.pages = pages;
        this.errors = errors;
    }

    @Get
    MutableHttpResponse<?> show(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String sparad) {
        return page(request, authentication, HttpStatus.OK, sparad != null && SAVED.contains(sparad) ? sparad : null,
                List.of(), Map.of());
    }

    @Post("/avdelningar")
    @Secured("ADMIN")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addDepartment(HttpRequest<?> request, Authentication authentication,
                                         @Nullable @Body("name") String name) {
        return change(request, authentication, "new-department", name, "avdelning",
                () -> administration.addDepartment(name, actor(authentication)));
    }

    @Post("/avdelningar/{id}")
    @Secured("ADMIN")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> renameDepartment(HttpRequest<?> request, Authentication authentication,
                                            @PathVariable String id, @Nullable @Body("name") String name) {
        Long number = Form.number(id);
        if (number == null) {
            return errors.notFound(request);
        }
        return change(request, authentication, "department-" + number, name, "namn",
                () -> administration.renameDepartment(number, name, actor(authentication)));
    }

    @Post("/avdelningar/{id}/enheter")
    @Secured("ADMIN")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addUnit(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                   @Nullable @Body("name") String name) {
        Long number = Form.number(id);
        if (number == null) {
            return errors.notFound(request);
        }
        return change(request, authentication, "new-unit-" + number, name, "enhet",
                () -> administration.addUnit(number, name, actor(authentication)));
    }

    @Post("/enheter/{id}")
    @Secured("ADMIN")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> renameUnit(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                      @Nullable @Body("name") String name) {
        Long number = Form.number(id);
        if (number == null) {
            return errors.notFound(request);
        }
        return change(request, authentication, "unit-" + number, name, "namn",
                () -> administration.renameUnit(number, name, actor(authentication)));
    }

    private MutableHttpResponse<?> change(HttpRequest<?> request, Authentication authentication, String field,
                                          @Nullable String typed, String saved, Supplier<?> work) {
        WebTexts t = Pages.texts(request);
        try {
            work.get();
            return Pages.seeOther(request, "/personer/organisation?sparad=" + saved);
        } catch (ProblemException refused) {
            if (refused.status().getCode() == 404) {
                return errors.notFound(request);
            }
            String key = typed == null || typed.isBlank() ? "org.name.empty"
                    : typed.strip().length() > 200 ? "org.name.long" : "org.name.taken";
            return page(request, authentication, HttpStatus.UNPROCESSABLE_ENTITY, null,
                    List.of(new Form.Problem(field, t.get(key))), Map.of(field, typed == null ? "" : typed));
        }
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, Authentication authentication, HttpStatus status,
                                        @Nullable String saved, List<Form.Problem> problems, Map<String, String> typed) {
        WebTexts t = Pages.texts(request);
        Directory.Places register = directory.places();
        List<Person> managers = directory.activeManagers();
        List<Section> sections = register.departments().stream().map(d -> new Section(d.id(), d.name(),
                managers(managers, d.id(), null), register.unitsOf(d).stream()
                .map((OrgUnit u) -> new Unit(u.id(), u.name(), managers(managers, d.id(), u.id()))).toList()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.get("org.title"));
        model.put("admin", Caller.of(authentication).has(Role.ADMIN));
        model.put("sections", sections);
        model.put("saved", saved == null ? null : t.get("org.saved." + saved));
        model.put("problems", problems);
        model.put("errors", Form.errors(problems));
        model.put("typed", typed);
        return pages.render(request, status, "personer-organisation", model);
    }

    /** The names of the managers of the department as a whole (unit null) or of the unit. */
    private static String managers(List<Person> managers, Long department, @Nullable Long unit) {
        return managers.stream()
                .filter(p -> department.equals(p.departmentId()) && Objects.equals(unit, p.unitId()))
                .map(Person::name).collect(Collectors.joining(", "));
    }

    private static se.ange.tertial.audit.Actor actor(Authentication authentication) {
        return Caller.of(authentication).actor(Channel.WEB);
    }
}
