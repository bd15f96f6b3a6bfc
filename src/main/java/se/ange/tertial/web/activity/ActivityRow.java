package se.ange.tertial.web.activity;

import java.util.List;

/** One line of the activity list, as shown. */
record ActivityRow(String ref, String title, String href, String place, String owners, String endDate,
                   String status, List<String> deviations) {
}
