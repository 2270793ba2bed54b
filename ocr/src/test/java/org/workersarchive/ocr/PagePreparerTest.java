package org.workersarchive.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.workersarchive.core.DrawnPages.FRENCH;
import static org.workersarchive.core.DrawnPages.RUSSIAN;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.core.Page;

/** Orientation and skew found and undone by the real Tesseract OSD and Leptonica, on drawn pages. */
class PagePreparerTest {

    @TempDir
    static Path dir;
    private final TesseractEngines engines = SharedEngines.get();

    @ParameterizedTest(name = "a page put in turned {0} degrees clockwise")
    @ValueSource(ints = {90, 180, 270})
    void aTurnedPageComesBackUprightAndIsReadInFull(int turnedDegrees) throws IOException {
        BufferedImage upright = DrawnPages.drawn(FRENCH);
        Page turned = DrawnPages.unread(1, DrawnPages.quarterTurned(upright, turnedDegrees),
                dir.resolve("turned-" + turnedDegrees + ".png"));

        Page read = engines.recognize(turned);

        assertEquals((360 - turnedDegrees) % 360, read.preparation().rotationDegrees());
        assertEquals(FRENCH, TesseractEnginesTest.lines(read));
        BufferedImage kept = TesseractEnginesTest.imageOf(read);
        assertEquals(upright.getWidth(), kept.getWidth(), "the kept image is the upright one");
        assertEquals(upright.getHeight(), kept.getHeight());
        assertEquals(kept.getWidth(), read.image().width());
        assertTrue(read.words().allMatch(w -> w.box().fitsWithin(kept.getWidth(), kept.getHeight())));
    }

    @Test
    void aShortTurnedPageThatOrientationDetectionIsUnsureOfIsTriedTheWayItSuggests() throws IOException {
        // Three short lines: OSD suggests the right turn with a confidence of about 5, too low to apply
        // unseen. Tesseract reads them sideways as well, but the kept image must stand upright.
        List<String> leaflet = List.of("Heraus zum ersten Mai!", "Alle Macht den Räten!", "Nieder mit dem Krieg!");
        Page sideways = DrawnPages.unread(1, DrawnPages.quarterTurned(DrawnPages.drawn(leaflet), 90),
                dir.resolve("short-sideways.png"));

        Page read = engines.recognize(sideways);

        assertEquals(270, read.preparation().rotationDegrees());
        assertEquals(leaflet, TesseractEnginesTest.lines(read));
        assertEquals(1700, TesseractEnginesTest.imageOf(read).getWidth(), "the upright image is kept");
    }

    @Test
    void onlyTintedPaperThatIsUnevenlyLitHasItsBackgroundEvenedOut() throws IOException {
        BufferedImage white = DrawnPages.drawn(FRENCH);
        // Old paper: light gray-yellow that darkens towards the right edge, or evenly tinted; the ink stays dark.
        BufferedImage shaded = onPaper(DrawnPages.drawn(FRENCH), (x, width) -> 222 - 30 * x / width);
        BufferedImage tinted = onPaper(DrawnPages.drawn(FRENCH), (x, width) -> 205);

        Page fromWhite = engines.recognize(DrawnPages.unread(1, white, dir.resolve("white.png")));
        Page fromShaded = engines.recognize(DrawnPages.unread(1, shaded, dir.resolve("shaded.png")));
        Page fromTinted = engines.recognize(DrawnPages.unread(1, tinted, dir.resolve("tinted.png")));

        assertEquals("otsu", fromWhite.preparation().thresholding());
        assertEquals("normalised-otsu", fromShaded.preparation().thresholding());
        assertEquals("otsu", fromTinted.preparation().thresholding(), "evenly tinted paper reads as it is");
        assertEquals(FRENCH, TesseractEnginesTest.lines(fromShaded));
        assertEquals(FRENCH, TesseractEnginesTest.lines(fromTinted));
    }

    /** The page printed on paper of the given gray at each column (x, width). */
    private static BufferedImage onPaper(BufferedImage page, IntBinaryOperator paper) {
        WritableRaster pixels = page.getRaster();
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                pixels.setSample(x, y, 0, Math.min(pixels.getSample(x, y, 0), paper.applyAsInt(x, page.getWidth())));
            }
        }
        return page;
    }

    @ParameterizedTest(name = "a page skewed {0} degrees clockwise")
    @ValueSource(doubles = {2.0, -1.2, 0.6})
    void aSkewedPageIsStraightenedByTheAngleItWasTurned(double skewDegrees) throws IOException {
        Page skewed = DrawnPages.unread(1, DrawnPages.skewed(DrawnPages.drawn(RUSSIAN), skewDegrees),
                dir.resolve("skewed-" + skewDegrees + ".png"));

        Page read = engines.recognize(skewed);

        assertEquals(-skewDegrees, read.preparation().skewDegrees(), 0.3);
        assertEquals(0, read.preparation().rotationDegrees());
        assertEquals(RUSSIAN, TesseractEnginesTest.lines(read));
    }
}
