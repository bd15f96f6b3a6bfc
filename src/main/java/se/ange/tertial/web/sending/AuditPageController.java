package se.ange.tertial.web.sending;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.ange.tertial.audit.AuditEntry;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.audit.AuditRepository;
import se.ange.tertial.register.org.PersonChoice;
import se.ange.tertial.register.org.PersonLists;
import se.ange.tertial.system.Limits;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /utskick/logg}: the audit trail, newest first and paged, narrowed to a person (who made the change, or
 * whom it was about), an activity (its ref) and a date range — the API's trail from the same repository.
 */
@Controller("/utskick/logg")
@Produces(MediaType.TEXT_HTML)
@Secured({"STAB", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditPageController {

    /** One change as listed. */
    record Row(String when, String who, String channel, String action, String subject, @Nullable String href,
               @Nullable String before, @Nullable String after) {
    }

    /** A person to choose. */
    record Option(String value, String label, boolean selected) {
    }

    /** Before and after values longer than this are cut on the page. */
    static final int SHOWN_VALUE = 2000;

    private final AuditRepository entries;
    private final PersonLists people;
    private final Pages pages;

    AuditPageController(AuditRepository entries, PersonLists people, Pages pages) {
        this.entries = entries;
        this.people = people;
        this.pages = pages;
    }

    @Get
    MutableHttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String person,
                                @Nullable @QueryValue String activity, @Nullable @QueryValue String from,
                                @Nullable @QueryValue String to, @Nullable @QueryValue String page) {
        WebTexts t = Pages.texts(request);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("person", Texts.typed(person));
        form.put("activity", Texts.typed(activity));
        form.put("from", Texts.typed(from));
        form.put("to", Texts.typed(to));
        List<PersonChoice> everyone = people.choices();
        Map<String, String> errors = new LinkedHashMap<>();
        String email = form.get("person").toLowerCase(java.util.Locale.ROOT);
        if (!email.isEmpty() && everyone.stream().noneMatch(p -> p.email().equals(email))) {
            errors.put("person", t.get("sending.log.person.error"));
        }
        if (form.get("activity").length() > Limits.ACTIVITY_REF) {
            errors.put("activity", t.get("sending.log.activity.error"));
        }
        LocalDate first = date(form.get("from"), "from", t, errors);
        LocalDate last = date(form.get("to"), "to", t, errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.put("to", t.get("sending.log.to.before"));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.get("sending.log.title"));
        model.put("tab", "logg");
        model.put("form", form);
        model.put("errors", errors);
        model.put("people", options(everyone, email, t));
        model.put("rows", List.of());
        if (!errors.isEmpty()) {
            return pages.render(request, HttpStatus.BAD_REQUEST, "utskick-logg", model);
        }
        Instant since = first == null ? Instant.EPOCH : first.atStartOfDay(Texts.ZONE).toInstant();
        Instant until = last == null ? Limits.LAST_DATE.atStartOfDay(Texts.ZONE).toInstant()
                : last.plusDays(1).atStartOfDay(Texts.ZONE).toInstant();
        String subject = form.get("activity").isEmpty() ? "" : AuditLog.activitySubject(form.get("activity"));
        String personSubject = email.isEmpty() ? "" : "person:" + email;
        long total = entries.countSearch(since, until, email, personSubject, subject);
        Paging paging = Paging.asked(Texts.typed(page), Paging.SIZE).within(total);
        List<AuditEntry> found = entries.search(since, until, email, personSubject, subject, paging.size(),
                paging.offset());
        Map<String, String> names = new HashMap<>();
        everyone.forEach(p -> names.put(p.email(), p.name()));
        model.put("rows", found.stream().map(entry -> row(entry, names, t)).toList());
        model.put("shown", paging.shown(t, found.size()));
        model.put("pageNotice", paging.notice(t));
        model.put("previous", paging.number() > 1 ? link(form, paging.number() - 1) : null);
        model.put("next", paging.number() < paging.count() ? link(form, paging.number() + 1) : null);
        return pages.render(request, "utskick-logg", model);
    }

    private static Row row(AuditEntry entry, Map<String, String> names, WebTexts t) {
        String who = names.containsKey(entry.actor()) ? names.get(entry.actor()) + " (" + entry.actor() + ")"
                : entry.actor();
        String href = entry.subject().startsWith("activity:")
                ? "/aktiviteter/" + entry.subject().substring("activity:".length()) : null;
        return new Row(Texts.at(entry.occurredAt(), t), who, t.get("sending.via." + entry.channel().name()),
                t.getOrDefault("sending.log.action." + entry.action(), entry.action()), entry.subject(), href, cut(entry.beforeValue()), cut(entry.afterValue()));
    }

    private static @Nullable String cut(@Nullable String value) {
        return value == null || value.length() <= SHOWN_VALUE ? value : value.substring(0, SHOWN_VALUE) + " …";
    }

    private static List<Option> options(List<PersonChoice> everyone, String chosen, WebTexts t) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", t.get("sending.log.person.any"), chosen.isEmpty()));
        everyone.forEach(p -> options.add(new Option(p.email(), p.name() + " (" + p.email() + ")",
                p.email().equals(chosen))));
        return options;
    }

    private static @Nullable LocalDate date(String text, String field, WebTexts t, Map<String, String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (!Limits.dateInRange(date)) {
                errors.put(field, t.get("sending.log.date.range"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.put(field, t.get("sending.log.date.format"));
            return null;
        }
    }

    private static String link(Map<String, String> form, int page) {
        StringBuilder query = new StringBuilder();
        form.forEach((name, value) -> {
            if (!value.isEmpty()) {
                query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        if (page > 1) {
            query.append(query.isEmpty() ? "" : "&").append("page=").append(page);
        }
        return query.isEmpty() ? "/utskick/logg" : "/utskick/logg?" + query;
    }
}
