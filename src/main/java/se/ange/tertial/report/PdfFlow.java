package se.ange.tertial.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;

/**
 * Blocks written down the pages one after the other, with report.css's rules for where a page breaks: vertical
 * margins collapse (the larger of two adjacent ones) and vanish at the top of a page the flow broke onto; a block
 * that keeps with the next (a heading) moves to the next page unless it fits together with the start of what follows,
 * and a heading (or a table) needs a least room below its top, else it starts the next page.
 */
final class PdfFlow {

    /** Something laid out in the flow; its structure elements are made when it is built, in reading order. */
    interface Block {

        float marginTop();

        float marginBottom();

        /** The height of the block's start that must not be separated (a line; a caption, header and first row). */
        float firstPiece();

        /** report.css's {@code -fs-page-break-min-height}: the room the block needs below its top, or 0. */
        default float minRoom() {
            return 0;
        }

        default boolean keepsWithNext() {
            return false;
        }

        /** Draws from the cursor on, breaking onto new pages by {@link PdfFlow#breakPage()} where needed. */
        void draw(PdfFlow flow);
    }

    /** Where a heading was drawn: the outline's and the table of contents' target. */
    record Position(PDPage page, int pageNumber, float top) {
    }

    final PdfPages pages;
    private final List<Block> blocks = new ArrayList<>();
    private float pendingMargin;
    private boolean forced = true;

    PdfFlow(PdfPages pages) {
        this.pages = pages;
    }

    void add(Block block) {
        blocks.add(block);
    }

    /** report.css's {@code page-break-after: always} (cover, contents) and a chapter's {@code page-break-before}. */
    void add(PageBreak pageBreak) {
        blocks.add(pageBreak);
    }

    /** A forced page break. */
    static final class PageBreak implements Block {

        @Override
        public float marginTop() {
            return 0;
        }

        @Override
        public float marginBottom() {
            return 0;
        }

        @Override
        public float firstPiece() {
            return 0;
        }

        @Override
        public void draw(PdfFlow flow) {
            flow.pages.newPage();
            flow.forced = true;
            flow.pendingMargin = 0;
        }
    }

    /** Draws every block added since the last call. */
    void draw() {
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block instanceof PageBreak) {
                block.draw(this);
                continue;
            }
            float gap = pages.atTop() ? (forced ? block.marginTop() : 0) : Math.max(pendingMargin, block.marginTop());
            float need = gap + block.firstPiece();
            for (int next = i; blocks.get(next).keepsWithNext() && next + 1 < blocks.size()
                    && !(blocks.get(next + 1) instanceof PageBreak); next++) {
                Block following = blocks.get(next + 1);
                need += Math.max(blocks.get(next).marginBottom(), following.marginTop()) + following.firstPiece();
            }
            need = Math.max(need, gap + block.minRoom());
            if (!pages.atTop() && need > pages.remaining()) {
                breakPage();
                gap = 0;
            }
            pages.y += gap;
            forced = false;
            block.draw(this);
            pendingMargin = block.marginBottom();
        }
        blocks.clear();
    }

    /** A page break the flow decides (not forced): margins at the new page's top vanish. */
    void breakPage() {
        pages.newPage();
        forced = false;
        pendingMargin = 0;
    }

    /** Starts a page of its own if {@code height} does not fit on this one (and could on a fresh one). */
    void room(float height) {
        if (height > pages.remaining() && !pages.atTop()) {
            breakPage();
        }
    }

    /**
     * Text lines as one paragraph-like block: a paragraph, heading, list item's body or caption; optionally with a
     * left rule (a blockquote's border).
     */
    static class Text implements Block {

        final PDStructureElement element;
        final List<PdfText.Line> lines;
        final float x;
        final float marginTop;
        final float marginBottom;
        /** A blockquote's left border: its x, or NaN. */
        float ruleX = Float.NaN;
        boolean keep;
        /** Never split over two pages, as a heading (which also {@link #keep}s with the next block). */
        boolean whole;
        float minRoom;
        /** Where the first line was drawn. */
        Position position;

        Text(PDStructureElement element, List<PdfText.Line> lines, float x, float marginTop, float marginBottom) {
            this.element = element;
            this.lines = lines;
            this.x = x;
            this.marginTop = marginTop;
            this.marginBottom = marginBottom;
        }

        @Override
        public float marginTop() {
            return marginTop;
        }

        @Override
        public float marginBottom() {
            return marginBottom;
        }

        @Override
        public float firstPiece() {
            return lines.get(0).height();
        }

        @Override
        public float minRoom() {
            return minRoom;
        }

        @Override
        public boolean keepsWithNext() {
            return keep;
        }

        float height() {
            float height = 0;
            for (PdfText.Line line : lines) {
                height += line.height();
            }
            return height;
        }

        @Override
        public void draw(PdfFlow flow) {
            PdfPages pages = flow.pages;
            if ((keep || whole) && height() <= PdfPages.BOTTOM - PdfPages.TOP) {
                flow.room(height()); // a heading or an entry of the contents is never split
            }
            position = new Position(pages.page, pages.pages.size(), pages.y);
            float segmentTop = pages.y;
            pages.begin(element);
            for (PdfText.Line line : lines) {
                if (pages.y + line.height() > PdfPages.BOTTOM && !pages.atTop()) {
                    pages.end();
                    rule(pages, segmentTop);
                    flow.breakPage();
                    segmentTop = pages.y;
                    pages.begin(element);
                }
                pages.line(line, x, pages.y);
                pages.y += line.height();
            }
            pages.end();
            rule(pages, segmentTop);
        }

        private void rule(PdfPages pages, float segmentTop) {
            if (!Float.isNaN(ruleX)) {
                pages.beginArtifact("Layout");
                pages.fill(ruleX, segmentTop, PdfPages.MM, pages.y - segmentTop, 0xb8c4d0);
                pages.end();
            }
        }
    }
}
