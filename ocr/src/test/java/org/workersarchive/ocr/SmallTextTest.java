package org.workersarchive.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Document;
import org.workersarchive.core.DocumentInvariants;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceFile;

/** A page whose letters are few pixels tall, as a low-resolution scan gives them, read by the real Tesseract. */
class SmallTextTest {

    static final List<String> SMALL_PRINT = List.of(
            "Le camarade Miasnikov fut exclu du parti en février 1922, et le Groupe ouvrier",
            "publia son manifeste à Moscou. Les ouvriers de Perm et de l'Oural lisaient ses thèses",
            "malgré la censure et la police du parti. Nous apprenons que le camarade est arrivé",
            "à Paris après un long voyage, et que les communistes de gauche ont organisé une",
            "réunion pour entendre son rapport sur la situation des ouvriers en Russie soviétique.");

    @TempDir
    static Path dir;
    private final TesseractEngines engines = SharedEngines.get();

    @Test
    void smallTextIsReadScaledUpAndItsBoxesStayTheKeptImages() throws IOException {
        BufferedImage small = DrawnPages.drawn(SMALL_PRINT, DrawnPages.SERIF, 12);
        Page page = engines.recognize(DrawnPages.unread(1, small, dir.resolve("small.png")));

        assertTrue(page.preparation().scale() >= 2, "x-height 7 px read at about 20: " + page.preparation());
        assertEquals(small.getWidth(), page.image().width(), "the kept image is not scaled");
        assertTrue(page.text().contains("Paris"), page.text());
        Document document = Document.ofPages("small", new SourceFile(dir.resolve("small.png"), "small.png",
                "0".repeat(64), "image/png", 1, 1, Map.of()), List.of(page),
                new ProcessingStep("ocr", "test", "1", Map.of(), Duration.ZERO));
        assertEquals(List.of(), DocumentInvariants.violations(document), "every box inside the kept image");
    }

    @Test
    void textOfAGoodSizeIsReadAsItIs() throws IOException {
        Page page = engines.recognize(DrawnPages.unread(2, DrawnPages.drawn(DrawnPages.FRENCH),
                dir.resolve("normal.png")));

        assertEquals(1, page.preparation().scale());
    }
}
