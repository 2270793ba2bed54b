package org.workersarchive.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.workersarchive.core.DrawnPages.FRENCH;
import static org.workersarchive.core.DrawnPages.GERMAN;
import static org.workersarchive.core.DrawnPages.RUSSIAN;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.DocumentInvariants;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.core.Language;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.Script;
import org.workersarchive.core.SourceFile;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

/** The real Tesseract on page images drawn here. */
class TesseractEnginesTest {

    @TempDir
    static Path dir;
    private final TesseractEngines engines = SharedEngines.get();

    @Test
    void readsAFrenchPageWithItsModelLinesWordsAndBoxes() throws IOException {
        Page page = engines.recognize(DrawnPages.unread(1, DrawnPages.drawn(FRENCH), dir.resolve("french.png")));

        assertEquals(TextOrigin.OCR, page.textOrigin());
        assertEquals(Language.listOf("fra"), page.languages());
        assertEquals(Script.LATIN, page.preparation().script());
        assertEquals(FRENCH, lines(page));
        Word first = page.words().findFirst().orElseThrow();
        assertEquals("Le", first.text());
        assertTrue(near(first.box(), new BoundingBox(100, 100, 50, 40)), first.box().toString());
        assertTrue(page.words().allMatch(w -> w.confidence() > 50), page.words().toList().toString());
        DocumentInvariants.requireSound(documentOf(page));
    }

    @Test
    void aCyrillicPageIsFoundCyrillicAndReadWithTheRussianModelAlone() throws IOException {
        Page page = engines.recognize(DrawnPages.unread(1, DrawnPages.drawn(RUSSIAN), dir.resolve("russian.png")));

        assertEquals(Script.CYRILLIC, page.preparation().script());
        assertEquals(Language.listOf("rus"), page.languages());
        assertEquals(RUSSIAN, lines(page));
    }

    @Test
    void aGermanPageAfterAFrenchOneIsReadOnceWithTheGermanModelItsSampleChose() throws IOException {
        try (TesseractEngines fresh = new TesseractEngines(OcrConfig.defaults())) {
            Page french = fresh.recognize(DrawnPages.unread(1, DrawnPages.drawn(FRENCH), dir.resolve("first.png")));
            assertEquals(Language.listOf("fra"), french.languages());

            Page german = fresh.recognize(DrawnPages.unread(2, DrawnPages.drawn(GERMAN), dir.resolve("second.png")));

            assertEquals(Language.listOf("deu"), german.languages());
            assertEquals(0, fresh.secondReadings(), "a band of the page read with fra showed German before the page was read");
            assertEquals(GERMAN, lines(german));
        }
    }

    @Test
    void aGermanPageOfADocumentReadInFrenchSoFarIsReadAgainWithTheGermanModel() throws IOException {
        try (TesseractEngines fresh = new TesseractEngines(OcrConfig.defaults())) {
            ReadingHint frenchSoFar = new ReadingHint(0, Script.LATIN, Language.ofModel("fra"), Script.LATIN);
            Page german = fresh.recognize(DrawnPages.unread(3, DrawnPages.drawn(GERMAN), dir.resolve("third.png")),
                    List.of(), frenchSoFar);

            assertEquals(Language.listOf("deu"), german.languages());
            assertEquals(1, fresh.secondReadings(), "read with the document's model, fra, then identified as German");
            assertEquals(GERMAN, lines(german));
        }
    }

    @Test
    void forcedModelsAreUsedAsTheyAre() throws IOException {
        Page page = engines.recognize(DrawnPages.unread(1, DrawnPages.drawn(GERMAN), dir.resolve("forced.png")),
                Language.listOf("deu,eng"));
        assertEquals(Language.listOf("deu"), page.languages(), "read with both, identified as German");
        assertEquals(GERMAN, lines(page));
    }

    @Test
    void twoThreadsReadTwoPagesAtOnceEachWithItsOwnEngines() throws Exception {
        Page french = DrawnPages.unread(1, DrawnPages.drawn(FRENCH), dir.resolve("french-2.png"));
        Page russian = DrawnPages.unread(2, DrawnPages.drawn(RUSSIAN), dir.resolve("russian-2.png"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Page> one = pool.submit(() -> engines.recognize(french));
            Future<Page> two = pool.submit(() -> engines.recognize(russian));
            assertEquals(FRENCH, lines(one.get()));
            assertEquals(RUSSIAN, lines(two.get()));
            assertTrue(two.get().words().allMatch(w -> w.id().startsWith("p2_")));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aPageWithATextLayerIsNotReadAgain() throws IOException {
        Page page = DrawnPages.unread(1, DrawnPages.drawn(FRENCH), dir.resolve("layer.png"));
        Word word = new Word("p1_w1", "camarade", new BoundingBox(10, 10, 80, 20), 100);
        Page withLayer = page.withText(TextOrigin.TEXT_LAYER, List.of(),
                List.of(new Block("p1_b1", word.box(), List.of(new Line("p1_l1", word.box(), List.of(word))))));
        assertSame(withLayer, engines.recognize(withLayer));
    }

    @Test
    void aMissingModelIsNamedWithItsPackage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> OcrConfig.defaults().withLanguages(Language.listOf("fra,ukr"), OcrConfig.LanguageChoice.PER_PAGE));
        assertTrue(error.getMessage().contains("ukr.traineddata is missing (Debian package tesseract-ocr-ukr)"),
                error.getMessage());
    }

    @Test
    void aForcedModelOutsideTessdataIsRefusedBeforeTesseractSeesIt() throws IOException {
        // A sidecar's languages reach here: "../x" would make Tesseract load ../x.traineddata. Such a
        // name is no language at all; a model's name that tessdata lacks fails the page.
        Path evil = java.nio.file.Files.writeString(dir.resolve("evil.traineddata"), "not a model");
        Path fromTessdata = OcrConfig.defaults().tessdataDir().relativize(evil.toAbsolutePath());
        String escape = fromTessdata.toString().replaceAll("\\.traineddata$", "");
        for (String model : List.of(escape, "/tmp/evil", "fra+" + escape)) {
            assertThrows(IllegalArgumentException.class, () -> Language.listOf(model).forEach(l -> { }), model);
        }
        Page page = DrawnPages.unread(1, DrawnPages.drawn(FRENCH), dir.resolve("forced.png"));
        RejectedInputException refused = assertThrows(RejectedInputException.class,
                () -> engines.recognize(page, Language.listOf("ukr")));
        assertTrue(refused.reason().startsWith("no Tesseract model for 'ukr'"), refused.reason());
    }

    static List<String> lines(Page page) {
        return page.lines().map(Line::text).toList();
    }

    static BufferedImage imageOf(Page page) throws IOException {
        return ImageIO.read(page.image().path().toFile());
    }

    private static boolean near(BoundingBox actual, BoundingBox expected) {
        return Math.abs(actual.x() - expected.x()) < 15 && Math.abs(actual.y() - expected.y()) < 25;
    }

    private static Document documentOf(Page page) {
        SourceFile source = new SourceFile(page.image().path(), "french.png", "0".repeat(64), "image/png", 1, 1, Map.of());
        return Document.ofPages("doc", source, List.of(page), new ProcessingStep("ingest", "test", "1", Map.of(),
                Duration.ZERO));
    }
}
