package se.ange.tertial.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times the report renderers on a long uppsiktsrapport (about 2,000 activities), the figure issue 17 names:
 * <pre>mvn -q -Pbench test-compile exec:java -Dbench.main=se.ange.tertial.report.ReportRenderBench</pre>
 * Prints the median of five runs after two warm-ups, per format, and the HTML alone as the floor.
 */
public final class ReportRenderBench {

    private ReportRenderBench() {
    }

    public static void main(String[] args) {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int perCopy = SampleReportsForHtml.department(1).activityCount();
        DepartmentReport report = SampleReportsForHtml.department(Math.max(1, wanted / perCopy));
        System.out.printf("uppsiktsrapport with %d activities%n", report.activityCount());
        time("html", () -> HtmlReport.render(report).length());
        time("pdf", () -> PdfReport.render(report).length);
        time("docx", () -> DocxReport.render(report).length);
    }

    private static void time(String label, Supplier<Integer> render) {
        List<Long> millis = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            size = render.get();
            if (i >= 2) {
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        Collections.sort(millis);
        System.out.printf("%-5s median %5d ms (min %d, max %d), %d bytes%n", label, millis.get(2), millis.get(0),
                millis.get(4), size);
    }
}
