package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.ange.tertial.report.DepartmentReadiness.Action;
import se.ange.tertial.report.DepartmentReadiness.Outcome;
import se.ange.tertial.report.DepartmentReadiness.Refusal;
import se.ange.tertial.report.DepartmentReadiness.State;

class DepartmentReadinessTest {

    private static Outcome manager(State from, Action action) {
        return DepartmentReadiness.decide(from, action, true, false, false, false);
    }

    private static Outcome stab(State from, Action action, boolean note) {
        return DepartmentReadiness.decide(from, action, false, true, false, note);
    }

    @Test
    void the_manager_marks_the_part_ready_and_may_take_it_back_until_it_is_reviewed() {
        assertThat(manager(State.NOT_READY, Action.MARK_READY)).isEqualTo(new Outcome(State.READY, null));
        assertThat(manager(State.READY, Action.TAKE_BACK)).isEqualTo(new Outcome(State.NOT_READY, null));
        assertThat(manager(State.REVIEWED, Action.TAKE_BACK)).isEqualTo(new Outcome(State.REVIEWED, Refusal.NOT_NOW));
    }

    @Test
    void marking_ready_twice_or_taking_back_what_is_not_ready_is_refused() {
        assertThat(manager(State.READY, Action.MARK_READY).refusal()).isEqualTo(Refusal.NOT_NOW);
        assertThat(manager(State.REVIEWED, Action.MARK_READY).refusal()).isEqualTo(Refusal.NOT_NOW);
        assertThat(manager(State.NOT_READY, Action.TAKE_BACK).refusal()).isEqualTo(Refusal.NOT_NOW);
    }

    @Test
    void stab_reviews_a_ready_part_only() {
        assertThat(stab(State.READY, Action.REVIEW, false)).isEqualTo(new Outcome(State.REVIEWED, null));
        assertThat(stab(State.NOT_READY, Action.REVIEW, false).refusal()).isEqualTo(Refusal.NOT_NOW);
        assertThat(stab(State.REVIEWED, Action.REVIEW, false).refusal()).isEqualTo(Refusal.NOT_NOW);
    }

    @Test
    void stab_sends_a_ready_or_reviewed_part_back_with_a_note() {
        assertThat(stab(State.READY, Action.SEND_BACK, true)).isEqualTo(new Outcome(State.NOT_READY, null));
        assertThat(stab(State.REVIEWED, Action.SEND_BACK, true)).isEqualTo(new Outcome(State.NOT_READY, null));
        assertThat(stab(State.READY, Action.SEND_BACK, false)).isEqualTo(new Outcome(State.READY, Refusal.NOTE_MISSING));
        assertThat(stab(State.NOT_READY, Action.SEND_BACK, true).refusal()).isEqualTo(Refusal.NOT_NOW);
    }

    @Test
    void each_does_only_their_own_part() {
        assertThat(stab(State.NOT_READY, Action.MARK_READY, false).refusal()).isEqualTo(Refusal.NOT_YOURS);
        assertThat(stab(State.READY, Action.TAKE_BACK, false).refusal()).isEqualTo(Refusal.NOT_YOURS);
        assertThat(manager(State.READY, Action.REVIEW).refusal()).isEqualTo(Refusal.NOT_YOURS);
        assertThat(manager(State.READY, Action.SEND_BACK).refusal()).isEqualTo(Refusal.NOT_YOURS);
        assertThat(DepartmentReadiness.decide(State.NOT_READY, Action.MARK_READY, false, false, false, false).refusal())
                .isEqualTo(Refusal.NOT_YOURS);
        assertThat(DepartmentReadiness.decide(State.NOT_READY, Action.MARK_READY, false, false, false, false).allowed())
                .as("a refusal is not allowed").isFalse();
        // a person who is both the department's manager and stab may do either part
        assertThat(DepartmentReadiness.decide(State.NOT_READY, Action.MARK_READY, true, true, false, false).allowed())
                .isTrue();
        assertThat(DepartmentReadiness.decide(State.READY, Action.REVIEW, true, true, false, false).allowed()).isTrue();
    }

    @Test
    void nothing_changes_once_the_tertial_is_closed() {
        for (State from : State.values()) {
            for (Action action : Action.values()) {
                assertThat(DepartmentReadiness.decide(from, action, true, true, true, true))
                        .isEqualTo(new Outcome(from, Refusal.CLOSED));
            }
        }
    }
}
