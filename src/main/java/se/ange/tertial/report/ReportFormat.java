package se.ange.tertial.report;

import java.util.Locale;
import java.util.Optional;

/** The report's file formats with their media types. */
enum ReportFormat {
    HTML("text/html; charset=utf-8", "html"),
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    static Optional<ReportFormat> parse(String text) {
        for (ReportFormat format : values()) {
            if (format.extension.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    byte[] render(ReportDocument document) {
        return switch (this) {
            case HTML -> HtmlReport.render(document).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case PDF -> PdfReport.render(document);
            case DOCX -> DocxReport.render(document);
        };
    }
}
