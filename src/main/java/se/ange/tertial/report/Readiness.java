package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.followup.Channel;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Department;
import se.ange.tertial.register.org.DepartmentRepository;
import se.ange.tertial.register.org.Person;
import se.ange.tertial.register.org.PersonRepository;
import se.ange.tertial.register.org.PersonRoleRepository;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.report.DepartmentReadiness.Action;
import se.ange.tertial.report.DepartmentReadiness.Refusal;
import se.ange.tertial.report.DepartmentReadiness.State;
import se.ange.tertial.system.Limits;
import se.ange.tertial.system.ProblemError;
import se.ange.tertial.system.ProblemException;

/**
 * Each department's readiness in a tertial's follow-up (the rule: {@link DepartmentReadiness}): read for the
 * report workspace, changed by the department's manager (ready, take back) and stab (review, send back with a
 * note), one audit row per change. A closed tertial's readiness is read-only.
 */
@Singleton
public class Readiness {

    /** The longest note stab may send back with a department's part. */
    public static final int NOTE = 2000;

    /**
     * One department's state with who did what and when ({@code readyBy} etc. are people's names), and the names
     * of the department's managers (who are asked to mark it ready).
     */
    public record DepartmentState(Department department, State state, @Nullable String readyBy,
                                  @Nullable Instant readyAt, @Nullable String reviewedBy, @Nullable Instant reviewedAt,
                                  @Nullable String note, @Nullable String noteBy, @Nullable Instant noteAt,
                                  List<String> managers) {
    }

    /** A refused change, with the rule's reason (the page words it in the viewer's language). */
    public static final class Refused extends ProblemException {

        private final transient Refusal refusal;

