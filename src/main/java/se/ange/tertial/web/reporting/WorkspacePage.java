package se.ange.tertial.web.reporting;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.ange.tertial.followup.Dates;
import se.ange.tertial.followup.GoalAssessment;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Role;
import se.ange.tertial.report.DepartmentReadiness.State;
import se.ange.tertial.report.Readiness;
import se.ange.tertial.report.WorkspaceGoals;
import se.ange.tertial.web.WebTexts;

/** The words and rows of {@code /rapport/{tertial}}, from the services' answers, in the viewer's language. */
final class WorkspacePage {

    /** A goal's row: its page, the suggestion and the decision in words. */
    record GoalView(String href, String ref, String title, String suggestion, String decision, String basis) {
    }

    /** A KF goal's table. */
    record GroupView(String id, String caption, List<GoalView> goals) {
    }

    /** A document's row: its name and the links to its formats (null where there is none). */
    record DocumentView(String name, String docx, @Nullable String pdf, @Nullable String html) {
    }

    /** A not-ready department with its managers. */
    record NotReady(String department, String managers) {
    }

    private final WebTexts t;
    private final ZoneId zone;

    WorkspacePage(WebTexts t, ZoneId zone) {
        this.t = t;
        this.zone = zone;
    }

    /** "tertial 1 2024". */
    String name(Tertial tertial) {
        return t.format("rapport.tertial", tertial.number(), String.valueOf(tertial.year()));
    }

    /** "10 april 2024 kl. 10:15". */
    String when(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        return t.format("rapport.when", Dates.full(local.toLocalDate(), t.language()),
                local.format(DateTimeFormatter.ofPattern("HH:mm")));
    }

    String period(Tertial tertial) {
        return t.format("rapport.period", Dates.full(tertial.firstDay(), t.language()),
                Dates.full(tertial.closingDate(), t.language()));
    }

    ReadinessView readiness(Readiness.DepartmentState d, Caller caller, boolean closed, @Nullable Long errorFor,
                            @Nullable String error, String typedNote) {
        String detail = switch (d.state()) {
            case NOT_READY -> null;
            case READY -> t.format("rapport.readiness.by", d.readyBy(), when(d.readyAt()));
            case REVIEWED -> t.format("rapport.readiness.reviewedBy", d.reviewedBy(), when(d.reviewedAt()),
                    d.readyBy() == null ? "–" : d.readyBy());
        };
        String note = d.state() == State.NOT_READY && d.note() != null
                ? t.format("rapport.readiness.note", d.noteBy(), when(d.noteAt()), d.note()) : null;
        boolean manager = !closed && Readiness.managesDepartment(caller, d.department().id());
        boolean stab = !closed && caller.has(Role.STAB);
        boolean mine = errorFor != null && errorFor.equals(d.department().id());
        return new ReadinessView(d.department().id(), d.department().name(),
                t.get("rapport.readiness.state." + d.state().name()), "readiness-" + d.state().name().toLowerCase(),
                detail, note, manager && d.state() == State.NOT_READY, manager && d.state() == State.READY,
                stab && d.state() == State.READY, stab && d.state() != State.NOT_READY,
                mine ? error : null, mine ? typedNote : "");
    }

    List<NotReady> notReady(List<Readiness.DepartmentState> states) {
        return states.stream().filter(d -> d.state() == State.NOT_READY)
                .map(d -> new NotReady(d.department().name(), d.managers().isEmpty() ? t.get("rapport.readiness.noManager")
                        : String.join(", ", d.managers())))
                .toList();
    }

    List<GroupView> goals(Tertial tertial, List<WorkspaceGoals.Group> groups) {
        List<GroupView> views = new ArrayList<>();
        for (WorkspaceGoals.Group group : groups) {
            List<GoalView> rows = group.goals().stream().map(g -> new GoalView(
                    "/rapport/" + tertial + "/mal/" + g.year() + "/" + g.ref(), g.ref(), g.title(),
                    level(g.suggested(), "rapport.goals.noSuggestion"), level(g.chosen(), "rapport.goals.noDecision"),
                    t.get(g.byMeasures() ? "rapport.goals.byMeasures" : "rapport.goals.byActivities"))).toList();
            views.add(new GroupView("kf-" + group.ref().replaceAll("[^A-Za-z0-9]", "-"),
                    t.format("rapport.goals.kf", group.ref(), group.title()), rows));
        }
        return views;
    }

    private String level(@Nullable GoalAssessment assessment, String none) {
        return assessment == null ? t.get(none) : assessment.symbol() + " " + assessment.label(t.language());
    }

    /** Stab: every department's uppsiktsrapport, the måluppföljning and its memo; a manager: their department's. */
    List<DocumentView> documents(Tertial tertial, List<String> departments, boolean board) {
        String base = "/rapport/" + tertial + "/dokument?kind=";
        List<DocumentView> rows = new ArrayList<>();
        for (String department : departments) {
            String q = base + "uppsikt&department=" + java.net.URLEncoder.encode(department,
                    java.nio.charset.StandardCharsets.UTF_8) + "&format=";
            rows.add(document(t.format("rapport.documents.uppsikt", department), q + "docx", q + "pdf", q + "html"));
        }
        if (board) {
            String q = base + "maluppfoljning&format=";
            rows.add(document(t.get("rapport.documents.maluppfoljning"), q + "docx", q + "pdf", q + "html"));
            rows.add(document(t.get("rapport.documents.memo"), base + "memo&format=docx", null, null));
        }
        return rows;
    }

    private DocumentView document(String name, String docx, @Nullable String pdf, @Nullable String html) {
        return new DocumentView(name, docx, pdf, html);
    }

    Map<String, Object> base(Tertial tertial) {
        Map<String, Object> model = new HashMap<>();
        model.put("tertial", tertial.toString());
        model.put("tertialName", name(tertial));
        model.put("period", period(tertial));
        return model;
    }
}
