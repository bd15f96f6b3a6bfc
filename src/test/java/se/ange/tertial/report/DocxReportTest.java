package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGridCol;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/** The Word documents of both report kinds, from hand-built reports (SampleReports), opened the ways readers open them. */
class DocxReportTest {

    private static final byte[] UPPSIKT = DocxReport.render(SampleReports.uppsikt());
    private static final byte[] BOARD = DocxReport.render(SampleReports.board());

    @Test
    void every_part_of_both_documents_is_valid_against_the_ooxml_schema() {
        assertThat(DocxFiles.schemaErrors(UPPSIKT)).as("uppsikt").isEmpty();
        assertThat(DocxFiles.schemaErrors(BOARD)).as("måluppföljning").isEmpty();
        // the validation looks at the parts that matter
        assertThat(DocxFiles.parts(UPPSIKT)).containsKeys("word/document.xml", "word/styles.xml", "word/numbering.xml",
                "word/settings.xml", "word/fontTable.xml", "word/footer1.xml");
    }

    @Test
    void text_is_printable_vantelage_as_a_double_bar_and_no_control_characters() {
        assertThat(DocxDocument.printable("⏸ Vänteläge\u0007\u000B; rad\nny rad\ttab")).isEqualTo("‖ Vänteläge; rad\nny rad\ttab");
    }

    @Test
    void the_schema_check_catches_a_table_without_its_grid_and_a_misplaced_page_size() {
        String document = DocxFiles.xml(UPPSIKT, "word/document.xml");
        String noGrid = document.replaceFirst("<w:tblGrid>.*?</w:tblGrid>", "");
        assertThat(DocxFiles.schemaErrors(DocxFiles.withPart(UPPSIKT, "word/document.xml", noGrid)))
                .anySatisfy(error -> assertThat(error).startsWith("/word/document.xml").contains("tblGrid"));
        String swapped = document.replaceFirst("(<w:pgSz [^>]*/>)(<w:pgMar [^>]*/>)", "$2$1");
        assertThat(swapped).isNotEqualTo(document);
        assertThat(DocxFiles.schemaErrors(DocxFiles.withPart(UPPSIKT, "word/document.xml", swapped))).isNotEmpty();
    }

