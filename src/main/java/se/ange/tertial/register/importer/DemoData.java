package se.ange.tertial.register.importer;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.register.activity.ActivityRepository;

/**
 * On first start with an empty register, loads the 2024 plan and its people (no status reports), so a
 * newcomer sees a real plan at once. {@code TERTIAL_DEMO_DATA=false} turns it off.
 */
@Singleton
@Requires(property = "tertial.demo-data", value = "true", defaultValue = "true")
class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final ActivityRepository activities;
    private final PeopleImport people;
    private final ActivityPlanImport plan;

    DemoData(ActivityRepository activities, PeopleImport people, ActivityPlanImport plan) {
        this.activities = activities;
        this.people = people;
        this.plan = plan;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (activities.count() > 0) {
            return;
        }
        Actor actor = Actor.system("demo-data");
        ImportResult loadedPeople = people.run(read("demo/people.csv"), actor);
        ImportResult loadedPlan = plan.run(read("demo/activity-plan-2024.csv"), false, null, actor);
        LOG.info("Empty register: loaded the 2024 demo plan ({} activities, {} people). TERTIAL_DEMO_DATA=false turns this off.",
                loadedPlan.created(), loadedPeople.created());
    }

    private static String read(String resource) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
