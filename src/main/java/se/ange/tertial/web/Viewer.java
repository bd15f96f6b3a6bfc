package se.ange.tertial.web;

import io.micronaut.core.annotation.Nullable;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Role;

/** Who is looking at a page, as the layout needs it: the name to show and which parts of the menu apply. */
public record Viewer(String name, boolean hasActivities, boolean overview, boolean stab, boolean admin) {

    static @Nullable Viewer of(@Nullable Caller caller, @Nullable String displayName) {
        if (caller == null) {
            return null;
        }
        boolean overview = caller.has(Role.MANAGER) || caller.has(Role.STAB) || caller.has(Role.ADMIN);
        return new Viewer(displayName == null ? caller.name() : displayName, caller.personId() != null, overview,
                caller.has(Role.STAB), caller.has(Role.ADMIN));
    }
}