    @Test
    void the_uppsiktsrapport_has_the_seeds_cover_contents_headings_and_activity_tables() throws IOException {
        try (XWPFDocument doc = open(UPPSIKT)) {
            assertThat(styled(doc, "Title")).containsExactly("Uppsiktsrapport till kommunstyrelsen");
            assertThat(styled(doc, "Subtitle")).containsExactly("Staben");
            assertThat(texts(doc)).contains("Ånge kommun", "Tertial 1 2024 (1 januari – 30 april)", "Datum: 2 maj 2024",
                    "Preliminär: tertialen är inte låst, rapporten visar registret som det är nu.", "Innehåll");
            assertThat(headings(doc)).containsExactly(
                    "Heading1|1 Redovisning av arbete för de politiska målen",
                    "Heading2|1.1 Sjukfrånvaron ska minska",
                    "Heading2|1.2 Andelen anställda som nyttjar kommunens friskvårdsbidrag ska öka.",
                    "Heading2|1.3 Rapportering och uppföljning",
                    "Heading2|1.4 Avgränsning",
                    "Heading1|2 Kommunstyrelsens mål");
            assertThat(contents(doc)).containsExactly(
                    "1 Redovisning av arbete för de politiska målen",
                    "  1.1 Sjukfrånvaron ska minska",
                    "  1.2 Andelen anställda som nyttjar kommunens friskvårdsbidrag ska öka.",
                    "  1.3 Rapportering och uppföljning",
                    "  1.4 Avgränsning",
                    "2 Kommunstyrelsens mål");
            assertThat(styled(doc, DocxDocument.QUOTE)).containsExactly("När kommunstyrelsens verksamhetsplan är antagen ska "
                    + "förvaltningen skyndsamt påbörja planering för genomförande, utifrån verksamhetsplanen.");

            List<XWPFTable> tables = doc.getTables();
            assertThat(tables).hasSize(2);
            for (XWPFTable table : tables) {
                assertThat(cells(table.getRow(0))).containsExactly("Verksamhetens aktiviteter", "Startdatum", "Slutdatum");
                assertThat(grid(table)).containsExactly(6170, 1450, 1450);
            }
            XWPFTableCell first = tables.get(0).getRow(1).getCell(0);
            assertThat(first.getParagraphs()).extracting(XWPFParagraph::getText).containsExactly(
                    "Genomföra temadagar",
                    "Hålla workshops med alla chefer i omgångar för att föra dialog kring hur vi kan minska sjuktalet.",
                    "▶ Pågående enligt plan",
                    "Planering pågår, temadagarna genomförs den 30 maj.",
                    "Under tematräffarna gås friskfaktorer igenom.");
            assertThat(bold(first.getParagraphs().get(0))).isTrue();
            assertThat(bold(first.getParagraphs().get(2))).as("status line").isTrue();
            assertThat(bold(first.getParagraphs().get(1))).as("description").isFalse();
            assertThat(cells(tables.get(0).getRow(1)).subList(1, 3)).containsExactly("2024-04-22", "2024-05-31");

            XWPFParagraph unit = tables.get(0).getRow(2).getCell(0).getParagraphs().get(0);
            assertThat(unit.getText()).isEqualTo("Utveckla chefsstöd för systematiskt arbetsmiljöarbete och friskfaktorer • HR och Kommunikation");
            assertThat(unit.getRuns()).extracting(XWPFRun::isBold).containsExactly(true, false);

            XWPFTableCell waiting = tables.get(1).getRow(2).getCell(0);
            assertThat(waiting.getParagraphs()).extracting(XWPFParagraph::getText)
                    .contains("‖ Vänteläge", "Senast rapporterad för 2023-T3");
            XWPFParagraph note = waiting.getParagraphs().get(waiting.getParagraphs().size() - 1);
            assertThat(note.getRuns().get(0).isItalic()).as("the note is in italics").isTrue();
            assertThat(cells(tables.get(1).getRow(3)).get(0)).contains("Ej rapporterad");

            assertThat(styled(doc, DocxDocument.LIST)).containsExactly(
                    "Andelen anställda som nyttjar kommunens friskvårdsbidrag ska öka.",
                    "Arbetslösheten i kommunen ska minska.", "Sjukfrånvaron ska minska.");
            XWPFParagraph group = paragraph(doc, "Mål inom målområde Vuxna");
            assertThat(bold(group)).isTrue();
            assertThat(group.getStyle()).as("a group heading is not in the contents").isEqualTo(DocxDocument.LEAD);
        }
        assertThat(DocxFiles.xml(UPPSIKT, "word/document.xml")).doesNotContain("⏸");
    }

