package se.ange.tertial.register.importer;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.register.activity.ActivityRepository;
import se.ange.tertial.system.TertialConfig;

/**
 * On first start with an empty register, loads the demo plan and its people (no status reports), so a
 * newcomer sees a real plan at once. The 2024 seed is moved into {@code TERTIAL_DEMO_YEAR} (default: the
 * current year), so reminders, deviations and the digest have a live tertial; {@code TERTIAL_DEMO_YEAR=2024}
 * loads the seed exactly. {@code TERTIAL_DEMO_DATA=false} turns it off.
 *
 * <p>The two imports are asked for only when the register is empty: on every later start their bean graphs would
 * be built for nothing, on the way to healthy (issue 17).
 */
@Singleton
@Requires(property = "tertial.demo-data", value = "true", defaultValue = "true")
class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final ActivityRepository activities;
    private final BeanProvider<PeopleImport> people;
    private final BeanProvider<ActivityPlanImport> plan;
    private final int year;

    DemoData(ActivityRepository activities, BeanProvider<PeopleImport> people, BeanProvider<ActivityPlanImport> plan,
             TertialConfig config, Clock clock) {
        this.activities = activities;
        this.people = people;
        this.plan = plan;
        this.year = config.demoYear(clock);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (activities.count() > 0) {
            return;
        }
        Actor actor = Actor.system("demo-data");
        ImportResult loadedPeople = people.get().run(read("demo/people.csv"), actor);
        String csv = DemoPlan.inYear(read("demo/activity-plan-2024.csv"), year);
        ImportResult loadedPlan = plan.get().run(csv, false, null, actor);
        LOG.info("Empty register: loaded the demo plan for {} ({} activities, {} people; the 2024 seed moved by "
                        + "TERTIAL_DEMO_YEAR). TERTIAL_DEMO_DATA=false turns this off.",
                year, loadedPlan.created(), loadedPeople.created());
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
