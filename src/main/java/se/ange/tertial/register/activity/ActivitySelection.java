package se.ange.tertial.register.activity;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.Locale;
import se.ange.tertial.followup.Status;
import se.ange.tertial.register.access.Caller;
import se.ange.tertial.register.access.Permissions;

/**
 * Which activities a request path reads ({@link ActivityFinder}): plain column conditions only, each a superset of
 * what the path's own rule then keeps (who may read, overdue, must report), so the rule stays in one place and is
 * fed fewer rows. Every condition given must hold; none given selects the whole register.
 */
public final class ActivitySelection {

    private Permissions.Reach reach = new Permissions.Reach(true, null, null, java.util.Set.of());
    private String department;
    private String unit;
    private String ownerEmail;
    private Status status;
    private String goalRef;
    private LocalDate endBefore;
    private LocalDate startBy;
    private String refPrefix;

    private ActivitySelection() {
    }

    /** Every activity (narrowed by the conditions added). */
    public static ActivitySelection any() {
        return new ActivitySelection();
    }

    /** What {@link Permissions#canRead} may allow the caller. */
    public static ActivitySelection readableBy(Caller caller) {
        ActivitySelection selection = new ActivitySelection();
        selection.reach = Permissions.reach(caller);
        return selection;
    }

    /** In the department of that name (ignoring case); blank: any. */
    public ActivitySelection department(@Nullable String name) {
        this.department = name == null || name.isBlank() ? null : name.strip();
        return this;
    }

    /** In a unit of that name (ignoring case). */
    public ActivitySelection unit(@Nullable String name) {
        this.unit = name;
        return this;
    }

    /** Owned by the person with that e-mail address. */
    public ActivitySelection ownedBy(@Nullable String email) {
        this.ownerEmail = email == null ? null : email.trim().toLowerCase(Locale.ROOT);
        return this;
    }

    /** With that current status (the column mirroring the latest report). */
    public ActivitySelection status(@Nullable Status status) {
        this.status = status;
        return this;
    }

    /** Toward that KS goal, or any KS goal under it ("3.4": 3.4.1 …). */
    public ActivitySelection goal(@Nullable String ref) {
        this.goalRef = ref;
        return this;
    }

    /** Planned to end before the day (what being overdue on it needs). */
    public ActivitySelection endingBefore(@Nullable LocalDate day) {
        this.endBefore = day;
        return this;
    }

    /** Planned to start on or before the day. */
    public ActivitySelection startingBy(@Nullable LocalDate day) {
        this.startBy = day;
        return this;
    }

    /** Whose reference starts with {@code prefix}, ignoring case. */
    public ActivitySelection refStartingWith(@Nullable String prefix) {
        this.refPrefix = prefix == null ? null : prefix.toUpperCase(Locale.ROOT);
        return this;
    }

    Permissions.Reach reach() {
        return reach;
    }

    @Nullable String departmentName() {
        return department;
    }

    @Nullable String unitName() {
        return unit;
    }

    @Nullable String ownerEmail() {
        return ownerEmail;
    }

    @Nullable Status status() {
        return status;
    }

    @Nullable String goalRef() {
        return goalRef;
    }

    @Nullable LocalDate endBefore() {
        return endBefore;
    }

    @Nullable LocalDate startBy() {
        return startBy;
    }

    @Nullable String refPrefix() {
        return refPrefix;
    }
}
