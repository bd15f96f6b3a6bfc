package se.ange.tertial.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock tests move forward ({@code clock.tick(Duration.ofMinutes(2))}). Enabled by the property
 * {@code tertial.test.clock} = an ISO instant to start from.
 */
public class MutableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void tick(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Factory
    @Requires(property = "tertial.test.clock")
    static class TestClockFactory {
        @Singleton
        @Replaces(Clock.class)
        MutableClock clock(@io.micronaut.context.annotation.Value("${tertial.test.clock}") String start) {
            return new MutableClock(Instant.parse(start), ZoneId.of("Europe/Stockholm"));
        }
    }
}
