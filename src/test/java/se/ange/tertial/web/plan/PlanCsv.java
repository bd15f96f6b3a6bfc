package se.ange.tertial.web.plan;

/** Small plan files for the import tests: lines toward KS goal 3.1.1 with the plan's own goal titles. */
final class PlanCsv {

    static final String HEADER = "ref,kf_goal_ref,kf_goal,ks_goal_ref,ks_goal,goal_area,title,description,"
            + "start_date,end_date,department,unit,owner_email\n";
    private static final String KF = "\"Ånge kommun ska arbeta aktivt för att vara en attraktiv och jämställd arbetsgivare, "
            + "samt skapa hälsofrämjande arbetsplatser.\"";
    private static final String KS = "Ånge kommun ska stimulera till utveckling av hälsofrämjande arbetsplatser.";

    private PlanCsv() {
    }

    static String row(String ref, String title, String start, String end, String department, String unit) {
        return String.join(",", ref, "3.1", KF, "3.1.1", KS, "Vuxna", title, "", start, end, department, unit,
                PlanPagesHttpTest.EMMA) + "\n";
    }
}