    @Test
    void the_maluppfoljning_has_kf_and_ks_headings_assessments_measures_activities_and_the_summary() throws IOException {
        try (XWPFDocument doc = open(BOARD)) {
            // a goal's lines before its tables stay with them: never alone at a page foot
            assertThat(doc.getParagraphs()).filteredOn(p -> p.getText().startsWith("Målområde: ")
                    || p.getText().startsWith("Bedömt efter") || p.getText().startsWith("Förslag: "))
                    .isNotEmpty().allSatisfy(p -> assertThat(p.isKeepNext()).as(p.getText()).isTrue());
            assertThat(styled(doc, "Title")).containsExactly("Uppföljning av kommunstyrelsens mål");
            assertThat(texts(doc)).contains("Låst av Anna Berg 15 maj 2024");
            assertThat(headings(doc)).containsExactly(
                    "Heading1|1 Inledning",
                    "Heading1|2 Redovisning av målarbete",
                    "Heading2|2.1 Fortsätta ett målmedvetet arbete med att höja kvalitén i grundskolan",
                    "Heading3|2.1.1 Andelen elever i åk 9 som är behöriga till gymnasiet når rikssnittet",
                    "Heading3|2.1.2 Bibehållen samt ökande kvalité och attraktivitet vid Bobergsgymnasiet",
                    "Heading2|2.2 Sjukfrånvaron ska minska",
                    "Heading1|3 Sammanfattning och analys");
            assertThat(styled(doc, DocxDocument.LEGEND)).contains("● Uppfylld", "◕ Delvis uppfylld", "– Ej bedömd",
                    "▶ Pågående enligt plan", "‖ Vänteläge");
            assertThat(styled(doc, DocxDocument.LEAD)).as("assessment lines").contains("◕ Delvis uppfylld", "– Ej bedömd", "○ Ej uppfylld");
            assertThat(texts(doc)).containsSubsequence("– Ej bedömd", "Förslag: Delvis uppfylld",
                    "Bedömt efter aktiviteterna: 1 av 2 aktiviteter avslutade enligt plan.");
            XWPFParagraph suggestion = paragraph(doc, "Förslag: Delvis uppfylld");
            assertThat(suggestion.getStyle()).isEqualTo(DocxDocument.SMALL);
            assertThat(texts(doc)).containsSubsequence("För 2023 är 80,4 % av eleverna i årskurs 9 behöriga till yrkesprogram.",
                    "Målet bedöms därför som delvis uppfyllt.");

            assertThat(contents(doc)).as("levels 1 and 2 only: no KS goals").containsExactly("1 Inledning",
                    "2 Redovisning av målarbete",
                    "  2.1 Fortsätta ett målmedvetet arbete med att höja kvalitén i grundskolan",
                    "  2.2 Sjukfrånvaron ska minska",
                    "3 Sammanfattning och analys");
            List<XWPFTable> tables = doc.getTables();
            assertThat(tables).extracting(table -> cells(table.getRow(0))).containsExactly(
                    List.of("Mått", "Utgångsvärde", "Målvärde", "Utfall"),
                    List.of("Verksamhetens aktiviteter", "Status", "Slutdatum", "Kommentar"),
                    List.of("Verksamhetens aktiviteter", "Status", "Slutdatum", "Kommentar"),
                    List.of("Verksamhetens aktiviteter", "Status", "Slutdatum", "Kommentar"),
                    List.of("Bedömning", "Antal mål"),
                    List.of("Status", "Antal aktiviteter"));
            List<Integer> activityGrid = grid(tables.get(1));
            assertThat(activityGrid.get(3)).as("the comment column is the widest").isEqualTo(activityGrid.stream().mapToInt(i -> i).max().orElseThrow());
            assertThat(cells(tables.get(0).getRow(1))).containsExactly("Andel behöriga till yrkesprogram\nSka öka", "79,2 %",
                    "84,1 %", "80,4 %\nUtfall för 2024-T1, rapporterat av Sara Lindqvist 2 maj 2024");
            assertThat(cells(tables.get(1).getRow(1))).containsExactly("Övningsskolor/förskolor\nStaben", "✔ Avslutad enligt plan",
                    "2024-02-29", "Insatsen var försenad från Mittuniversitetets sida. Aktiviteten är nu genomförd.");
            assertThat(cells(tables.get(2).getRow(1))).containsExactly(
                    "Prioriterade rekryterings- och kompetensförsörjningsinsatser\nStaben", "‖ Vänteläge", "2024-12-31",
                    "Väntar på beslut om budget.\nRapporterad före planerad start 2024-09-01");
            assertThat(cells(tables.get(4).getRow(1))).containsExactly("◕ Delvis uppfylld", "1");
            assertThat(cells(tables.get(5).getRow(3))).containsExactly("‖ Vänteläge", "1");
            assertThat(texts(doc)).containsSubsequence("3 Sammanfattning och analys", "4 aktiviteter under 3 mål; 2 mål är bedömda.",
                    "Förändringar sedan förra tertialen",
                    "Implementera nya läroplaner: Pågående enligt plan → Pågående med avvikelse",
                    "Gällande målen så har det visat sig vara enklare att arbeta med mål som har en tydlig organisatorisk motpart.");
        }
    }

