package se.ange.tertial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Consumer;
import javax.xml.namespace.QName;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlOptions;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.DocumentDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHighlightColor;

/** Paragraphs written as text come out as POI's XML beans write the same paragraphs. */
class DocxXmlTest {

    private static final String MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    /** Text XML must escape, what it cannot carry (U+FFFE, U+FFFF), edge spaces, and a character beyond the BMP. */
    private static final String AWKWARD = " a & b < c ]]> d > e \"f\" 'g' \r \uFFFE \uFFFF 😀 \t";

    @Test
    void paragraphs_runs_breaks_and_fields_are_the_xml_beans_markup_character_for_character() {
        StringBuilder text = new StringBuilder();
        DocxXml paragraphs = new DocxXml(text);
        paragraphs.paragraph("Lead", true).run(new String[] {AWKWARD, "", "x"}, true, true, true);
        paragraphs.instruction(" TOC \\o \"1-2\" ");
        paragraphs.fieldChar("begin");
        paragraphs.fieldChar("end");
        paragraphs.paragraph(null, false).pageBreak();
        paragraphs.paragraph(null, false);
        paragraphs.close();

        CTP lead = CTP.Factory.newInstance();
        lead.addNewPPr().addNewPStyle().setVal("Lead");
        lead.getPPr().addNewKeepNext().setVal(STOnOff1.ON);
        CTR run = lead.addNewR();
        run.addNewRPr().addNewB().setVal(STOnOff1.ON);
        run.getRPr().addNewI().setVal(STOnOff1.ON);
        run.getRPr().addNewHighlight().setVal(STHighlightColor.YELLOW);
        CTText awkward = run.addNewT();
        awkward.setStringValue(AWKWARD);
        awkward.setSpace(SpaceAttribute.Space.PRESERVE);
        run.addNewBr();
        run.addNewT().setStringValue("");
        run.addNewBr();
        run.addNewT().setStringValue("x");
        CTText instruction = lead.addNewR().addNewInstrText();
        instruction.setStringValue(" TOC \\o \"1-2\" ");
        instruction.setSpace(SpaceAttribute.Space.PRESERVE);
        lead.addNewR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        lead.getRArray(2).getFldCharArray(0).setDirty(true);
        lead.addNewR().addNewFldChar().setFldCharType(STFldCharType.END);
        CTP pageBreak = CTP.Factory.newInstance();
        pageBreak.addNewR().addNewBr().setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STBrType.PAGE);

        assertThat(text.toString()).isEqualTo(beans(lead) + beans(pageBreak) + beans(CTP.Factory.newInstance()));
    }

    @Test
    void text_comes_back_as_written_but_for_what_xml_cannot_carry() throws XmlException {
        CTP read = written(paragraph -> paragraph.run(new String[] {AWKWARD}, false, false, false));
        assertThat(read.getRArray(0).getTArray(0).getStringValue()).isEqualTo(AWKWARD.replace('\uFFFE', '?')
                .replace('\uFFFF', '?'));
    }

    /** The paragraph as XWPFDocument saves it: the main namespace as "w", declared on the document. */
    private static String beans(CTP paragraph) {
        return paragraph.xmlText(new XmlOptions().setSaveSyntheticDocumentElement(new QName(MAIN, "p"))
                .setSaveSuggestedPrefixes(Map.of(MAIN, "w")).setSaveImplicitNamespaces(Map.of("w", MAIN)));
    }

    /** One paragraph written by {@link DocxXml}, read back as POI's XML beans. */
    static CTP written(Consumer<DocxXml> runs) throws XmlException {
        StringBuilder xml = new StringBuilder("<w:document xmlns:w=\"" + MAIN + "\"><w:body>");
        DocxXml paragraph = new DocxXml(xml).paragraph(null, false);
        runs.accept(paragraph);
        paragraph.close();
        return DocumentDocument.Factory.parse(xml.append("</w:body></w:document>").toString()).getDocument().getBody()
                .getPArray(0);
    }
}
