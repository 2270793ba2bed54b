package org.workersarchive.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.workersarchive.core.DrawnPages.FRENCH;
import static org.workersarchive.core.DrawnPages.RUSSIAN;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.RejectedInputException;

/** The real Tesseract in real child processes: the same reading as in-process, and the faults it survives. */
class EngineProcessesTest {

    @TempDir
    static Path dir;

    @Test
    void aPageReadInAnEngineProcessIsReadAsInThisOneAndProcessesAreRecycled() throws IOException {
        EngineLimits limits = EngineLimits.defaults(1).withPagesPerProcess(2);
        try (EngineProcesses engines = new EngineProcesses(OcrConfig.defaults(), limits, dir.resolve("crashes"))) {
            Page french = engines.recognize(DrawnPages.unread(1, DrawnPages.drawn(FRENCH), dir.resolve("f.png")), List.of());
            Page russian = engines.recognize(DrawnPages.unread(2, DrawnPages.drawn(RUSSIAN), dir.resolve("r.png")), List.of());
            Page again = engines.recognize(DrawnPages.unread(3, DrawnPages.drawn(FRENCH), dir.resolve("f3.png")), List.of());

            Page inProcess = SharedEngines.get().recognize(
                    DrawnPages.unread(1, DrawnPages.drawn(FRENCH), dir.resolve("f-here.png")));
            assertEquals(inProcess.blocks(), french.blocks().stream().toList(), "same words, boxes and confidences");
            assertEquals(inProcess.preparation(), french.preparation());
            assertEquals(Language.listOf("rus"), russian.languages());
            assertEquals(RUSSIAN, TesseractEnginesTest.lines(russian));
            assertEquals(FRENCH, TesseractEnginesTest.lines(again));
            assertEquals(2, engines.processesStarted(), "a new process after two pages");
            assertEquals(0, engines.processesDied());
        }
    }

    @Test
    void aPageThatCrashesTheEngineFailsAfterTwoAttemptsAndTheNextPageIsRead() throws IOException {
        Path tessdata = CrashingModel.tessdataIn(dir);
        OcrConfig config = OcrConfig.defaults();
        config = new OcrConfig(tessdata, config.languages(), config.languageChoice(), config.defaultDpi(),
                config.thresholding(), config.longS());
        try (EngineProcesses engines = new EngineProcesses(config, EngineLimits.defaults(1), dir.resolve("crashes"))) {
            Page poisoned = DrawnPages.unread(1, DrawnPages.drawn(FRENCH), dir.resolve("poisoned.png"));

            RejectedInputException crash = assertThrows(RejectedInputException.class,
                    () -> engines.recognize(poisoned, Language.listOf(CrashingModel.NAME)));

            assertTrue(crash.reason().startsWith("the OCR engine crashed on page 1, 2 times in fresh processes: "),
                    crash.reason());
            assertTrue(crash.reason().contains("SIGSEGV in libtesseract"), crash.reason());
            assertEquals(2, engines.processesDied());
            Page next = engines.recognize(DrawnPages.unread(2, DrawnPages.drawn(FRENCH), dir.resolve("next.png")), List.of());
            assertEquals(FRENCH, TesseractEnginesTest.lines(next));
        }
    }

    @Test
    void aPageThatTakesTooLongFailsWithATimeoutAndItsEngineIsStopped() throws IOException {
        EngineLimits limits = EngineLimits.defaults(1).withPageTimeout(Duration.ofSeconds(1));
        try (EngineProcesses engines = new EngineProcesses(OcrConfig.defaults(), limits, dir.resolve("crashes"))) {
            Page dense = DrawnPages.unread(1, denseNoise(), dir.resolve("dense.png"));

            RejectedInputException timeout = assertThrows(RejectedInputException.class,
                    () -> engines.recognize(dense, Language.listOf("fra")));

            assertEquals("timeout: page 1 was still being read after 1 s; its engine was stopped", timeout.reason());
            assertEquals(1, engines.processesDied());
        }
    }

    /** An A4 page at 300 dpi covered in small random letters: many seconds of work for Tesseract. */
    private static BufferedImage denseNoise() {
        BufferedImage image = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Serif", Font.PLAIN, 18));
        Random random = new Random(7);
        for (int y = 30; y < image.getHeight(); y += 26) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 230; i++) {
                line.append(random.nextInt(6) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
            }
            g.drawString(line.toString(), 20, y);
        }
        g.dispose();
        return image;
    }
}
