package se.ange.tertial.web.sending;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.ange.tertial.mail.InboundMail;
import se.ange.tertial.mail.InboundMailRepository;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.web.ErrorPages;
import se.ange.tertial.web.Pages;
import se.ange.tertial.web.WebTexts;

/**
 * {@code /utskick/inkommande}: received mail, newest first, with what became of each; one message with its raw
 * text as kept (an official record), shown as plain text and never rendered, and downloadable as the
 * {@code message/rfc822} file it arrived as.
 */
@Controller("/utskick/inkommande")
@Secured({"STAB", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class InboundPageController {

    /** Longer raw messages are shown cut here (the download has all of it). */
    static final int SHOWN_CHARS = 200_000;

    /** One received mail as listed. */
    record Row(long id, String received, String sender, String subject, String outcome, String detail, String person,
               String href) {
    }

    private final InboundMailRepository mails;
    private final PersonRepository people;
    private final Pages pages;
    private final ErrorPages errors;

    InboundPageController(InboundMailRepository mails, PersonRepository people, Pages pages, ErrorPages errors) {
        this.mails = mails;
        this.people = people;
        this.pages = pages;
        this.errors = errors;
    }

    @Get(produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String page) {
        WebTexts t = Pages.texts(request);
        Paging paging = Paging.asked(Texts.typed(page), Paging.SIZE);
        Page<InboundMail> found = find(paging);
        Paging within = paging.within(found.getTotalSize());
        if (within.number() != paging.number()) {
            found = find(within);
        }
        Map<Long, Person> persons = people.findByIdIn(found.getContent().stream().map(InboundMail::personId)
                .filter(id -> id != null).distinct().toList()).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.get("sending.inbound.title"));
        model.put("tab", "inkommande");
        model.put("rows", found.getContent().stream().map(mail -> row(mail, persons.get(mail.personId()), t)).toList());
        model.put("shown", within.shown(t, found.getContent().size()));
        model.put("pageNotice", within.notice(t));
        model.put("previous", within.number() > 1 ? link(within.number() - 1) : null);
        model.put("next", within.number() < within.count() ? link(within.number() + 1) : null);
        return pages.render(request, "utskick-inkommande", model);
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    MutableHttpResponse<?> show(HttpRequest<?> request, @PathVariable String id) {
        WebTexts t = Pages.texts(request);
        Optional<InboundMail> mail = OutboxPageController.number(id).flatMap(mails::findById);
        if (mail.isEmpty()) {
            return errors.notFound(request);
        }
        Person person = mail.get().personId() == null ? null : people.findById(mail.get().personId()).orElse(null);
        String raw = text(mail.get().raw());
        Map<String, Object> model = new HashMap<>();
        model.put("title", t.format("sending.inbound.message.title", mail.get().id()));
        model.put("tab", "inkommande");
        model.put("mail", row(mail.get(), person, t));
        model.put("via", mail.get().receivedVia());
        model.put("disposeAfter", se.ange.tertial.followup.Dates.full(mail.get().disposeAfter(), t.language()));
        model.put("raw", raw.length() > SHOWN_CHARS ? raw.substring(0, SHOWN_CHARS) : raw);
        model.put("cut", raw.length() > SHOWN_CHARS);
        model.put("download", "/utskick/inkommande/" + mail.get().id() + "/meddelande.eml");
        return pages.render(request, "utskick-meddelande", model);
    }

    /** The message exactly as it arrived, as a file (never inline: it is not ours to render). */
    @Get(value = "/{id}/meddelande.eml", produces = {"message/rfc822", MediaType.TEXT_HTML})
    MutableHttpResponse<?> download(HttpRequest<?> request, @PathVariable String id) {
        Optional<InboundMail> mail = OutboxPageController.number(id).flatMap(mails::findById);
        if (mail.isEmpty()) {
            return errors.notFound(request);
        }
        String name = "inkommande-" + mail.get().id() + "-"
                + mail.get().receivedAt().atZone(Texts.ZONE).toLocalDate() + ".eml";
        return HttpResponse.ok(mail.get().raw()).contentType("message/rfc822")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private Page<InboundMail> find(Paging paging) {
        return mails.findAll(Pageable.from(paging.index(), paging.size(),
                Sort.of(Sort.Order.desc("receivedAt"), Sort.Order.desc("id"))));
    }

    private static Row row(InboundMail mail, @Nullable Person person, WebTexts t) {
        return new Row(mail.id(), Texts.at(mail.receivedAt(), t), mail.sender() == null ? "–" : mail.sender(),
                mail.subject() == null || mail.subject().isBlank() ? "–" : mail.subject(),
                t.get("sending.outcome." + mail.outcome().name()), mail.detail() == null ? "" : mail.detail(),
                person == null ? "–" : person.name(), "/utskick/inkommande/" + mail.id());
    }

    private static String link(int page) {
        return page > 1 ? "/utskick/inkommande?page=" + page : "/utskick/inkommande";
    }

    /** The raw bytes as text: UTF-8 when they are, else Latin-1 (every byte is a character; nothing is lost). */
    static String text(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
    }
}