    @Test
    void tables_have_fixed_grids_and_header_rows_that_repeat_and_never_split() throws IOException {
        for (byte[] docx : List.of(UPPSIKT, BOARD)) {
            try (XWPFDocument doc = open(docx)) {
                for (XWPFTable table : doc.getTables()) {
                    assertThat(grid(table).stream().mapToInt(i -> i).sum()).isEqualTo(DocxDocument.TEXT_WIDTH);
                    assertThat(table.getCTTbl().getTblPr().getTblLayout().getType()).isEqualTo(STTblLayoutType.FIXED);
                    XWPFTableRow header = table.getRow(0);
                    assertThat(header.isRepeatHeader()).isTrue();
                    assertThat(header.isCantSplitRow()).isTrue();
                    for (XWPFTableRow row : table.getRows()) {
                        for (int i = 0; i < row.getTableCells().size(); i++) {
                            assertThat(row.getCell(i).getCTTc().getTcPr().getTcW().getW())
                                    .isEqualTo(BigInteger.valueOf(grid(table).get(i)));
                        }
                    }
                }
            }
        }
    }

    /**
     * "Mittuniversit|etet", "2023-12-|21": a word is cut when its column is too narrow. Measured with the
     * embedded font: every header word (bold) and every date fit their column, cell margins included.
     */
    @Test
    void header_words_and_dates_fit_their_columns_in_the_embedded_font() throws Exception {
        Font regular = font("report/fonts/DejaVuSans.ttf").deriveFont(9f);
        Font bold = font("report/fonts/DejaVuSans-Bold.ttf").deriveFont(9f);
        FontRenderContext context = new FontRenderContext(null, true, true);
        for (byte[] docx : List.of(UPPSIKT, BOARD)) {
            try (XWPFDocument doc = open(docx)) {
                for (XWPFTable table : doc.getTables()) {
                    List<Integer> grid = grid(table);
                    List<String> header = cells(table.getRow(0));
                    for (int i = 0; i < header.size(); i++) {
                        for (String word : header.get(i).split(" ")) {
                            assertThat(twips(bold, context, word) + 216).as(word).isLessThanOrEqualTo(grid.get(i));
                        }
                    }
                    for (XWPFTableRow row : table.getRows()) {
                        for (int i = 0; i < row.getTableCells().size(); i++) {
                            String text = row.getCell(i).getText();
                            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                                assertThat(twips(regular, context, text) + 216).as(text).isLessThanOrEqualTo(grid.get(i));
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The board's activity table with the plan's real words: the longest word of any title (bold), of any
     * department or unit name, and of any status label fits its column, so Word never cuts
     * "Samhällsbyggnads|avdelningen" or "Rehabiliteringsprocess|en" in two.
     */
    @Test
    void the_longest_words_of_the_plan_fit_the_board_tables_columns() throws Exception {
        Font regular = font("report/fonts/DejaVuSans.ttf").deriveFont(9f);
        Font bold = font("report/fonts/DejaVuSans-Bold.ttf").deriveFont(9f);
        FontRenderContext context = new FontRenderContext(null, true, true);
        List<DocxDocument.Column> columns = MaluppfoljningDocx.ACTIVITY_COLUMNS;
        java.util.Set<String> titleWords = new TreeSet<>();
        java.util.Set<String> organisationWords = new TreeSet<>();
        String csv = se.ange.tertial.support.Fixtures.plan2024() + "\n"
                + se.ange.tertial.support.Fixtures.resource("fixtures/stab-own-activities-2024.csv");
        for (String part : csv.split("\\R(?=ref,)")) {
            for (org.apache.commons.csv.CSVRecord row : org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
                    .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(part.strip()))) {
                // Word may break after a slash ("lärcentret/kommunhuset"), never inside a word
                titleWords.addAll(List.of(row.get("title").split("[\\s/]+")));
                organisationWords.addAll(List.of((row.get("department") + " " + row.get("unit")).split("\\s+")));
            }
        }
        assertThat(titleWords).contains("specialistundersköterskor", "Rehabiliteringsprocessen");
        assertThat(organisationWords).contains("Samhällsbyggnadsavdelningen");
        for (String word : titleWords) {
            assertThat(twips(bold, context, word) + 216).as(word).isLessThanOrEqualTo(columns.get(0).width());
        }
        for (String word : organisationWords) {
            assertThat(twips(regular, context, word) + 216).as(word).isLessThanOrEqualTo(columns.get(0).width());
        }
        for (se.ange.tertial.followup.Status status : se.ange.tertial.followup.Status.values()) {
            for (String word : ("‖ " + status.swedish() + " Ej rapporterad").split(" ")) {
                assertThat(twips(regular, context, word) + 216).as(word).isLessThanOrEqualTo(columns.get(1).width());
            }
        }
        assertThat(columns.get(3).width()).as("the comment column is the widest")
                .isGreaterThan(columns.stream().limit(3).mapToInt(DocxDocument.Column::width).max().orElseThrow());
    }

    @Test
    void a4_pages_with_margins_a_footer_with_title_and_page_numbers_and_a_two_level_contents() throws IOException {
        try (XWPFDocument doc = open(UPPSIKT)) {
            CTSectPr section = doc.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(section.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
            assertThat(List.of(section.getPgMar().getTop(), section.getPgMar().getBottom(), section.getPgMar().getLeft(),
                    section.getPgMar().getRight())).containsOnly(BigInteger.valueOf(1418));
            assertThat(doc.getProperties().getCoreProperties().getTitle())
                    .isEqualTo("Uppsiktsrapport till kommunstyrelsen – Staben, tertial 1 2024");
        }
        String document = DocxFiles.xml(UPPSIKT, "word/document.xml");
        assertThat(document.contains("<w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText>"))
                .as("a TOC field of levels 1-2").isTrue();
        assertThat(document.contains("w:footerReference w:type=\"default\"")).isTrue();
        assertThat(document.contains("<w:titlePg w:val=\"on\"/>")).as("no footer on the cover").isTrue();
        String footer = DocxFiles.parts(UPPSIKT).keySet().stream().filter(name -> name.startsWith("word/footer"))
                .map(name -> DocxFiles.xml(UPPSIKT, name)).filter(xml -> xml.contains("Sida")).findFirst().orElseThrow();
        assertThat(footer).contains("Uppsiktsrapport till kommunstyrelsen – Staben, tertial 1 2024")
                .contains("> PAGE <").contains("> NUMPAGES <").contains("Sida ").contains(" av ");
    }

    @Test
    void swedish_styles_with_real_headings_and_dejavu_sans_as_the_document_font() {
        String styles = DocxFiles.xml(BOARD, "word/styles.xml");
        assertThat(styles).contains("<w:lang w:val=\"sv-SE\"").contains("w:ascii=\"DejaVu Sans\"");
        for (int level = 1; level <= 3; level++) {
            Matcher heading = Pattern.compile("<w:style w:type=\"paragraph\" w:styleId=\"Heading" + level + "\">.*?</w:style>",
                    Pattern.DOTALL).matcher(styles);
            assertThat(heading.find()).isTrue();
            assertThat(heading.group()).contains("<w:name w:val=\"heading " + level + "\"/>").contains("<w:keepNext/>")
                    .contains("<w:outlineLvl w:val=\"" + (level - 1) + "\"/>");
        }
        assertThat(DocxFiles.xml(BOARD, "word/settings.xml")).contains("<w:embedTrueTypeFonts/>").contains("w:updateFields");
    }

    @Test
    void dejavu_sans_regular_and_bold_are_embedded_obfuscated_and_come_back_with_their_keys() throws IOException {
        Map<String, byte[]> parts = DocxFiles.parts(BOARD);
        String table = DocxFiles.xml(BOARD, "word/fontTable.xml");
        String rels = DocxFiles.xml(BOARD, "word/_rels/fontTable.xml.rels");
        assertThat(DocxFiles.xml(BOARD, "[Content_Types].xml")).contains("application/vnd.openxmlformats-officedocument.obfuscatedFont");
        assertThat(table).contains("w:name=\"DejaVu Sans\"");
        for (String[] face : new String[][] {{"embedRegular", "report/fonts/DejaVuSans.ttf"}, {"embedBold", "report/fonts/DejaVuSans-Bold.ttf"}}) {
            Matcher embed = Pattern.compile("<w:" + face[0] + " r:id=\"(\\w+)\" w:fontKey=\"(\\{[0-9A-F-]{36}\\})\"/>").matcher(table);
            assertThat(embed.find()).as(face[0]).isTrue();
            Matcher target = Pattern.compile("Id=\"" + embed.group(1) + "\"[^>]*Target=\"([^\"]+)\"|Target=\"([^\"]+)\"[^>]*Id=\"" + embed.group(1) + "\"").matcher(rels);
            assertThat(target.find()).isTrue();
            String path = "word/" + (target.group(1) != null ? target.group(1) : target.group(2)).replaceFirst("^/word/", "");
            byte[] embedded = parts.get(path);
            byte[] original = resource(face[1]);
            assertThat(embedded).as(path).isNotNull().hasSameSizeAs(original).isNotEqualTo(original);
            assertThat(unobfuscate(embedded, embed.group(2))).isEqualTo(original);
        }
    }

    /** Undoes the obfuscation independently of the renderer's code, as a reader does (ECMA-376 part 1, 17.8.1). */
    private static byte[] unobfuscate(byte[] font, String fontKey) {
        String hex = fontKey.replace("{", "").replace("}", "").replace("-", "");
        byte[] result = font.clone();
        for (int i = 0; i < 16; i++) {
            int keyByte = Integer.parseInt(hex.substring(30 - 2 * i, 32 - 2 * i), 16);
            result[i] ^= (byte) keyByte;
            result[i + 16] ^= (byte) keyByte;
        }
        return result;
    }

    @Test
    void every_character_in_the_documents_has_a_glyph_in_the_embedded_font() throws Exception {
        Font regular = font("report/fonts/DejaVuSans.ttf");
        Font bold = font("report/fonts/DejaVuSans-Bold.ttf");
        for (byte[] docx : List.of(UPPSIKT, BOARD, MemoDocx.render(SampleReports.board()))) {
            TreeSet<String> missing = new TreeSet<>();
            DocxFiles.parts(docx).forEach((name, bytes) -> {
                if (name.startsWith("word/") && name.endsWith(".xml")) {
                    Matcher text = Pattern.compile("<w:t(?: [^>]*)?>([^<]*)</w:t>").matcher(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                    while (text.find()) {
                        text.group(1).codePoints().filter(c -> !regular.canDisplay(c) || !bold.canDisplay(c))
                                .forEach(c -> missing.add(new String(Character.toChars(c))));
                    }
                }
            });
            assertThat(missing).isEmpty();
        }
    }

    @Test
    void python_docx_opens_both_documents_and_reads_their_headings_tables_and_footer() {
        assertThat(DocxFiles.pythonDocx(UPPSIKT)).contains(
                "TITLE|Uppsiktsrapport till kommunstyrelsen – Staben, tertial 1 2024",
                "Heading 1|1 Redovisning av arbete för de politiska målen",
                "Heading 2|1.1 Sjukfrånvaron ska minska",
                "Heading 1|2 Kommunstyrelsens mål",
                "TABLE|Verksamhetens aktiviteter|Startdatum|Slutdatum|rows=3",
                "TABLE|Verksamhetens aktiviteter|Startdatum|Slutdatum|rows=4",
                "FOOTER|Uppsiktsrapport till kommunstyrelsen – Staben, tertial 1 2024\tSida 1 av 1");
        assertThat(DocxFiles.pythonDocx(BOARD)).contains(
                "Heading 2|2.1 Fortsätta ett målmedvetet arbete med att höja kvalitén i grundskolan",
                "Heading 3|2.1.1 Andelen elever i åk 9 som är behöriga till gymnasiet når rikssnittet",
                "Heading 2|2.2 Sjukfrånvaron ska minska",
                "TABLE|Mått|Utgångsvärde|Målvärde|Utfall|rows=2",
                "TABLE|Verksamhetens aktiviteter|Status|Slutdatum|Kommentar|rows=3",
                "TABLE|Bedömning|Antal mål|rows=4")
                .doesNotContain("Heading 3|2.2.1 Sjukfrånvaron ska minska");
    }

    static XWPFDocument open(byte[] docx) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    static List<String> texts(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }

    static List<String> styled(XWPFDocument doc, String style) {
        return doc.getParagraphs().stream().filter(p -> style.equals(p.getStyle())).map(XWPFParagraph::getText).toList();
    }

    /** The table of contents as it reads before Word updates it, level 2 indented. */
    static List<String> contents(XWPFDocument doc) {
        return doc.getParagraphs().stream().filter(p -> p.getStyle() != null && p.getStyle().matches("TOC[12]"))
                .map(p -> (p.getStyle().equals("TOC2") ? "  " : "") + p.getText()).toList();
    }

    static List<String> headings(XWPFDocument doc) {
        return doc.getBodyElements().stream().filter(XWPFParagraph.class::isInstance).map(XWPFParagraph.class::cast)
                .filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading"))
                .map(p -> p.getStyle() + "|" + p.getText()).toList();
    }

    static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("No paragraph '" + text + "' in " + texts(doc)));
    }

    static boolean bold(XWPFParagraph paragraph) {
        return !paragraph.getRuns().isEmpty() && paragraph.getRuns().get(0).isBold();
    }

    static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream()
                .map(cell -> String.join("\n", cell.getParagraphs().stream().map(XWPFParagraph::getText).toList()))
                .toList();
    }

    static List<Integer> grid(XWPFTable table) {
        return table.getCTTbl().getTblGrid().getGridColList().stream().map(CTTblGridCol::getW)
                .map(w -> ((BigInteger) w).intValue()).toList();
    }

    private static double twips(Font font, FontRenderContext context, String text) {
        return font.getStringBounds(text, context).getWidth() * 20;
    }

    private static Font font(String resource) throws Exception {
        return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(resource(resource)));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DocxReportTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void writing_a_document_leaves_the_threads_context_class_loader_as_it_was() {
        // DocxPackage swaps it while POI writes the package (see there); the caller's must come back
        ClassLoader callers = new java.net.URLClassLoader(new java.net.URL[0], getClass().getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(callers);
        try {
            byte[] docx = DocxReport.render(SampleReports.uppsikt());
            assertThat(thread.getContextClassLoader()).isSameAs(callers);
            assertThat(DocxFiles.schemaErrors(docx)).isEmpty();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void a_run_breaks_at_every_kind_of_line_break_drops_control_characters_and_keeps_edge_spaces() throws XmlException {
        List<CTR> runs = DocxXmlTest.written(paragraph -> {
            DocxDocument.run(paragraph, "a\r\nb\u2028c\u0007d\n", true, false);
            DocxDocument.run(paragraph, " • Enhet", false, false);
            DocxDocument.run(paragraph, "Enhet", false, true);
        }).getRList();
        CTR lines = runs.get(0);
        assertThat(lines.getTList()).extracting(CTText::getStringValue).containsExactly("a", "b", "cd", "");
        assertThat(lines.sizeOfBrArray()).isEqualTo(3);
        assertThat(lines.getRPr().getBArray(0).getVal()).hasToString("on");
        CTR spaced = runs.get(1);
        assertThat(spaced.getTArray(0).isSetSpace()).isTrue();
        assertThat(spaced.isSetRPr()).isFalse();
        CTR plain = runs.get(2);
        assertThat(plain.getTArray(0).isSetSpace()).isFalse();
        assertThat(plain.getRPr().getIArray(0).getVal()).hasToString("on");
    }
}
