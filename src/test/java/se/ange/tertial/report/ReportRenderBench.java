package se.ange.tertial.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import se.ange.tertial.bench.BenchSuite;
import se.ange.tertial.bench.Figure;

/**
 * Issue 17's report figures: a long uppsiktsrapport (2,000 activities; {@code -Dbench.reports.activities=…}) as PDF
 * and DOCX, beside the anchor, the same goals and activity rows written as JSON with Jackson. Each round renders
 * JSON, PDF and DOCX one after the other (interleaved, so load on the machine hits all alike); the figure is the
 * median of the rounds after two warm-ups. {@code -Dbench.reports.formats=docx} (or {@code pdf}) renders only that format
 * beside the anchor. Run alone:
 * <pre>mvn -q -o -Pbench test-compile exec:java -Dbench.main=se.ange.tertial.report.ReportRenderBench</pre>
 */
public final class ReportRenderBench implements BenchSuite {

    private static final int WARM_UPS = 2;
    private static final int ROUNDS = Integer.getInteger("bench.reports.rounds", 5);

    @Override
    public String name() {
        return "reports";
    }

    @Override
    public List<Figure> run() throws Exception {
        int wanted = Integer.getInteger("bench.reports.activities", 2000);
        int perCopy = SampleReportsForHtml.department(1).activityCount();
        DepartmentReport report = SampleReportsForHtml.department(Math.max(1, wanted / perCopy));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        Map<String, Callable<Integer>> renders = new LinkedHashMap<>();
        renders.put("json", () -> json.writeValueAsBytes(report.goals()).length);
        List<String> formats = List.of(System.getProperty("bench.reports.formats", "pdf,docx").split(","));
        if (formats.contains("pdf")) {
            renders.put("pdf", () -> PdfReport.render(report).length);
        }
        if (formats.contains("docx")) {
            renders.put("docx", () -> DocxReport.render(report).length);
        }
        Map<String, Times> times = new LinkedHashMap<>();
        renders.keySet().forEach(key -> times.put(key, new Times()));
        for (int round = 0; round < WARM_UPS + ROUNDS; round++) {
            for (Map.Entry<String, Callable<Integer>> render : renders.entrySet()) {
                times.get(render.getKey()).time(render.getValue(), round >= WARM_UPS);
            }
        }
        times.forEach((key, t) -> System.err.printf("reports %-4s wall median %6.0f ms, thread CPU median %6.0f ms, %d bytes%n",
                key, t.wall(), t.cpu(), t.bytes));
        double anchor = times.get("json").wall();
        String rows = "uppsiktsrapport, %d activities".formatted(report.activityCount());
        List<Figure> figures = new ArrayList<>();
        if (times.containsKey("pdf")) {
            figures.add(new Figure("reports", "PDF " + rows + " (anchor: the rows as JSON)", times.get("pdf").wall(), anchor,
                    "ms", "< 800 ms", times.get("pdf").wall() < 800));
        }
        if (times.containsKey("docx")) {
            figures.add(new Figure("reports", "DOCX " + rows + " (anchor: the rows as JSON)", times.get("docx").wall(), anchor,
                    "ms", "< 200 ms", times.get("docx").wall() < 200));
        }
        return figures;
    }

    public static void main(String[] args) throws Exception {
        for (Figure figure : new ReportRenderBench().run()) {
            System.out.printf("%s: %.0f ms (anchor %.0f ms, ratio %s), goal %s, met: %s%n", figure.what(),
                    figure.value(), figure.anchor(), figure.ratio(), figure.goal(), figure.met());
        }
        System.exit(0);
    }

    /** Wall-clock and thread CPU milliseconds of the measured rounds. */
    private static final class Times {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final List<Double> wall = new ArrayList<>();
        private final List<Double> cpu = new ArrayList<>();
        private int bytes;

        void time(Callable<Integer> render, boolean measured) throws Exception {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            bytes = render.call();
            if (measured) {
                wall.add((System.nanoTime() - start) / 1e6);
                cpu.add((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
            }
        }

        double wall() {
            return median(wall);
        }

        double cpu() {
            return median(cpu);
        }

        private static double median(List<Double> values) {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            return Math.rint(sorted[sorted.length / 2]);
        }
    }
}
