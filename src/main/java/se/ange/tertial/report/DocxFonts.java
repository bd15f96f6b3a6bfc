package se.ange.tertial.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
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

    private static final String REGULAR_NAME = "font1";
    private static final String BOLD_NAME = "font2";

    private DocxFonts() {
    }

    /** Adds the font table and both faces to the document. */
    static void embed(XWPFDocument doc) {
        try {
            PackagePartName tableName = PackagingURIHelper.createPartName("/word/fontTable.xml");
            PackagePart table = doc.getPackage().createPart(tableName,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
            doc.getPackagePart().addRelationship(tableName, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
            String regular = embed(doc, table, REGULAR_NAME);
            String bold = embed(doc, table, BOLD_NAME);
            String xml = """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <w:font w:name="%1$s"><w:panose1 w:val="020B0603030804020204"/><w:charset w:val="00"/>\
                    <w:family w:val="swiss"/><w:pitch w:val="variable"/>\
                    <w:embedRegular r:id="%2$s" w:fontKey="%3$s"/><w:embedBold r:id="%4$s" w:fontKey="%5$s"/></w:font>\
                    </w:fonts>""".formatted(DocxDocument.FONT, regular, key(REGULAR_NAME), bold, key(BOLD_NAME));
            try (OutputStream out = table.getOutputStream()) {
                out.write(xml.getBytes(StandardCharsets.UTF_8));
            }
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("Could not embed " + DocxDocument.FONT, e);
        }
    }

    private static String embed(XWPFDocument doc, PackagePart table, String name) throws InvalidFormatException {
        PackagePartName partName = PackagingURIHelper.createPartName("/word/fonts/" + name + ".odttf");
        // an empty part here: its bytes, compressed once per process, go in when the file is written (withFaces)
        doc.getPackage().createPart(partName, "application/vnd.openxmlformats-officedocument.obfuscatedFont");
        return table.addRelationship(partName, TargetMode.INTERNAL,
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font").getId();
    }

    /**
     * The written document with the faces' bytes in their (empty) parts. The faces are 1.4 MB that zip would
     * deflate again for every document, the better part of a report's time; they are compressed once, the
     * first time a document is written, and the other entries are copied as they are, without recompressing.
     */
    static byte[] withFaces(byte[] docx) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(docx)).get();
             ByteArrayOutputStream bytes = new ByteArrayOutputStream(docx.length + Faces.SIZE)) {
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
                for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
                    Face face = Faces.BY_ENTRY.get(entry.getName());
                    if (face == null) {
                        out.addRawArchiveEntry(entry, zip.getRawInputStream(entry));
                    } else {
                        out.addRawArchiveEntry(face.entry(entry.getName()), new ByteArrayInputStream(face.deflated()));
                    }
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An obfuscated face, deflated as zip stores it, with what its entry must say (CRC, sizes). */
    private record Face(byte[] deflated, long crc, long size) {

        static Face of(String resource, String name) {
            byte[] obfuscated = obfuscate(ReportResources.bytes(resource), key(name));
            CRC32 crc = new CRC32();
            crc.update(obfuscated);
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true); // raw deflate, as in a zip entry
            try {
                deflater.setInput(obfuscated);
                deflater.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream(obfuscated.length);
                byte[] buffer = new byte[64 * 1024];
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
                return new Face(out.toByteArray(), crc.getValue(), obfuscated.length);
            } finally {
                deflater.end();
            }
        }

        ZipArchiveEntry entry(String name) {
            ZipArchiveEntry entry = new ZipArchiveEntry(name);
            entry.setMethod(ZipEntry.DEFLATED);
            entry.setCrc(crc);
            entry.setSize(size);
            entry.setCompressedSize(deflated.length);
            return entry;
        }
    }

    /** Both faces, read and compressed on first use (the first Word document), not at start. */
    private static final class Faces {
        static final Map<String, Face> BY_ENTRY = Map.of(
                "word/fonts/" + REGULAR_NAME + ".odttf", Face.of("report/fonts/DejaVuSans.ttf", REGULAR_NAME),
                "word/fonts/" + BOLD_NAME + ".odttf", Face.of("report/fonts/DejaVuSans-Bold.ttf", BOLD_NAME));
        static final int SIZE = BY_ENTRY.values().stream().mapToInt(face -> face.deflated().length).sum();
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

}
