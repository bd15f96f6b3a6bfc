package se.ange.tertial.command;

import java.util.Optional;
import se.ange.tertial.followup.Language;
import se.ange.tertial.followup.Status;
import se.ange.tertial.followup.Tertial;
import se.ange.tertial.register.org.ReminderChannel;

/** A chat command, parsed and typed, whatever platform it came from. */
public sealed interface Command {

    /** The page of a long answer, from 1. */
    int page();

    /** {@code mina}: my activities that need a report, with their status. */
    record Mine(int page) implements Command {
    }

    /** {@code status KS2024-017 pågående med avvikelse: kommentar}. */
    record Report(String ref, Status status, String comment) implements Command {
        @Override
        public int page() {
            return 1;
        }
    }

    /**
     * {@code status KS2024-017 klar: kommentar}: done, but not said whether as planned or with a deviation;
     * nothing is recorded until the person says which.
     */
    record Completed(String ref, String comment) implements Command {
        @Override
        public int page() {
            return 1;
        }
    }

    /** {@code försenade [avdelning]}: overdue activities, most overdue first. */
    record Overdue(Optional<String> department, int page) implements Command {
    }

    /** {@code saknas [2024-T1]}: activities without a report for the tertial (default: the one owners are asked about). */
    record Missing(Optional<Tertial> tertial, int page) implements Command {
    }

    /** {@code avvikelser}: today's deviations. */
    record Deviations(int page) implements Command {
    }

    /** {@code aktivitet KS2024-017}: details and history. */
    record Show(String ref) implements Command {
        @Override
        public int page() {
            return 1;
        }
    }

    /** {@code påminn KS2024-017 om 3 dagar}: postpone my reminders for an activity. */
    record Snooze(String ref, int days) implements Command {
        @Override
        public int page() {
            return 1;
        }
    }

    /**
     * {@code inställningar [e-post|slack|teams] [svenska|engelska] [sammanställning [på|av] [måndag…fredag]
     * [e-post|slack|teams]]}: show or change my preferences; after "sammanställning" the words are about the
     * weekly digest.
     */
    record Settings(Optional<ReminderChannel> channel, Optional<Language> language, DigestChoice digest)
            implements Command {

        public Settings(Optional<ReminderChannel> channel, Optional<Language> language) {
            this(channel, language, DigestChoice.NONE);
        }

        @Override
        public int page() {
            return 1;
        }
    }

    /** What to change about my weekly digest; all empty: nothing. */
    record DigestChoice(Optional<Boolean> enabled, Optional<java.time.DayOfWeek> day, Optional<ReminderChannel> channel) {
        static final DigestChoice NONE = new DigestChoice(Optional.empty(), Optional.empty(), Optional.empty());

        public boolean changes() {
            return enabled.isPresent() || day.isPresent() || channel.isPresent();
        }
    }

    /** {@code hjälp [kommando]}. */
    record Help(Optional<CommandName> topic) implements Command {
        @Override
        public int page() {
            return 1;
        }
    }
}
