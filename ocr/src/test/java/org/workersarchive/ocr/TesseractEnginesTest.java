package org.workersarchive.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.DocumentInvariants;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceFile;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

/** The real Tesseract on page images drawn here. */
class TesseractEnginesTest {

    private static final List<String> FRENCH = List.of(
            "Le camarade Miasnikov fut exclu du parti",
            "en février 1922, et le Groupe ouvrier",
            "publia son manifeste à Moscou.");
    private static final List<String> RUSSIAN = List.of("Рабочая группа РКП и товарищ Мясников");

    @TempDir
    static Path dir;
    private static TesseractEngines engines;

    @BeforeAll
    static void startEngines() {
        engines = new TesseractEngines(OcrConfig.defaults());
    }

    @AfterAll
    static void stopEngines() {
        engines.close();
    }

    @Test
    void readsAFrenchParagraphWithLinesWordsAndBoxes() throws IOException {
        Page page = engines.recognize(drawnPage(1, FRENCH, "french.png"));

        assertEquals(TextOrigin.OCR, page.textOrigin());
        assertEquals("fra", page.languages().get(0), "the French model read most words");
        assertEquals(FRENCH, lines(page));
        Word first = page.words().findFirst().orElseThrow();
        assertEquals("Le", first.text());
        assertTrue(near(first.box(), new BoundingBox(100, 100, 50, 40)), first.box().toString());
        assertTrue(page.words().allMatch(w -> w.confidence() > 50), page.words().toList().toString());
        DocumentInvariants.requireSound(documentOf(page));
    }

    @Test
    void readsCyrillic() throws IOException {
        Page page = engines.recognize(drawnPage(1, RUSSIAN, "russian.png"));
        assertEquals(RUSSIAN.get(0), page.text());
        assertEquals(List.of("rus"), page.languages());
    }

    @Test
    void twoThreadsReadTwoPagesAtOnceEachWithItsOwnEngine() throws Exception {
        Page french = drawnPage(1, FRENCH, "french-2.png");
        Page russian = drawnPage(2, RUSSIAN, "russian-2.png");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Page> one = pool.submit(() -> engines.recognize(french));
            Future<Page> two = pool.submit(() -> engines.recognize(russian));
            assertEquals(FRENCH, lines(one.get()));
            assertEquals(RUSSIAN.get(0), two.get().text());
            assertTrue(two.get().words().allMatch(w -> w.id().startsWith("p2_")));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aPageWithATextLayerIsNotReadAgain() throws IOException {
        Page page = drawnPage(1, FRENCH, "layer.png");
        Word word = new Word("p1_w1", "camarade", new BoundingBox(10, 10, 80, 20), 100);
        Page withLayer = page.withText(TextOrigin.TEXT_LAYER, List.of(),
                List.of(new Block("p1_b1", word.box(), List.of(new Line("p1_l1", word.box(), List.of(word))))));
        assertSame(withLayer, engines.recognize(withLayer));
    }

    @Test
    void aMissingModelIsNamedWithItsPackage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> OcrConfig.defaults().withLanguages(List.of("fra", "ukr")));
        assertTrue(error.getMessage().contains("ukr.traineddata is missing (Debian package tesseract-ocr-ukr)"),
                error.getMessage());
    }

    /** Black serif text, 40 px high, on a white 1700x500 page at 300 dpi: a clean scan. */
    static Page drawnPage(int number, List<String> lines, String name) throws IOException {
        BufferedImage image = new BufferedImage(1700, 500, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("DejaVu Serif", Font.PLAIN, 40));
        int baseline = 100 + g.getFontMetrics().getAscent();
        for (String line : lines) {
            g.drawString(line, 100, baseline);
            baseline += 80;
        }
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return Page.unread(number, new PageImage(file, image.getWidth(), image.getHeight(), 300));
    }

    private static List<String> lines(Page page) {
        return page.lines().map(Line::text).toList();
    }

    private static boolean near(BoundingBox actual, BoundingBox expected) {
        return Math.abs(actual.x() - expected.x()) < 15 && Math.abs(actual.y() - expected.y()) < 25;
    }

    private static Document documentOf(Page page) {
        SourceFile source = new SourceFile(page.image().path(), "french.png", "0".repeat(64), "image/png", 1, Map.of());
        return Document.ofPages("doc", source, List.of(page), new ProcessingStep("ingest", "test", "1", Map.of(),
                Duration.ZERO));
    }
}
