package se.ange.tertial.web.activity;

/** One choice of a select in the filter form. */
record Option(String value, String label, boolean selected) {
}