        Refused(Refusal refusal, String detail) {
            super(switch (refusal) {
                case CLOSED, NOT_NOW -> HttpStatus.CONFLICT;
                case NOT_YOURS -> HttpStatus.FORBIDDEN;
                case NOTE_MISSING -> HttpStatus.UNPROCESSABLE_ENTITY;
            }, detail, refusal == Refusal.NOTE_MISSING ? List.of(ProblemError.atField("note", detail)) : List.of());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private final ReadinessRepository rows;
    private final DepartmentRepository departments;
    private final PersonRepository people;
    private final PersonRoleRepository roles;
    private final TertialRecords records;
    private final AuditLog audit;
    private final JdbcOperations jdbc;
    private final Clock clock;

    Readiness(ReadinessRepository rows, DepartmentRepository departments, PersonRepository people,
              PersonRoleRepository roles, TertialRecords records, AuditLog audit, JdbcOperations jdbc, Clock clock) {
        this.rows = rows;
        this.departments = departments;
        this.people = people;
        this.roles = roles;
        this.records = records;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every department's state in the tertial, by department name. */
    public List<DepartmentState> of(Tertial tertial) {
        Map<Long, ReadinessRow> stored = rows.findByTertial(tertial.toString()).stream()
                .collect(Collectors.toMap(ReadinessRow::departmentId, Function.identity()));
        Map<Long, List<String>> managers = managers();
        return StreamSupport.stream(departments.findAll().spliterator(), false)
                .sorted(Comparator.comparing(Department::name))
                .map(d -> state(d, stored.get(d.id()), managers.getOrDefault(d.id(), List.of())))
                .toList();
    }

    /** Whether the caller manages the whole department (not one unit): who marks its part ready. */
    public static boolean managesDepartment(Caller caller, long departmentId) {
        return caller.has(Role.MANAGER) && caller.unitId() == null && Objects.equals(caller.departmentId(), departmentId);
    }

    /**
     * Applies the action for the caller, or throws {@link Refused} (409 closed or not from this state, 403 not
     * theirs, 422 a send-back without a note).
     */
    @Transactional
    public DepartmentState change(Tertial tertial, Department department, Action action, @Nullable String note,
                                  Caller caller, Channel channel) {
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        Limits.text("note", cleanNote, NOTE);
        lock(department.id());
        lockAgainstClose();
        ReadinessRow before = rows.findByTertialAndDepartmentId(tertial.toString(), department.id()).orElse(null);
        State from = before == null ? State.NOT_READY : before.state();
        boolean closed = records.record(tertial).isPresent();
        DepartmentReadiness.Outcome outcome = DepartmentReadiness.decide(from, action,
                managesDepartment(caller, department.id()), caller.has(Role.STAB), closed, cleanNote != null);
        if (!outcome.allowed()) {
            throw new Refused(outcome.refusal(), refusal(outcome.refusal(), tertial, department, from));
        }
        String who = displayName(caller);
        Instant now = clock.instant();
        ReadinessRow base = before != null ? before : new ReadinessRow(null, tertial.toString(), department.id(),
                State.NOT_READY, null, null, null, null, null, null, null);
        ReadinessRow after = switch (action) {
            case MARK_READY -> new ReadinessRow(base.id(), base.tertial(), base.departmentId(), State.READY, who, now,
                    null, null, null, null, null);
            case TAKE_BACK -> new ReadinessRow(base.id(), base.tertial(), base.departmentId(), State.NOT_READY, null,
                    null, null, null, base.note(), base.noteBy(), base.noteAt());
            case REVIEW -> new ReadinessRow(base.id(), base.tertial(), base.departmentId(), State.REVIEWED,
                    base.readyBy(), base.readyAt(), who, now, null, null, null);
            case SEND_BACK -> new ReadinessRow(base.id(), base.tertial(), base.departmentId(), State.NOT_READY, null,
                    null, null, null, cleanNote, who, now);
        };
        ReadinessRow saved = after.id() == null ? rows.save(after) : rows.update(after);
        audit.record(caller.actor(channel), "readiness." + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                "readiness:%s:%s".formatted(tertial, department.name()), null, describe(before), describe(saved));
        return state(department, saved, managers().getOrDefault(department.id(), List.of()));
    }

    private static String refusal(Refusal refusal, Tertial tertial, Department department, State from) {
        return switch (refusal) {
            case CLOSED -> "Tertial %s är stängt; beredskapen kan inte längre ändras".formatted(tertial);
            case NOT_YOURS -> "Avdelningens chef markerar %s klar; stab granskar eller skickar tillbaka"
                    .formatted(department.name());
            case NOT_NOW -> "%s är %s; det går inte nu".formatted(department.name(), switch (from) {
                case NOT_READY -> "inte klar";
                case READY -> "redan klar";
                case REVIEWED -> "redan granskad";
            });
            case NOTE_MISSING -> "Skriv vad som behöver kompletteras när du skickar tillbaka";
        };
    }

    private DepartmentState state(Department department, @Nullable ReadinessRow row, List<String> managers) {
        if (row == null) {
            return new DepartmentState(department, State.NOT_READY, null, null, null, null, null, null, null, managers);
        }
        return new DepartmentState(department, row.state(), row.readyBy(), row.readyAt(), row.reviewedBy(),
                row.reviewedAt(), row.note(), row.noteBy(), row.noteAt(), managers);
    }

    /** The managers of whole departments (not of one unit), active, by department, by name. */
    private Map<Long, List<String>> managers() {
        Set<Long> managerIds = StreamSupport.stream(roles.findAll().spliterator(), false)
                .filter(r -> r.role() == Role.MANAGER).map(r -> r.personId()).collect(Collectors.toSet());
        if (managerIds.isEmpty()) {
            return Map.of();
        }
        return people.findByIdIn(managerIds).stream()
                .filter(p -> p.active() && p.departmentId() != null && p.unitId() == null)
                .sorted(Comparator.comparing(Person::name))
                .collect(Collectors.groupingBy(Person::departmentId, Collectors.mapping(Person::name, Collectors.toList())));
    }

    /** The person's name when a person acts, else the credential's name. */
    private String displayName(Caller caller) {
        return caller.personId() == null ? caller.name()
                : people.findById(caller.personId()).map(Person::name).orElse(caller.name());
    }

    private static Map<String, Object> describe(@Nullable ReadinessRow row) {
        if (row == null) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tertial", row.tertial());
        values.put("state", row.state().name());
        values.put("note", row.note());
        return values;
    }

    /**
     * Closing's lock (see {@link TertialRecords}: it locks every goal): the first goal's row, so a close that runs
     * meanwhile either ends before our look for its record (we refuse) or waits for our commit.
     */
    private void lockAgainstClose() {
        jdbc.prepareStatement("SELECT id FROM goal WHERE id = (SELECT MIN(id) FROM goal) FOR UPDATE", statement -> {
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        });
    }

    /** The department's row lock: two changes at once go one after the other. */
    private void lock(long departmentId) {
        jdbc.prepareStatement("SELECT id FROM department WHERE id = ? FOR UPDATE", statement -> {
            statement.setLong(1, departmentId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        });
    }
}
