package se.ange.tertial.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRelation;

/**
 * DejaVu Sans, regular and bold, embedded in a Word document the way Word embeds fonts: an obfuscated copy
 * (.odttf) per face, named in the font table with the key that undoes the obfuscation. DejaVu Sans has every
 * status and assessment symbol the reports print, so they look the same on a machine without the font.
 */
final class DocxFonts {

    /** Each face under a fixed key (name-based GUID), so the same report gives the same file. */
    private static final byte[] REGULAR = font("report/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("report/fonts/DejaVuSans-Bold.ttf");

    private DocxFonts() {
    }

    /** Adds the font table and both faces to the document. */
    static void embed(XWPFDocument doc) {
        try {
            PackagePartName tableName = PackagingURIHelper.createPartName("/word/fontTable.xml");
            PackagePart table = doc.getPackage().createPart(tableName,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
            doc.getPackagePart().addRelationship(tableName, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
            String regular = embed(doc, table, "font1", REGULAR);
            String bold = embed(doc, table, "font2", BOLD);
            String xml = """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <w:font w:name="%1$s"><w:panose1 w:val="020B0603030804020204"/><w:charset w:val="00"/>\
                    <w:family w:val="swiss"/><w:pitch w:val="variable"/>\
                    <w:embedRegular r:id="%2$s" w:fontKey="%3$s"/><w:embedBold r:id="%4$s" w:fontKey="%5$s"/></w:font>\
                    </w:fonts>""".formatted(DocxDocument.FONT, regular, key("font1"), bold, key("font2"));
            try (OutputStream out = table.getOutputStream()) {
                out.write(xml.getBytes(StandardCharsets.UTF_8));
            }
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("Could not embed " + DocxDocument.FONT, e);
        }
    }

    private static String embed(XWPFDocument doc, PackagePart table, String name, byte[] font) throws InvalidFormatException, IOException {
        PackagePartName partName = PackagingURIHelper.createPartName("/word/fonts/" + name + ".odttf");
        PackagePart part = doc.getPackage().createPart(partName, "application/vnd.openxmlformats-officedocument.obfuscatedFont");
        try (OutputStream out = part.getOutputStream()) {
            out.write(obfuscate(font, key(name)));
        }
        return table.addRelationship(partName, TargetMode.INTERNAL,
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font").getId();
    }

    /** A fixed GUID per face (name-based), written as the font table wants it: "{XXXXXXXX-…}". */
    static String key(String name) {
        return "{" + UUID.nameUUIDFromBytes(("tertial-" + name).getBytes(StandardCharsets.UTF_8)).toString()
                .toUpperCase(Locale.ROOT) + "}";
    }

    /**
     * ECMA-376 part 1, 17.8.1: the key's 32 hex digits read as 16 bytes and reversed; the font's first 32
     * bytes XOR-ed with them (bytes 0–15 and 16–31 alike). Undoing it is the same operation.
     */
    static byte[] obfuscate(byte[] font, String key) {
        String hex = key.replaceAll("[{}-]", "");
        byte[] reversed = new byte[16];
        for (int i = 0; i < 16; i++) {
            reversed[15 - i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        byte[] result = font.clone();
        for (int i = 0; i < 32; i++) {
            result[i] ^= reversed[i % 16];
        }
        return result;
    }

    private static byte[] font(String name) {
        try (InputStream in = DocxFonts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
