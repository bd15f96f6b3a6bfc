package se.ange.tertial.report;

/**
 * The styles and the bullet list of every Word document Tertial writes, as the XML Word itself stores them
 * (styles.xml, numbering.xml): Swedish (sv-SE), DejaVu Sans throughout, Word's built-in style names so Word
 * recognises the headings (navigation pane, table of contents) and the table of contents levels.
 */
final class DocxStyles {

    private static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    static final String STYLES = """
            <w:styles %1$s>
              <w:docDefaults>
                <w:rPrDefault><w:rPr>
                  <w:rFonts w:ascii="%2$s" w:hAnsi="%2$s" w:eastAsia="%2$s" w:cs="%2$s"/>
                  <w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="sv-SE" w:eastAsia="sv-SE" w:bidi="ar-SA"/>
                </w:rPr></w:rPrDefault>
                <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>
              </w:docDefaults>
              <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
              <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
                <w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>
              </w:style>
              <w:style w:type="table" w:default="1" w:styleId="TableNormal">
                <w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
                <w:tblPr><w:tblInd w:w="0" w:type="dxa"/>
                  <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>
                  <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>
              </w:style>
              <w:style w:type="table" w:styleId="Tabell">
                <w:name w:val="Tabell"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>
                <w:tblPr>
                  <w:tblBorders>
                    <w:top w:val="single" w:sz="4" w:space="0" w:color="8C96A0"/>
                    <w:left w:val="single" w:sz="4" w:space="0" w:color="8C96A0"/>
                    <w:bottom w:val="single" w:sz="4" w:space="0" w:color="8C96A0"/>
                    <w:right w:val="single" w:sz="4" w:space="0" w:color="8C96A0"/>
                    <w:insideH w:val="single" w:sz="4" w:space="0" w:color="8C96A0"/>
                    <w:insideV w:val="single" w:sz="4" w:space="0" w:color="8C96A0"/>
                  </w:tblBorders>
                  <w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>
                  <w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>
                </w:tblPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Title">
                <w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>
                <w:pPr><w:spacing w:before="2400" w:after="240"/></w:pPr>
                <w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="52"/><w:szCs w:val="52"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="DocumentTitle">
                <w:name w:val="Document Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:spacing w:before="480" w:after="240"/></w:pPr>
                <w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Subtitle">
                <w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="11"/><w:qFormat/>
                <w:pPr><w:spacing w:after="240"/></w:pPr>
                <w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>
              </w:style>
              %3$s
              %4$s
              %5$s
              <w:style w:type="paragraph" w:styleId="TOCHeading">
                <w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:spacing w:after="240"/></w:pPr>
                <w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="TOC1">
                <w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>
                <w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="%6$d"/></w:tabs><w:spacing w:before="120" w:after="60"/></w:pPr>
                <w:rPr><w:b/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="TOC2">
                <w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>
                <w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="%6$d"/></w:tabs><w:spacing w:after="60"/><w:ind w:left="284"/></w:pPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Quote">
                <w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="29"/><w:qFormat/>
                <w:pPr><w:spacing w:before="120" w:after="120"/><w:ind w:left="567" w:right="567"/></w:pPr>
                <w:rPr><w:i/><w:iCs/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Small">
                <w:name w:val="Small"/><w:basedOn w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="60"/></w:pPr>
                <w:rPr><w:i/><w:iCs/><w:color w:val="404040"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="TableText">
                <w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:before="20" w:after="60" w:line="240" w:lineRule="auto"/></w:pPr>
                <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Lead">
                <w:name w:val="Lead"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/></w:pPr>
                <w:rPr><w:b/><w:bCs/></w:rPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Legend">
                <w:name w:val="Legend"/><w:basedOn w:val="Normal"/><w:qFormat/>
                <w:pPr><w:spacing w:after="40"/><w:ind w:left="284"/></w:pPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="ListBullet">
                <w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>
                <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/></w:pPr>
              </w:style>
              <w:style w:type="paragraph" w:styleId="Footer">
                <w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
                <w:pPr><w:tabs><w:tab w:val="right" w:pos="%6$d"/></w:tabs><w:spacing w:after="0"/></w:pPr>
                <w:rPr><w:color w:val="404040"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>
              </w:style>
            </w:styles>""".formatted(W, DocxDocument.FONT, heading(1, 32, 360), heading(2, 26, 280), heading(3, 22, 200),
            DocxDocument.TEXT_WIDTH);

    /** One bullet list, numId 1, used through the List Bullet style. */
    static final String NUMBERING = """
            <w:numbering %1$s>
              <w:abstractNum w:abstractNumId="0">
                <w:multiLevelType w:val="singleLevel"/>
                <w:lvl w:ilvl="0">
                  <w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>
                  <w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr>
                  <w:rPr><w:rFonts w:ascii="%2$s" w:hAnsi="%2$s"/></w:rPr>
                </w:lvl>
              </w:abstractNum>
              <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            </w:numbering>""".formatted(W, DocxDocument.FONT);

    private DocxStyles() {
    }

    /** Word's "heading N": bold, kept with the next paragraph, at outline level N-1 for the contents. */
    private static String heading(int level, int halfPoints, int before) {
        return """
                <w:style w:type="paragraph" w:styleId="Heading%1$d">
                  <w:name w:val="heading %1$d"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
                  <w:uiPriority w:val="9"/><w:qFormat/>
                  <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="%3$d" w:after="120"/><w:outlineLvl w:val="%4$d"/></w:pPr>
                  <w:rPr><w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="%2$d"/><w:szCs w:val="%2$d"/></w:rPr>
                </w:style>""".formatted(level, halfPoints, before, level - 1);
    }
}
