package se.ange.tertial.register.org;

import io.micronaut.core.annotation.Introspected;

/** A person as a form's list of choices shows them: no more than a list needs. */
@Introspected
public record PersonChoice(long id, String name, String email, boolean active) {
}
