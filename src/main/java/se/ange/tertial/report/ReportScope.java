package se.ange.tertial.report;

import io.micronaut.core.annotation.Nullable;

/** Whose activities a report covers: the whole municipality, a department, or one unit of it. */
public record ReportScope(@Nullable Long departmentId, @Nullable Long unitId, String label) {

    public static final String MUNICIPALITY = "Hela kommunen";

    public static ReportScope municipality() {
        return new ReportScope(null, null, MUNICIPALITY);
    }

    public boolean isMunicipality() {
        return departmentId == null;
    }

    public boolean includes(ActivityState activity) {
        return (departmentId == null || departmentId == activity.departmentId())
                && (unitId == null || unitId.equals(activity.unitId()));
    }
}
