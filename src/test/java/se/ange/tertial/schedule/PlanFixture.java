package se.ange.tertial.schedule;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.activity.Activity;
import se.ange.tertial.register.activity.ActivitySource;
import se.ange.tertial.register.activity.ActivityView;
import se.ange.tertial.register.activity.StatusReport;
import se.ange.tertial.register.goal.Goal;
import se.ange.tertial.register.goal.GoalLevel;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonAbsence;
import se.ange.tertial.register.org.ReminderChannel;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.support.Fixtures;

/** The 2024 plan and people in memory, for planner tests that need no database. */
final class PlanFixture {

    final Map<String, Person> people = new LinkedHashMap<>();
    final Map<Long, Set<Role>> roles = new HashMap<>();
    final List<PersonAbsence> absences = new ArrayList<>();
    final Map<String, Long> departments = new HashMap<>();
    final Map<String, List<StatusReport>> reports = new HashMap<>();
    final List<CSVRecord> rows;

    PlanFixture() {
        long id = 1;
        for (CSVRecord row : parse(Fixtures.people())) {
            long departmentId = departments.computeIfAbsent(row.get("department"), d -> (long) departments.size() + 1);
            Person person = new Person(id, row.get("name"), row.get("email"), departmentId, null, null, null,
                    Language.SV, true, null, ReminderChannel.EMAIL);
            people.put(row.get("email"), person);
            roles.put(id, Set.of(Role.parse(row.get("role")).orElseThrow()));
            id++;
        }
        rows = parse(Fixtures.plan2024());
    }

    Person person(String emailStart) {
        return people.values().stream().filter(p -> p.email().startsWith(emailStart)).findFirst().orElseThrow();
    }

    void replace(Person changed) {
        people.put(changed.email(), changed);
    }

    void report(String ref, String tertial, Status status) {
        Tertial t = Tertial.parse(tertial);
        reports.computeIfAbsent(ref, r -> new ArrayList<>()).add(new StatusReport(null, 0L, t.toString(), status, "ok",
                null, "test", Channel.API, Instant.parse("2024-01-01T00:00:00Z"), null));
    }

    List<ActivityView> activities() {
        List<ActivityView> views = new ArrayList<>();
        long id = 1;
        for (CSVRecord row : rows) {
            Goal goal = new Goal(id, GoalLevel.KS, row.get("ks_goal_ref"), row.get("ks_goal"), 2024, null, null);
            long departmentId = departments.computeIfAbsent(row.get("department"), d -> (long) departments.size() + 1);
            List<StatusReport> activityReports = reports.getOrDefault(row.get("ref"), List.of());
            Status status = activityReports.isEmpty() ? null : activityReports.get(activityReports.size() - 1).status();
            Activity activity = new Activity(id, row.get("ref"), row.get("title"), null,
                    LocalDate.parse(row.get("start_date")), LocalDate.parse(row.get("end_date")), goal.id(),
                    ActivitySource.KS, departmentId, null, status, Instant.EPOCH, Instant.EPOCH);
            views.add(new ActivityView(activity, goal, null, row.get("department"), row.get("unit"),
                    List.of(people.get(row.get("owner_email"))), activityReports));
            id++;
        }
        return views;
    }

    Directory directory() {
        return new Directory(people.values(), roles, absences);
    }

    private static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
