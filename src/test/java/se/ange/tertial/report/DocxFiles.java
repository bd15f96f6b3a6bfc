package se.ange.tertial.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.officeDocument.x2006.extendedProperties.PropertiesDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.DocumentDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.FontsDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.FtrDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.NumberingDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.SettingsDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/** Looking inside generated Word files: their parts, the OOXML schema, and python-docx. */
final class DocxFiles {

    private static final String WML = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

    private DocxFiles() {
    }

    /** Every part of the package by name ("word/document.xml" …), as bytes. */
    static Map<String, byte[]> parts(byte[] docx) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    /** The same package with one part's content replaced (to show the checks catch a broken part). */
    static byte[] withPart(byte[] docx, String name, String content) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts(docx).entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getKey().equals(name) ? content.getBytes(StandardCharsets.UTF_8) : part.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String xml(byte[] docx, String name) {
        byte[] part = parts(docx).get(name);
        if (part == null) {
            throw new AssertionError("No part " + name + " in " + parts(docx).keySet());
        }
        return new String(part, StandardCharsets.UTF_8);
    }

    /**
     * Validates every XML part of the package against the full OOXML schema (poi-ooxml-full), each parsed as
     * the schema type of its content type; a part with no known schema is an error too, so a new part cannot
     * slip past. Returns "part: error" lines, empty when valid.
     */
    static List<String> schemaErrors(byte[] docx) {
        List<String> errors = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(docx))) {
            for (PackagePart part : pkg.getParts()) {
                String type = part.getContentType();
                String name = part.getPartName().getName();
                if (part.isRelationshipPart() || type.equals("application/vnd.openxmlformats-package.core-properties+xml")
                        || type.equals("application/vnd.openxmlformats-officedocument.obfuscatedFont")) {
                    continue; // relationships and core properties are checked by openxml4j when it opens the package
                }
                try (InputStream in = part.getInputStream()) {
                    XmlObject parsed = parse(type, in);
                    if (parsed == null) {
                        errors.add(name + ": no schema for content type " + type);
                        continue;
                    }
                    List<XmlError> found = new ArrayList<>();
                    XmlOptions options = new XmlOptions();
                    options.setErrorListener(found);
                    if (!parsed.validate(options) || !found.isEmpty()) {
                        found.forEach(error -> errors.add(name + ": " + error));
                        if (found.isEmpty()) {
                            errors.add(name + ": invalid");
                        }
                    }
                } catch (XmlException e) {
                    errors.add(name + ": " + e.getMessage());
                }
            }
        } catch (Exception e) {
            throw new AssertionError("Not a package: " + e, e);
        }
        return errors;
    }

    private static XmlObject parse(String type, InputStream in) throws XmlException, IOException {
        return switch (type) {
            case WML + "document.main+xml" -> DocumentDocument.Factory.parse(in);
            case WML + "styles+xml" -> StylesDocument.Factory.parse(in);
            case WML + "numbering+xml" -> NumberingDocument.Factory.parse(in);
            case WML + "settings+xml" -> SettingsDocument.Factory.parse(in);
            case WML + "fontTable+xml" -> FontsDocument.Factory.parse(in);
            case WML + "footer+xml" -> FtrDocument.Factory.parse(in);
            case "application/vnd.openxmlformats-officedocument.extended-properties+xml" -> PropertiesDocument.Factory.parse(in);
            default -> null;
        };
    }

    /** The Debian python3-docx module lives under the system Python, not pyenv's. */
    static final String PYTHON = "/usr/bin/python3";

    /**
     * Opens the file with python-docx and prints what a reader meets: the core title, each heading as
     * "Heading N|text", each table's header row as "TABLE|a|b|c", and the first footer's text as "FOOTER|…".
     */
    static List<String> pythonDocx(byte[] docx) {
        String script = """
                import docx, sys
                d = docx.Document(sys.argv[1])
                print('TITLE|' + (d.core_properties.title or ''))
                for p in d.paragraphs:
                    if p.style.name.startswith('Heading'):
                        print(p.style.name + '|' + p.text)
                for t in d.tables:
                    print('TABLE|' + '|'.join(c.text for c in t.rows[0].cells) + '|rows=' + str(len(t.rows)))
                print('FOOTER|' + d.sections[0].footer.paragraphs[0].text)
                """;
        try {
            Path file = Files.createTempFile("tertial-", ".docx");
            try {
                Files.write(file, docx);
                Process process = new ProcessBuilder(PYTHON, "-c", script, file.toString()).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new AssertionError("python-docx could not open the document:\n" + output);
                }
                return output.lines().toList();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
