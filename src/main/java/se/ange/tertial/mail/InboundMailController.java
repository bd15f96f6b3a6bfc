package se.ange.tertial.mail;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/**
 * For mail gateways that pipe received mail to HTTP: the raw RFC 822 message in, what happened out
 * (recorded, rejected and why, ignored as an auto-reply, duplicate). Needs an API token with role GATEWAY.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/mail/inbound")
@Secured("GATEWAY")
class InboundMailController {

    private final InboundMailProcessor processor;

    InboundMailController(InboundMailProcessor processor) {
        this.processor = processor;
    }

    @Post
    @Consumes("message/rfc822")
    InboundMailProcessor.Result receive(@Body byte[] message) {
        return processor.process(message, "HTTP");
    }
}
