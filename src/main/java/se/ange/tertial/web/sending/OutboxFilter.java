package se.ange.tertial.web.sending;

import io.micronaut.core.annotation.Nullable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import se.ange.tertial.notify.OutboxState;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.web.WebTexts;

/** The outbox list's filters as typed (state, channel, page); checked, and carried into links and forms. */
record OutboxFilter(String state, String channel, String page) {

    static OutboxFilter of(@Nullable String state, @Nullable String channel, @Nullable String page) {
        return new OutboxFilter(Texts.typed(state), Texts.typed(channel), Texts.typed(page));
    }

    Optional<OutboxState> stateValue() {
        return Arrays.stream(OutboxState.values()).filter(s -> s.name().equalsIgnoreCase(state)).findFirst();
    }

    Optional<ReminderChannel> channelValue() {
        return Arrays.stream(ReminderChannel.values()).filter(c -> c.name().equalsIgnoreCase(channel)).findFirst();
    }

    /** What is wrong with the filters, by field id. */
    Map<String, String> errors(WebTexts t) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!state.isEmpty() && stateValue().isEmpty()) {
            errors.put("state", t.get("sending.outbox.filter.state.error"));
        }
        if (!channel.isEmpty() && channelValue().isEmpty()) {
            errors.put("channel", t.get("sending.outbox.filter.channel.error"));
        }
        return errors;
    }

    /** The list with these filters on a page (1 is left out), and {@code extra} ("sparad=igen") when given. */
    String link(int pageNumber, @Nullable String extra) {
        Map<String, String> query = new LinkedHashMap<>();
        stateValue().ifPresent(s -> query.put("state", s.name()));
        channelValue().ifPresent(c -> query.put("channel", c.name()));
        if (pageNumber > 1) {
            query.put("page", String.valueOf(pageNumber));
        }
        String joined = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        if (extra != null) {
            joined = joined.isEmpty() ? extra : joined + "&" + extra;
        }
        return joined.isEmpty() ? OutboxPageController.PATH : OutboxPageController.PATH + "?" + joined;
    }

    /** The page number as a number (1 when it is not one). */
    int pageNumber() {
        return Paging.asked(page, Paging.SIZE).number();
    }
}
