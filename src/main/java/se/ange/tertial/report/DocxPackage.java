package se.ange.tertial.report;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writes a Word document's package, cheaper than {@code XWPFDocument.write} alone does it:
 * <ul>
 * <li>POI serialises every relationship part and the content types through a new {@code TransformerFactory},
 * and each {@code TransformerFactory.newInstance()} scans the class path for a provider (and, where one is
 * found — Saxon comes with veraPDF in the tests — builds that whole engine). While the package is written this
 * thread's context class loader hides that one service file, so POI gets the JDK's own transformer, as it does in
 * the service, where no provider is on the class path. Only this thread, only for the write, restored after;
 * classes and every other resource come from the same loader. No system property, nothing JVM-wide.</li>
 * <li>The zip deflates at the fastest level: document.xml of a long report is megabytes of repetitive
 * markup, which level 1 still shrinks to a few per cent, in a fraction of the default level's time.</li>
 * </ul>
 */
final class DocxPackage {

    private static final ClassLoader WITHOUT_TRANSFORMER_SERVICE =
            new WithoutTransformerService(DocxPackage.class.getClassLoader());

    private DocxPackage() {
    }

    static void write(XWPFDocument doc, OutputStream out) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(WITHOUT_TRANSFORMER_SERVICE);
        // POI writes into a ZipArchiveOutputStream it is given as it is (ZipPackage.saveImpl)
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            doc.write(zip);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The parent loader as it is, but for the service file naming a {@code javax.xml.transform.TransformerFactory}. */
    private static final class WithoutTransformerService extends ClassLoader {

        private static final String SERVICE = "META-INF/services/javax.xml.transform.TransformerFactory";

        static {
            registerAsParallelCapable();
        }

        WithoutTransformerService(ClassLoader parent) {
            super("tertial-docx-writer", parent);
        }

        @Override
        public URL getResource(String name) {
            return SERVICE.equals(name) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return SERVICE.equals(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }
}
