package se.ange.tertial.web.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import se.ange.tertial.followup.Counted;
import se.ange.tertial.followup.Language;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonAbsence;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /personer}: everyone in the register with their place, roles, deputy, absence today and chat links;
 * searched by name or e-mail, filtered by department and role, a page at a time. The admin's and stab's.
 */
@Controller("/personer")
@Produces(MediaType.TEXT_HTML)
@Secured({"ADMIN", "STAB"})
@ExecuteOn(TaskExecutors.BLOCKING)
class PeopleListController {

    static final int PAGE_SIZE = 25;

    /** One person as a row of the table. */
    record Row(String name, String href, String email, String place, String roles, boolean active, String deputy,
               String absence, boolean slack, boolean teams) {
    }

    private final Directory directory;
    private final Pages pages;
    private final Clock clock;

    PeopleListController(Directory directory, Pages pages, Clock clock) {
        this.directory = directory;
        this.pages = pages;
        this.clock = clock;
    }

    @Get
    MutableHttpResponse<?> list(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String q,
                                @Nullable @QueryValue String avdelning, @Nullable @QueryValue String roll,
                                @Nullable @QueryValue String sida, @Nullable @QueryValue String importerad) {
        WebTexts t = Pages.texts(request);
        LocalDate today = LocalDate.now(clock);
        Directory.Places places = directory.places();
        String query = q == null ? "" : q.strip();
        Long department = Form.number(avdelning);
        Role role = roll == null ? null : Form.ROLES.stream().filter(r -> r.name().equals(roll)).findFirst().orElse(null);
        Long asked = Form.number(sida);
        Directory.Page found = directory.page(query, department, role,
                asked == null ? 1 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, asked)), PAGE_SIZE, today);
        int page = found.number();
        int pages = found.count();
        List<Row> rows = found.people().stream().map(p -> row(p, found, places, t)).toList();

        Map<String, Object> model = new HashMap<>();
        model.put("title", t.get("people.title"));
        model.put("admin", Caller.of(authentication).has(Role.ADMIN));
        model.put("rows", rows);
        model.put("q", query);
        List<Form.Option> departments = new ArrayList<>();
        departments.add(new Form.Option("", t.get("people.filter.allDepartments"), department == null));
        for (Department d : places.departments()) {
            departments.add(new Form.Option(String.valueOf(d.id()), d.name(), d.id().equals(department)));
        }
        model.put("departments", departments);
        List<Form.Option> roles = new ArrayList<>();
        roles.add(new Form.Option("", t.get("people.filter.allRoles"), role == null));
        Form.ROLES.forEach(r -> roles.add(new Form.Option(r.name(), Form.role(r, t), r == role)));
        model.put("roles", roles);
        String counted = t.language() == Language.EN ? Counted.of(found.total(), "person", "people")
                : Counted.of(found.total(), "person", "personer");
        model.put("caption", t.format("people.caption", counted)
                + (pages > 1 ? " " + t.format("people.caption.page", page, pages) : ""));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", query);
        filters.put("avdelning", department == null ? "" : department.toString());
        filters.put("roll", role == null ? "" : role.name());
        model.put("previous", page > 1 ? href(filters, page - 1) : null);
        model.put("next", page < pages ? href(filters, page + 1) : null);
        model.put("pageOf", t.format("people.pageOf", page, pages));
        model.put("imported", imported(importerad, t));
        return this.pages.render(request, "personer", model);
    }

    private static @Nullable String imported(@Nullable String counts, WebTexts t) {
        if (counts == null || !counts.matches("\\d{1,6}-\\d{1,6}-\\d{1,6}")) {
            return null;
        }
        String[] parts = counts.split("-");
        return t.format("people.imported", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]));
    }

    private static String href(Map<String, String> filters, int page) {
        String query = filters.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "/personer?" + (query.isEmpty() ? "" : query + "&") + "sida=" + page;
    }

    private static Row row(Person p, Directory.Page page, Directory.Places places, WebTexts t) {
        String place = places.departmentName(p.departmentId());
        String unit = places.unitName(p.unitId());
        if (!unit.isEmpty()) {
            place = place + " / " + unit;
        }
        String deputy = p.deputyId() == null ? "" : page.deputyNames().getOrDefault(p.deputyId(), "");
        PersonAbsence absence = page.absentToday().get(p.id());
        return new Row(p.name(), "/personer/" + p.id(), p.email(), place, Form.roles(page.rolesOf(p), t), p.active(),
                deputy, absence == null ? "" : Form.period(absence, t.language()), p.slackUserId() != null,
                p.teamsUserId() != null);
    }
}
