package se.ange.tertial.web.activity;

/** One status report in an activity's history, as shown. */
record HistoryRow(String when, String tertial, String status, String reporter, String channel, String comment) {
}
