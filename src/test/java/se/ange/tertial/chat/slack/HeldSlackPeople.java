package se.ange.tertial.chat.slack;

import com.slack.api.bolt.App;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import se.ange.tertial.register.access.Callers;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.PersonRepository;

/**
 * The Slack people lookup, held until the test {@link #release}s it: a command whose answer is certainly
 * not ready when Slack must be acknowledged, with no race against the acknowledgement window. Only in
 * contexts that set {@code tertial.test.hold-slack-people=true}.
 */
@Singleton
@Replaces(SlackPeople.class)
@Requires(property = "tertial.test.hold-slack-people", value = "true")
class HeldSlackPeople extends SlackPeople {

    private final CountDownLatch released = new CountDownLatch(1);

    HeldSlackPeople(PersonRepository people, Callers callers) {
        super(people, callers);
    }

    void release() {
        released.countDown();
    }

    @Override
    Optional<Caller> caller(App app, String slackUserId) {
        try {
            if (!released.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the Slack people lookup");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return super.caller(app, slackUserId);
    }
}
