package se.ange.tertial.register.org;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import se.ange.tertial.followup.Language;

/**
 * Someone who owns activities, manages a department, works in stab or administers the register.
 * {@code deputyId}: their ersättare, who is reminded (and may report) while they are absent.
 * {@code reminderChannel}: where their reminders go.
 */
@MappedEntity("person")
public record Person(@Id @GeneratedValue @Nullable Long id, String name, String email,
                     @Nullable Long departmentId, @Nullable Long unitId,
                     @Nullable String slackUserId, @Nullable String teamsUserId,
                     Language language, boolean active, @Nullable Long deputyId, ReminderChannel reminderChannel) {

    public Person withSlackUserId(String id) {
        return new Person(this.id, name, email, departmentId, unitId, id, teamsUserId, language, active, deputyId,
                reminderChannel);
    }

    /** The person's Entra (AAD) object id as Teams reports it. */
    public Person withTeamsUserId(String id) {
        return new Person(this.id, name, email, departmentId, unitId, slackUserId, id, language, active, deputyId,
                reminderChannel);
    }

    public Person withDeputy(@Nullable Long deputy) {
        return new Person(id, name, email, departmentId, unitId, slackUserId, teamsUserId, language, active, deputy,
                reminderChannel);
    }

    public Person withPreferences(ReminderChannel channel, Language preferred) {
        return new Person(id, name, email, departmentId, unitId, slackUserId, teamsUserId, preferred, active, deputyId,
                channel);
    }

    public Person withActive(boolean isActive) {
        return new Person(id, name, email, departmentId, unitId, slackUserId, teamsUserId, language, isActive, deputyId,
                reminderChannel);
    }
}
