package se.ange.tertial.register.activity;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import se.ange.tertial.register.goal.GoalRepository;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.register.org.OrgUnitRepository;
import se.ange.tertial.register.org.PersonRepository;

/**
 * The catalog, counting whole-register reads ({@link #all()}, cached or not) and the activities read whole by the
 * other ways in, for tests that hold request paths to indexed reads. Only where
 * {@code tertial.test.count-register-reads} is set.
 */
@Singleton
@Replaces(ActivityCatalog.class)
@Requires(property = "tertial.test.count-register-reads", value = "true")
public class CountingCatalog extends ActivityCatalog {

    private final AtomicInteger wholeReads = new AtomicInteger();
    private final AtomicInteger activitiesRead = new AtomicInteger();

    CountingCatalog(ActivityRepository activities, ActivityOwnerRepository owners, StatusReportRepository reports,
                    GoalRepository goals, DepartmentRepository departments, OrgUnitRepository units,
                    PersonRepository people, ActivityContinuations continuations, OneActivity one,
                    @Value("${tertial.register.cache-ttl:1s}") Duration cacheTtl) {
        super(activities, owners, reports, goals, departments, units, people, continuations, one, cacheTtl);
    }

    /** Starts counting from zero. */
    public void reset() {
        wholeReads.set(0);
        activitiesRead.set(0);
    }

    /** How many times the whole register was asked for since {@link #reset}. */
    public int wholeReads() {
        return wholeReads.get();
    }

    /** How many activities were read whole (with owners and history), the whole register's included. */
    public int activitiesRead() {
        return activitiesRead.get();
    }

    @Override
    public List<ActivityView> all() {
        wholeReads.incrementAndGet();
        List<ActivityView> all = super.all();
        activitiesRead.addAndGet(all.size());
        return all;
    }

    @Override
    public List<ActivityView> allUncached() {
        wholeReads.incrementAndGet();
        List<ActivityView> all = super.allUncached();
        activitiesRead.addAndGet(all.size());
        return all;
    }

    @Override
    public java.util.Optional<ActivityView> byRef(String ref) {
        java.util.Optional<ActivityView> found = super.byRef(ref);
        activitiesRead.addAndGet(found.isPresent() ? 1 : 0);
        return found;
    }

    @Override
    public Map<String, ActivityView> byRefs(Collection<String> refs) {
        Map<String, ActivityView> found = super.byRefs(refs);
        activitiesRead.addAndGet(found.size());
        return found;
    }

    @Override
    public List<ActivityView> heldBy(Collection<Long> personIds) {
        List<ActivityView> held = super.heldBy(personIds);
        activitiesRead.addAndGet(held.size());
        return held;
    }

    @Override
    public List<ActivityView> byIds(List<Long> ids) {
        List<ActivityView> found = super.byIds(ids);
        activitiesRead.addAndGet(found.size());
        return found;
    }
}
