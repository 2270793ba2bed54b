package org.workersarchive.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTest {

    private static final String SHA = "a".repeat(64);

    @Test
    void documentIdIsReadableAndStable() {
        assertEquals("ouvrier-communiste-1930-03-aaaaaaaaaaaa", Ids.documentId("Ouvrier Communiste 1930-03.pdf", SHA));
        assertEquals("put-rabochikh-k-vlasti-aaaaaaaaaaaa", Ids.documentId("Путь рабочих к власти.tif", SHA));
        assertEquals("doc-1930-aaaaaaaaaaaa", Ids.documentId("1930.png", SHA));
    }

    @Test
    void hostileFileNamesStillMakeIdsThatAreFolderNames() {
        for (String name : List.of("../../etc/passwd", "..", ".pdf", "--rf .pdf", "'; rm -rf ~ '.tif",
                "\"quoted\".png", "Манифест/../x.png", "line\nbreak.pdf", "")) {
            String id = Ids.documentId(name, SHA);
            assertEquals(id, Ids.requireValid(id), name);
            assertTrue(FileNames.isPlain(id) && !id.contains(".."), id);
        }
        assertEquals("doc--aaaaaaaaaaaa", Ids.documentId("../../etc/passwd", SHA));
        assertEquals("rm-rf-aaaaaaaaaaaa", Ids.documentId("'; rm -rf ~ '.tif", SHA));
        assertThrows(IllegalArgumentException.class, () -> Ids.documentId("x.pdf", "../../" + "a".repeat(58)));
        assertThrows(IllegalArgumentException.class, () -> Ids.checksumPrefix("A".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> Ids.requireValid(".."));
        assertThrows(IllegalArgumentException.class, () -> Ids.requireValid("a/../b"));
    }

    @Test
    void boxesFromPointsAndUnion() {
        BoundingBox a = BoundingBox.fromTwoPoints(10, 20, 30, 40);
        assertEquals(new BoundingBox(10, 20, 20, 20), a);
        assertEquals(new BoundingBox(5, 20, 25, 30), a.union(new BoundingBox(5, 45, 1, 5)));
        assertThrows(IllegalArgumentException.class, () -> new BoundingBox(-1, 0, 1, 1));
    }

    @Test
    void invariantsFindBoxesOutsideThePageAndBrokenAnnotations() {
        Word inside = new Word("p1_w1", "Myasnikov", new BoundingBox(0, 0, 50, 10), 91);
        Word outside = new Word("p1_w2", "Perm", new BoundingBox(90, 0, 50, 10), 88);
        Line line = new Line("p1_l1", new BoundingBox(0, 0, 140, 10), List.of(inside, outside));
        Block block = new Block("p1_b1", line.box(), List.of(line));
        Page page = Page.unread(1, new PageImage(Path.of("p1.png"), 100, 100, 300))
                .withText(TextOrigin.OCR, Language.listOf("fra"), List.of(block));
        Annotation missing = new Annotation("e1", EntityType.PERSON, List.of("p1_w9"), "myasnikov", null, 1, "test");
        Document document = Document.ofPages("doc", source(1), List.of(page), step()).withAnnotations(List.of(missing));

        List<String> problems = DocumentInvariants.violations(document);

        assertEquals(List.of(
                "p1_b1 box BoundingBox[x=0, y=0, width=140, height=10] outside its 100x100 page",
                "p1_l1 box BoundingBox[x=0, y=0, width=140, height=10] outside its 100x100 page",
                "p1_w2 box BoundingBox[x=90, y=0, width=50, height=10] outside its 100x100 page",
                "e1 points at missing word p1_w9"), problems);
    }

    @Test
    void textSeparatesPagesWithFormFeed() {
        PageImage image = new PageImage(Path.of("p.png"), 100, 100, 300);
        Word a = new Word("p1_w1", "un", new BoundingBox(0, 0, 10, 10), 90);
        Word b = new Word("p2_w1", "deux", new BoundingBox(0, 0, 10, 10), 90);
        Page one = Page.unread(1, image).withText(TextOrigin.OCR, Language.listOf("fra"),
                List.of(new Block("p1_b1", a.box(), List.of(new Line("p1_l1", a.box(), List.of(a))))));
        Page two = Page.unread(2, image).withText(TextOrigin.OCR, Language.listOf("fra"),
                List.of(new Block("p2_b1", b.box(), List.of(new Line("p2_l1", b.box(), List.of(b))))));
        Document document = Document.ofPages("doc", source(2), List.of(one, two), step());
        assertEquals("un\n\fdeux", document.text());
        assertEquals(90.0, document.meanConfidence().orElseThrow());
    }

    private static SourceFile source(int pages) {
        return new SourceFile(Path.of("in.png"), "in.png", SHA, "image/png", 10, pages, Map.of());
    }

    private static ProcessingStep step() {
        return new ProcessingStep("ingest", "test", "1", Map.of(), Duration.ZERO);
    }
}
