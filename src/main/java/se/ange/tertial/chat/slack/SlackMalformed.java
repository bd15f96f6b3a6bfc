package se.ange.tertial.chat.slack;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

/**
 * A correctly signed Slack request that Tertial cannot read: a payload that is not JSON, a reminder's choice or
 * a modal's metadata that Tertial did not write, a modal without its comment field. Answered 400 with a short
 * Swedish reason (Slack shows it to the person where it shows anything), never a 500; nothing is recorded.
 */
final class SlackMalformed extends RuntimeException {

    static final String PREFIX = "Tertial kunde inte läsa begäran från Slack: ";

    SlackMalformed(String reason) {
        super(reason, null, false, false);
    }

    static HttpResponse<String> answer(String reason) {
        return HttpResponse.<String>badRequest().body(PREFIX + reason + ". Inget har registrerats.")
                .contentType(MediaType.TEXT_PLAIN_TYPE.toString() + ";charset=utf-8");
    }
}
