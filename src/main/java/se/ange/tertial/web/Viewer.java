package se.ange.tertial.web;

import io.micronaut.core.annotation.Nullable;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.org.Role;

/** Who is looking at a page, as the layout needs it: the name to show and which parts of the menu apply. */
public record Viewer(String name, boolean hasActivities, boolean overview, boolean stab, boolean admin,
                     boolean manager) {

    /** The plan ({@code /plan}) and the report workspace ({@code /rapport}): stab's, and managers' for their department. */
    public boolean planning() {
        return stab || manager;
    }

    /** People, roles and organisation ({@code /personer}): the admin's, and stab's to read and keep deputies. */
    public boolean people() {
        return admin || stab;
    }

    /** What Tertial sends and receives ({@code /utskick}): stab's and the admin's. */
    public boolean sending() {
        return admin || stab;
    }

    static @Nullable Viewer of(@Nullable Caller caller, @Nullable String displayName) {
        if (caller == null) {
            return null;
        }
        boolean overview = caller.has(Role.MANAGER) || caller.has(Role.STAB) || caller.has(Role.ADMIN);
        return new Viewer(displayName == null ? caller.name() : displayName, caller.personId() != null, overview,
                caller.has(Role.STAB), caller.has(Role.ADMIN), caller.has(Role.MANAGER));
    }
}
