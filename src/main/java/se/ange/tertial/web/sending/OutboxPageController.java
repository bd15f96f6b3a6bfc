package se.ange.tertial.web.sending;

import se.ange.tertial.audit.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.notify.MessageKind;
import se.ange.tertial.notify.OutboxAdministration;
import se.ange.tertial.notify.OutboxMessage;
import se.ange.tertial.notify.OutboxRepository;
import se.ange.tertial.notify.OutboxState;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.system.ProblemException;
import se.ange.tertial.web.ErrorPages;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /utskick/utkorg}: the outbox, newest first, filtered by state and channel and paged; a DEAD message
 * sent again and a PENDING one cancelled (after a confirmation) through {@link OutboxAdministration}, the
 * same service as the API's, so both are audited alike. Bodies are never shown (a sign-in link is a key).
 */
@Controller(OutboxPageController.PATH)
@Produces(MediaType.TEXT_HTML)
@Secured({"STAB", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class OutboxPageController {

    static final String PATH = "/utskick/utkorg";

    /** A choice of a filter select. */
    record Option(String value, String label, boolean selected) {
    }

    private final OutboxRepository outbox;
    private final OutboxAdministration administration;
    private final OutboxRows rows;
    private final PersonRepository people;
    private final Pages pages;
    private final ErrorPages errors;

    OutboxPageController(OutboxRepository outbox, OutboxAdministration administration, OutboxRows rows,
                         PersonRepository people, Pages pages, ErrorPages errors) {
        this.outbox = outbox;
        this.administration = administration;
        this.rows = rows;
        this.people = people;
        this.pages = pages;
        this.errors = errors;
    }

    @Get
    MutableHttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String state,
                                @Nullable @QueryValue String channel, @Nullable @QueryValue String page,
                                @Nullable @QueryValue String sparad, @Nullable @QueryValue String meddelande) {
        WebTexts t = Pages.texts(request);
        OutboxFilter filter = OutboxFilter.of(state, channel, page);
        String saved = null;
        if ("igen".equals(sparad) || "avbrutet".equals(sparad)) {
            saved = t.format("sending.outbox.saved." + sparad, recipientOf(meddelande, t));
        }
        return page(request, filter, HttpStatus.OK, saved, null);
    }

    @Post("/{id}/forsok-igen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> retry(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                 @Nullable @Body("state") String state, @Nullable @Body("channel") String channel,
                                 @Nullable @Body("page") String page) {
        return act(request, authentication, OutboxFilter.of(state, channel, page), id, administration::retry,
                "sending.outbox.retry.refused", "igen");
    }

    /** The confirmation before a message is cancelled: what it is and to whom. */
    @Get("/{id}/avbryt")
    MutableHttpResponse<?> confirmCancel(HttpRequest<?> request, @PathVariable String id,
                                         @Nullable @QueryValue String state, @Nullable @QueryValue String channel,
                                         @Nullable @QueryValue String page) {
        WebTexts t = Pages.texts(request);
        OutboxFilter filter = OutboxFilter.of(state, channel, page);
        Optional<OutboxMessage> message = number(id).flatMap(outbox::findById);
        if (message.isEmpty()) {
            return errors.notFound(request);
        }
        if (message.get().state() != OutboxState.PENDING) {
            return page(request, filter, HttpStatus.CONFLICT, null, refusal(t, message.get(),
                    "sending.outbox.cancel.refused"));
        }
        OutboxRows.Row row = rows.rows(List.of(message.get()), t).get(0);
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.format("sending.outbox.cancel.title", row.recipient()));
        model.put("tab", "utkorg");
        model.put("row", row);
        model.put("filter", filter);
        model.put("back", filter.link(filter.pageNumber(), null));
        return pages.render(request, "utskick-avbryt", model);
    }

    @Post("/{id}/avbryt")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> cancel(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                  @Nullable @Body("state") String state, @Nullable @Body("channel") String channel,
                                  @Nullable @Body("page") String page) {
        return act(request, authentication, OutboxFilter.of(state, channel, page), id, administration::cancel,
                "sending.outbox.cancel.refused", "avbrutet");
    }

    /** Retry or cancel: one message, by the caller, then back to the list as it was filtered, or why not. */
    private MutableHttpResponse<?> act(HttpRequest<?> request, Authentication authentication, OutboxFilter filter, String id,
                                       BiFunction<Long, Actor, OutboxMessage> action, String refusedKey, String saved) {
        Optional<Long> number = number(id);
        if (number.isEmpty()) {
            return errors.notFound(request);
        }
        try {
            action.apply(number.get(), Caller.of(authentication).actor(Channel.WEB));
        } catch (ProblemException refused) {
            return refused(request, filter, number.get(), refusedKey, refused);
        }
        return Pages.seeOther(request, filter.link(filter.pageNumber(), "sparad=" + saved + "&meddelande=" + number.get()));
    }

    private MutableHttpResponse<?> refused(HttpRequest<?> request, OutboxFilter filter, long id, String key,
                                           ProblemException refused) {
        WebTexts t = Pages.texts(request);
        Optional<OutboxMessage> message = outbox.findById(id);
        if (message.isEmpty() || refused.status() == HttpStatus.NOT_FOUND) {
            return page(request, filter, HttpStatus.NOT_FOUND, null, t.get("sending.outbox.gone"));
        }
        if (message.get().kind() == MessageKind.SIGN_IN && key.contains("retry")) {
            return page(request, filter, HttpStatus.CONFLICT, null, t.get("sending.outbox.retry.signIn"));
        }
        return page(request, filter, HttpStatus.CONFLICT, null, refusal(t, message.get(), key));
    }

    private String refusal(WebTexts t, OutboxMessage message, String key) {
        String name = OutboxRows.name(people.findById(message.recipientId()).orElse(null), t);
        return t.format(key, name, t.get("sending.stateIs." + message.state().name()));
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, OutboxFilter filter, HttpStatus status,
                                        @Nullable String saved, @Nullable String problem) {
        WebTexts t = Pages.texts(request);
        Map<String, String> problems = filter.errors(t);
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.get("sending.outbox.title"));
        model.put("tab", "utkorg");
        model.put("errors", problems);
        model.put("saved", saved);
        model.put("problem", problem);
        model.put("filter", filter);
        model.put("states", states(filter, t));
        model.put("channels", channels(filter, t));
        model.put("rows", List.of());
        if (!problems.isEmpty()) {
            return pages.render(request, HttpStatus.BAD_REQUEST, "utskick-utkorg", model);
        }
        Paging paging = Paging.asked(filter.page(), Paging.SIZE);
        Page<OutboxMessage> found = find(filter, paging);
        Paging within = paging.within(found.getTotalSize());
        if (within.number() != paging.number()) {
            found = find(filter, within);
        }
        model.put("rows", rows.rows(found.getContent(), t));
        model.put("shown", within.shown(t, found.getContent().size()));
        model.put("pageNotice", within.notice(t));
        model.put("previous", within.number() > 1 ? filter.link(within.number() - 1, null) : null);
        model.put("next", within.number() < within.count() ? filter.link(within.number() + 1, null) : null);
        model.put("pageNumber", String.valueOf(within.number()));
        return pages.render(request, status, "utskick-utkorg", model);
    }

    private Page<OutboxMessage> find(OutboxFilter filter, Paging paging) {
        Pageable pageable = Pageable.from(paging.index(), paging.size(), Sort.of(Sort.Order.desc("id")));
        Optional<OutboxState> state = filter.stateValue();
        Optional<ReminderChannel> channel = filter.channelValue();
        if (state.isPresent() && channel.isPresent()) {
            return outbox.findByStateAndChannel(state.get(), channel.get(), pageable);
        }
        if (state.isPresent()) {
            return outbox.findByState(state.get(), pageable);
        }
        return channel.map(c -> outbox.findByChannel(c, pageable)).orElseGet(() -> outbox.findAll(pageable));
    }

    private String recipientOf(@Nullable String id, WebTexts t) {
        return number(id).flatMap(outbox::findById).flatMap(m -> people.findById(m.recipientId()))
                .map(p -> p.name()).orElse(t.get("sending.unknownPerson"));
    }

    private static List<Option> states(OutboxFilter filter, WebTexts t) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", t.get("sending.outbox.filter.all"), filter.stateValue().isEmpty()));
        for (OutboxState state : List.of(OutboxState.PENDING, OutboxState.SENT, OutboxState.DEAD, OutboxState.CANCELLED)) {
            options.add(new Option(state.name(), t.get("sending.state." + state.name()),
                    filter.stateValue().filter(state::equals).isPresent()));
        }
        return options;
    }

    private static List<Option> channels(OutboxFilter filter, WebTexts t) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", t.get("sending.outbox.filter.all"), filter.channelValue().isEmpty()));
        for (ReminderChannel channel : ReminderChannel.values()) {
            options.add(new Option(channel.name(), t.get("sending.channel." + channel.name()),
                    filter.channelValue().filter(channel::equals).isPresent()));
        }
        return options;
    }

    static Optional<Long> number(@Nullable String text) {
        if (text == null || text.isBlank() || text.length() > 18) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
