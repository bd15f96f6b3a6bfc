package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.ange.tertial.audit.Actor;
import se.ange.tertial.audit.AuditLog;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.system.ProblemError;
import se.ange.tertial.system.ProblemException;

/**
 * A report's text sections per kind, tertial and scope (a department, or the board): the text stab or the
 * manager wrote, else the default Tertial writes ({@link TextDefaults}). Closing a tertial writes every
 * effective text of the board and of every department with activities as rows ({@link #freeze}), so a
 * frozen report keeps its texts when the defaults change later; after the close no text changes (409).
 * An edit takes one goal row's lock, as closing takes every goal's (see {@link TertialRecords}): an edit
 * and a close never cross.
 */
@Singleton
public class ReportTexts {

    static final String BOARD = "board";

    private final ReportTextRepository texts;
    private final TertialRecordRepository records;
    private final AuditLog audit;
    private final JdbcOperations jdbc;
    private final Clock clock;

    ReportTexts(ReportTextRepository texts, TertialRecordRepository records, AuditLog audit, JdbcOperations jdbc,
                Clock clock) {
        this.texts = texts;
        this.records = records;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A section's name in the API: "intro", "reporting", "delimitation", "analysis". */
    static String key(TextSection section) {
        return section.name().substring(section.kind().name().length() + 1).toLowerCase(Locale.ROOT);
    }

    static Optional<TextSection> section(ReportKind kind, String key) {
        for (TextSection section : TextSection.values()) {
            if (section.kind() == kind && key(section).equals(key.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }

    /** Each section's effective text: the stored one, else the default. */
    public Map<TextSection, String> effective(ReportKind kind, Tertial tertial, @Nullable Long departmentId,
                                              TextDefaults.Context context) {
        Map<TextSection, String> result = TextDefaults.texts(kind, context);
        stored(kind, tertial, departmentId).forEach((section, row) -> result.put(section, row.body()));
        return result;
    }

    /** The sections someone wrote (or the close froze), without the defaults. */
    Map<TextSection, ReportTextRow> stored(ReportKind kind, Tertial tertial, @Nullable Long departmentId) {
        Map<TextSection, ReportTextRow> result = new EnumMap<>(TextSection.class);
        for (ReportTextRow row : texts.findByKindAndTertialAndScopeKey(kind.code(), tertial.toString(),
                scopeKey(departmentId))) {
            try {
                TextSection section = TextSection.valueOf(row.section());
                if (section.kind() == kind) {
                    result.put(section, row);
                }
            } catch (IllegalArgumentException e) {
                // a section a later version dropped: not shown
            }
        }
        return result;
    }

    /**
     * Writes sections ({@code changes}: key → text; an empty text goes back to the default). 422 naming an
     * unknown section, 409 once the tertial is closed. One audit row per section that changed.
     */
    @Transactional
    public void edit(ReportKind kind, Tertial tertial, @Nullable Long departmentId, @Nullable String scopeName,
                     Map<String, String> changes, Actor actor) {
        List<ProblemError> errors = new ArrayList<>();
        Map<TextSection, String> wanted = new LinkedHashMap<>();
        changes.forEach((key, text) -> section(kind, key).ifPresentOrElse(s -> wanted.put(s, text),
                () -> errors.add(ProblemError.atField(key, "Okänt avsnitt '%s'. Välj %s".formatted(key, keys(kind))))));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Okänt avsnitt i rapporttexten", errors);
        }
        lockAgainstClose();
        if (records.findByTertial(tertial.toString()).isPresent()) {
            throw new ProblemException(HttpStatus.CONFLICT,
                    "Tertial %s är låst; rapportens texter kan inte längre ändras".formatted(tertial), List.of());
        }
        Map<TextSection, ReportTextRow> before = stored(kind, tertial, departmentId);
        wanted.forEach((section, text) -> {
            ReportTextRow old = before.get(section);
            String body = text == null ? "" : text.strip();
            if (old != null && old.body().equals(body)) {
                return;
            }
            if (body.isEmpty()) {
                if (old == null) {
                    return;
                }
                texts.delete(old);
            } else if (old != null) {
                texts.update(new ReportTextRow(old.id(), old.kind(), old.tertial(), old.departmentId(), old.scopeKey(),
                        old.section(), body, actor.name(), clock.instant()));
            } else {
                texts.save(new ReportTextRow(null, kind.code(), tertial.toString(), departmentId,
                        scopeKey(departmentId), section.name(), body, actor.name(), clock.instant()));
            }
            audit.record(actor, "report.text.changed", subject(kind, tertial, scopeName, section), null,
                    old == null ? null : Map.of("text", old.body()), body.isEmpty() ? null : Map.of("text", body));
        });
    }

    /**
     * At the close: every section of the board's report and of each department's with activities in the
     * tertial gets its effective text as a row (rows someone wrote stay as they are). Runs in the close's
     * transaction.
     */
    void freeze(TertialState state, Collection<GoalNames> names, String by) {
        TextDefaults.Context context = TextDefaults.Context.of(state, names);
        freeze(ReportKind.MALUPPFOLJNING, state.tertial(), null, context, by);
        Set<Long> departments = new LinkedHashSet<>();
        state.activities().forEach(a -> departments.add(a.departmentId()));
        departments.forEach(id -> freeze(ReportKind.UPPSIKT, state.tertial(), id, context, by));
    }

    private void freeze(ReportKind kind, Tertial tertial, @Nullable Long departmentId, TextDefaults.Context context,
                        String by) {
        Map<TextSection, ReportTextRow> stored = stored(kind, tertial, departmentId);
        TextDefaults.texts(kind, context).forEach((section, text) -> {
            if (!stored.containsKey(section)) {
                texts.save(new ReportTextRow(null, kind.code(), tertial.toString(), departmentId,
                        scopeKey(departmentId), section.name(), text, by, clock.instant()));
            }
        });
    }

    static String keys(ReportKind kind) {
        return String.join(", ", java.util.Arrays.stream(TextSection.values()).filter(s -> s.kind() == kind)
                .map(ReportTexts::key).toList());
    }

    private static String scopeKey(@Nullable Long departmentId) {
        return departmentId == null ? BOARD : departmentId.toString();
    }

    private static String subject(ReportKind kind, Tertial tertial, @Nullable String scopeName, TextSection section) {
        return "report:%s:%s:%s:%s".formatted(kind.code(), tertial, scopeName == null ? BOARD : scopeName, key(section));
    }

    /** One goal row's lock: closing holds every goal's, so an edit waits for a running close and then sees it. */
    private void lockAgainstClose() {
        jdbc.prepareStatement("SELECT id FROM goal WHERE id = (SELECT MIN(id) FROM goal) FOR UPDATE", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }
}
