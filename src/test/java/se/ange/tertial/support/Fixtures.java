package se.ange.tertial.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The municipality's 2024 plan and people, as shipped in the service's resources. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String plan2024() {
        return resource("demo/activity-plan-2024.csv");
    }

    public static String people() {
        return resource("demo/people.csv");
    }

    public static String resource(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
