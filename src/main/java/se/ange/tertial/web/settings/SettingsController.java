package se.ange.tertial.web.settings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.digest.DigestPreference;
import se.ange.tertial.digest.DigestRun;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.Language;
import se.ange.tertial.mail.ChatChannels;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonAbsence;
import se.ange.tertial.register.org.PersonLists;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.PersonSettings;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /installningar}: the signed-in person's own settings — where reminders go, language, the weekly
 * digest (managers and stab), deputy and absences. Each form changes one thing through the same service as
 * the API ({@link PersonSettings}, {@link DigestRun#choose}), so the rules and audit rows are the same; a
 * refused form comes back with the errors next to its fields and in a summary, a saved one says so.
 */
@Controller("/installningar")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SettingsController {

    /** A choice in a list or a group of radio buttons. */
    record Option(String value, String label, boolean selected) {
    }

    /** An absence as listed, with what its remove button says. */
    record Absence(long id, String period) {
    }

    /** One error: the field it belongs to (the id the summary links to) and what to do. */
    record Problem(String field, String message) {
    }

    private static final List<String> SAVED = List.of("paminnelser", "sammanstallning", "ersattare", "franvaro",
            "borttagen");

    private final PersonRepository people;
    private final PersonLists lists;
    private final PersonSettings settings;
    private final DigestRun digests;
    private final ChatChannels chats;
    private final Pages pages;
    private final Clock clock;

    SettingsController(PersonRepository people, PersonLists lists, PersonSettings settings, DigestRun digests, ChatChannels chats,
                       Pages pages, Clock clock) {
        this.people = people;
        this.lists = lists;
        this.settings = settings;
        this.digests = digests;
        this.chats = chats;
        this.pages = pages;
        this.clock = clock;
    }

    @Get
    MutableHttpResponse<?> show(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String sparad) {
        Optional<Person> person = me(authentication);
        if (person.isEmpty()) {
            return noPerson(request);
        }
        return page(request, person.get(), HttpStatus.OK, sparad != null && SAVED.contains(sparad) ? sparad : null, List.of(), Map.of());
    }

    @Post("/paminnelser")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reminders(HttpRequest<?> request, Authentication authentication,
                                     @Nullable @Body("channel") String channel, @Nullable @Body("language") String language) {
        Optional<Person> found = me(authentication);
        if (found.isEmpty()) {
            return noPerson(request);
        }
        Person person = found.get();
        WebTexts t = Pages.texts(request);
        List<Problem> problems = new ArrayList<>();
        ReminderChannel chosen = channelNamed(channel).filter(c -> offered(person).contains(c)).orElse(null);
        if (chosen == null) {
            problems.add(new Problem("channel", t.get("settings.channel.error")));
        }
        Language chosenLanguage = "EN".equals(language) ? Language.EN : "SV".equals(language) ? Language.SV : null;
        if (chosenLanguage == null) {
            problems.add(new Problem("language-sv", t.get("settings.language.error")));
        }
        if (!problems.isEmpty()) {
            return page(request, person, HttpStatus.UNPROCESSABLE_ENTITY, null, problems, Map.of());
        }
        settings.setPreferences(person, chosen, chosenLanguage, actor(authentication));
        return Pages.seeOther(request, "/installningar?sparad=paminnelser");
    }

    @Post("/sammanstallning")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> digest(HttpRequest<?> request, Authentication authentication,
                                  @Nullable @Body("enabled") String enabled, @Nullable @Body("day") String day,
                                  @Nullable @Body("channel") String channel) {
        Optional<Person> found = me(authentication);
        if (found.isEmpty()) {
            return noPerson(request);
        }
        Person person = found.get();
        if (!digests.receives(person)) {
            return Pages.seeOther(request, "/installningar");
        }
        WebTexts t = Pages.texts(request);
        List<Problem> problems = new ArrayList<>();
        DayOfWeek sendDay = weekday(day);
        if (sendDay == null) {
            problems.add(new Problem("digest-day", t.get("settings.digest.day.error")));
        }
        boolean sameAsReminders = channel == null || channel.isBlank();
        Optional<ReminderChannel> digestChannel = channelNamed(channel).filter(c -> offered(person).contains(c));
        if (!sameAsReminders && digestChannel.isEmpty()) {
            problems.add(new Problem("digest-channel", t.get("settings.channel.error")));
        }
        if (!problems.isEmpty()) {
            return page(request, person, HttpStatus.UNPROCESSABLE_ENTITY, null, problems, Map.of());
        }
        digests.choose(person, new DigestPreference(person.id(), enabled != null, sendDay, digestChannel.orElse(null)),
                actor(authentication));
        return Pages.seeOther(request, "/installningar?sparad=sammanstallning");
    }

    @Post("/ersattare")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> deputy(HttpRequest<?> request, Authentication authentication,
                                  @Nullable @Body("deputy") String deputy) {
        Optional<Person> found = me(authentication);
        if (found.isEmpty()) {
            return noPerson(request);
        }
        Person person = found.get();
        WebTexts t = Pages.texts(request);
        boolean none = deputy == null || deputy.isBlank();
        Optional<Person> chosen = none ? Optional.empty()
                : people.findByEmail(deputy.trim().toLowerCase(Locale.ROOT));
        if (!none && chosen.filter(p -> p.active() || p.id().equals(person.deputyId())).isEmpty()) {
            return page(request, person, HttpStatus.UNPROCESSABLE_ENTITY, null,
                    List.of(new Problem("deputy", t.get("settings.deputy.unknown"))), Map.of());
        }
        try {
            settings.setDeputy(person, none ? null : chosen.get().email(), actor(authentication));
        } catch (ProblemException refused) {
            return page(request, person, HttpStatus.UNPROCESSABLE_ENTITY, null,
                    List.of(new Problem("deputy", t.get("settings.deputy.self"))), Map.of());
        }
        return Pages.seeOther(request, "/installningar?sparad=ersattare");
    }

    @Post("/franvaro")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> absence(HttpRequest<?> request, Authentication authentication,
                                   @Nullable @Body("from") String from, @Nullable @Body("to") String to) {
        Optional<Person> found = me(authentication);
        if (found.isEmpty()) {
            return noPerson(request);
        }
        Person person = found.get();
        WebTexts t = Pages.texts(request);
        List<Problem> problems = new ArrayList<>();
        LocalDate first = date(from, "absence-from", "settings.absence.from.missing", t, problems);
        LocalDate last = date(to, "absence-to", "settings.absence.to.missing", t, problems);
        Map<String, String> typed = new HashMap<>();
        typed.put("absence-from", from == null ? "" : from.strip());
        typed.put("absence-to", to == null ? "" : to.strip());
        if (problems.isEmpty()) {
            try {
                settings.addAbsence(person, first, last, actor(authentication));
                return Pages.seeOther(request, "/installningar?sparad=franvaro");
            } catch (ProblemException refused) {
                problems.addAll(refused.errors().stream().map(error -> "from".equals(error.field())
                        ? new Problem("absence-from", t.get("settings.absence.range"))
                        : new Problem("absence-to", t.get("settings.absence.before")))
                        .toList());
            }
        }
        return page(request, person, HttpStatus.UNPROCESSABLE_ENTITY, null, problems, typed);
    }

    @Post("/franvaro/{id}/ta-bort")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> removeAbsence(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Optional<Person> found = me(authentication);
        if (found.isEmpty()) {
            return noPerson(request);
        }
        try {
            settings.removeAbsence(found.get(), Long.parseLong(id), LocalDate.now(clock), actor(authentication));
        } catch (NumberFormatException | ProblemException gone) {
            // already removed (a second click, another tab) or never this person's: the list shows what is left
            return Pages.seeOther(request, "/installningar");
        }
        return Pages.seeOther(request, "/installningar?sparad=borttagen");
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, Person person, HttpStatus status, @Nullable String saved,
                                        List<Problem> problems, Map<String, String> typed) {
        WebTexts t = Pages.texts(request);
        Language language = t.language();
        Locale locale = t.locale();
        LocalDate today = LocalDate.now(clock);
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.get("settings.title"));
        model.put("hasPerson", true);
        model.put("saved", saved == null ? null : t.get("settings.saved." + saved));
        model.put("problems", problems);
        model.put("errors", errors);
        model.put("channels", offered(person).stream().map(c -> new Option(c.name(), channelLabel(c, t),
                c == person.reminderChannel())).toList());
        model.put("languages", List.of(new Option("SV", "svenska", person.language() == Language.SV),
                new Option("EN", "English", person.language() == Language.EN)));
        boolean receives = digests.receives(person);
        model.put("digest", receives);
        if (receives) {
            DigestPreference preference = digests.preference(person);
            model.put("digestEnabled", preference.enabled());
            List<Option> days = new ArrayList<>();
            for (DayOfWeek day = DayOfWeek.MONDAY; day.compareTo(DayOfWeek.FRIDAY) <= 0; day = day.plus(1)) {
                days.add(new Option(day.name(), day.getDisplayName(TextStyle.FULL, locale), day == preference.sendDay()));
            }
            model.put("days", days);
            List<Option> digestChannels = new ArrayList<>();
            digestChannels.add(new Option("", t.get("settings.digest.channel.same"), preference.channel() == null));
            offered(person).forEach(c -> digestChannels.add(new Option(c.name(), channelLabel(c, t), c == preference.channel())));
            model.put("digestChannels", digestChannels);
        }
        List<Option> deputies = new ArrayList<>();
        deputies.add(new Option("", t.get("settings.deputy.none"), person.deputyId() == null));
        lists.choices().stream()
                .filter(p -> p.id() != person.id() && (p.active() || Long.valueOf(p.id()).equals(person.deputyId())))
                .forEach(p -> deputies.add(new Option(p.email(), p.name(), Long.valueOf(p.id()).equals(person.deputyId()))));
        model.put("deputies", deputies);
        model.put("deputyName", person.deputyId() == null ? null
                : people.findById(person.deputyId()).map(Person::name).orElse(null));
        List<Absence> absences = settings.comingAbsences(person, today).stream()
                .map(absence -> new Absence(absence.id(), period(absence, language))).toList();
        model.put("absences", absences);
        model.put("absenceFrom", typed.getOrDefault("absence-from", ""));
        model.put("absenceTo", typed.getOrDefault("absence-to", ""));
        return pages.render(request, status, "installningar", model);
    }

    private MutableHttpResponse<?> noPerson(HttpRequest<?> request) {
        WebTexts t = Pages.texts(request);
        return pages.render(request, "installningar", Map.of("title", t.get("settings.title"), "hasPerson", false));
    }

    private Optional<Person> me(Authentication authentication) {
        Long id = Caller.of(authentication).personId();
        return id == null ? Optional.empty() : people.findById(id);
    }

    private static Actor actor(Authentication authentication) {
        return Caller.of(authentication).actor(Channel.WEB);
    }

    /** E-mail always; Slack and Teams when the integration is on and the person can be reached there. */
    private List<ReminderChannel> offered(Person person) {
        List<String> chat = chats.of(person);
        List<ReminderChannel> channels = new ArrayList<>();
        channels.add(ReminderChannel.EMAIL);
        if (chat.contains("Slack")) {
            channels.add(ReminderChannel.SLACK);
        }
        if (chat.contains("Teams")) {
            channels.add(ReminderChannel.TEAMS);
        }
        return channels;
    }

    private static String channelLabel(ReminderChannel channel, WebTexts t) {
        return t.get("settings.channel." + channel.name());
    }

    private static Optional<ReminderChannel> channelNamed(@Nullable String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ReminderChannel channel : ReminderChannel.values()) {
            if (channel.name().equals(name)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    private static @Nullable DayOfWeek weekday(@Nullable String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(name) && day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                return day;
            }
        }
        return null;
    }

    private static @Nullable LocalDate date(@Nullable String text, String field, String missing, WebTexts t,
                                            List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new Problem(field, t.get(missing)));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (!Limits.dateInRange(date)) {
                problems.add(new Problem(field, t.get("settings.absence.range")));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, t.get("settings.absence.format")));
            return null;
        }
    }

    private static String period(PersonAbsence absence, Language language) {
        return absence.fromDate().equals(absence.toDate()) ? Dates.full(absence.fromDate(), language)
                : Dates.full(absence.fromDate(), language) + " – " + Dates.full(absence.toDate(), language);
    }
}
