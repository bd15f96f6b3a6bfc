package se.ange.tertial.report;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;

/**
 * The PDF's structure tree (tagged PDF, as PDF/UA wants it): elements in reading order under one Document, each
 * drawn text's marked-content id (MCID, numbered per page) pointing back at its element through the parent tree,
 * and link annotations as object references of their Link element.
 */
final class PdfTags {

    private final PDStructureTreeRoot root = new PDStructureTreeRoot();
    final PDStructureElement document;
    /** Per page, the element of each MCID (index = MCID). */
    private final Map<PDPage, List<PDStructureElement>> marked = new IdentityHashMap<>();
    private final Map<PDAnnotation, PDStructureElement> annotations = new IdentityHashMap<>();
    /** The page an element's plain MCIDs belong to (its /Pg); MCIDs on other pages are referenced with theirs. */
    private final Map<PDStructureElement, PDPage> firstPages = new IdentityHashMap<>();

    PdfTags(PDDocument pdf) {
        pdf.getDocumentCatalog().setStructureTreeRoot(root);
        PDMarkInfo markInfo = new PDMarkInfo();
        markInfo.setMarked(true);
        pdf.getDocumentCatalog().setMarkInfo(markInfo);
        document = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
        root.appendKid(document);
    }

    /** A new element of {@code type} (a {@link StandardStructureTypes} name) as the last child of {@code parent}. */
    PDStructureElement add(String type, PDStructureNode parent) {
        PDStructureElement element = new PDStructureElement(type, parent);
        parent.appendKid(element);
        return element;
    }

    /** The next MCID on {@code page}, now content of {@code element}. */
    int mark(PDStructureElement element, PDPage page) {
        List<PDStructureElement> ids = marked.computeIfAbsent(page, p -> new ArrayList<>());
        int mcid = ids.size();
        ids.add(element);
        PDPage first = firstPages.putIfAbsent(element, page);
        if (first == null) {
            element.setPage(page);
            element.appendKid(mcid);
        } else if (first == page) {
            element.appendKid(mcid);
        } else {
            PDMarkedContentReference reference = new PDMarkedContentReference();
            reference.setPage(page);
            reference.setMCID(mcid);
            element.appendKid(reference);
        }
        return mcid;
    }

    /** {@code annotation} on {@code page} is part of {@code link} (PDF/UA: every annotation sits in the tree). */
    void annotate(PDStructureElement link, PDAnnotation annotation, PDPage page) {
        PDObjectReference reference = new PDObjectReference();
        reference.setReferencedObject(annotation);
        reference.setPage(page);
        link.appendKid(reference);
        annotations.put(annotation, link);
    }

    /** The parent tree: each page's MCIDs, then each annotation, under the keys the pages and annotations name. */
    void finish(List<PDPage> pages) {
        Map<Integer, COSObjectable> parents = new LinkedHashMap<>();
        int key = 0;
        for (PDPage page : pages) {
            List<PDStructureElement> ids = marked.get(page);
            if (ids == null) {
                continue;
            }
            COSArray array = new COSArray();
            ids.forEach(element -> array.add(element.getCOSObject()));
            page.setStructParents(key);
            parents.put(key++, array);
        }
        for (Map.Entry<PDAnnotation, PDStructureElement> entry : annotations.entrySet()) {
            entry.getKey().setStructParent(key);
            parents.put(key++, entry.getValue());
        }
        PDNumberTreeNode tree = new PDNumberTreeNode(PDParentTreeValue.class);
        tree.setNumbers(parents);
        root.setParentTree(tree);
        root.setParentTreeNextKey(key);
    }
}
