package se.ange.tertial.register.org;

import java.util.Locale;
import java.util.Optional;

/** What a person does in the follow-up; a person may have several. */
public enum Role {
    OWNER, MANAGER, STAB, ADMIN,
    /** Not a person's role: a mail gateway's API token, which may only deliver received mail. */
    GATEWAY;

    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "owner", "ansvarig", "agare", "ägare" -> Optional.of(OWNER);
            case "manager", "chef" -> Optional.of(MANAGER);
            case "stab" -> Optional.of(STAB);
            case "admin", "administrator", "administratör" -> Optional.of(ADMIN);
            default -> Optional.empty();
        };
    }
}
