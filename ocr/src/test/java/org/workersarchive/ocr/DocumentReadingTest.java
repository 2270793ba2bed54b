package org.workersarchive.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.workersarchive.core.DrawnPages.FRENCH;
import static org.workersarchive.core.DrawnPages.GERMAN;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.PagePreparation.OrientationSource;
import org.workersarchive.core.Script;

/** A document's pages read one after another by the real Tesseract: what the first teach the next. */
class DocumentReadingTest {

    @TempDir
    static Path dir;
    private final TesseractEngines engines = SharedEngines.get();

    @Test
    void onceAPageIsSurelyUpsideDownTheNextAreTurnedWithoutBeingExamined() throws IOException {
        DocumentReading document = new DocumentReading(List.of());
        assertFalse(document.hint().settled(), "nothing is known of a document's first page");

        Page first = engines.recognize(upsideDown(FRENCH, 1), document);
        assertEquals(OrientationSource.DETECTED, first.preparation().orientation());
        assertEquals(180, first.preparation().rotationDegrees());
        assertEquals(180, document.hint().settledTurn());
        assertEquals(Script.LATIN, document.hint().script());
        assertEquals(Language.ofModel("fra"), document.hint().model());

        Page second = engines.recognize(upsideDown(FRENCH, 2), document);
        assertEquals(OrientationSource.DOCUMENT, second.preparation().orientation());
        assertEquals(180, second.preparation().rotationDegrees());
        assertEquals(FRENCH, TesseractEnginesTest.lines(second), "read upright");
        assertEquals(Language.listOf("fra"), second.languages());
    }

    @Test
    void aLeafThatLiesOtherwiseThanTheDocumentSaysIsExaminedAfterAllAndReadUpright() throws IOException {
        DocumentReading document = new DocumentReading(List.of());
        engines.recognize(DrawnPages.unread(1, DrawnPages.drawn(FRENCH), dir.resolve("leaf-1.png")), document);
        assertEquals(0, document.hint().settledTurn());

        Page turned = engines.recognize(upsideDown(FRENCH, 2), document);

        assertEquals(OrientationSource.DETECTED, turned.preparation().orientation(), "examined itself");
        assertEquals(180, turned.preparation().rotationDegrees());
        assertEquals(FRENCH, TesseractEnginesTest.lines(turned));
        assertFalse(document.hint().settled(), "two pages that lay otherwise: every page is read as it lies first");
    }

    @Test
    void anUprightFirstPageThatReadsWellIsNotExaminedAndSettlesTheDocument() throws IOException {
        DocumentReading document = new DocumentReading(List.of());

        Page first = engines.recognize(DrawnPages.unread(1, DrawnPages.drawn(GERMAN), dir.resolve("upright-1.png")), document);

        assertEquals(OrientationSource.AS_IT_LAY, first.preparation().orientation());
        assertEquals(0, first.preparation().rotationDegrees());
        assertEquals(Script.LATIN, first.preparation().script(), "the script of the model that read it well");
        assertEquals(GERMAN, TesseractEnginesTest.lines(first));
        assertEquals(Language.listOf("deu"), first.languages());
        assertEquals(0, document.hint().settledTurn());
        assertEquals(Script.LATIN, document.hint().script());
    }

    @Test
    void aPageInAnotherScriptThanTheLikeliestModelReadsPoorlyAsItLiesAndIsExamined() throws IOException {
        DocumentReading french = new DocumentReading(List.of());
        engines.recognize(DrawnPages.unread(1, DrawnPages.drawn(FRENCH), dir.resolve("before-russian.png")), french);
        DocumentReading russian = new DocumentReading(List.of());

        // The thread's latest page was French: the Russian page is read with fra first, reads poorly,
        // and orientation detection tells its script.
        Page read = engines.recognize(DrawnPages.unread(1, DrawnPages.drawn(DrawnPages.RUSSIAN), dir.resolve("ru-1.png")),
                russian);

        assertEquals(OrientationSource.DETECTED, read.preparation().orientation());
        assertEquals(Script.CYRILLIC, read.preparation().script());
        assertEquals(Language.listOf("rus"), read.languages());
        assertEquals(DrawnPages.RUSSIAN, TesseractEnginesTest.lines(read));
    }

    @Test
    void theDocumentsLanguageIsTriedFirstOnItsNextPage() throws IOException {
        DocumentReading document = new DocumentReading(List.of());
        engines.recognize(DrawnPages.unread(1, DrawnPages.drawn(GERMAN), dir.resolve("de-1.png")), document);
        assertEquals(Language.ofModel("deu"), document.hint().model());
        int secondReadings = engines.secondReadings();

        Page next = engines.recognize(DrawnPages.unread(2, DrawnPages.drawn(GERMAN), dir.resolve("de-2.png")), document);

        assertEquals(Language.listOf("deu"), next.languages());
        assertEquals(secondReadings, engines.secondReadings(), "read once, with the document's model");
    }

    @Test
    void aPageThatWasNotReadTeachesNothing() throws IOException {
        DocumentReading document = new DocumentReading(Language.listOf("rus"));
        assertEquals(Language.listOf("rus"), document.forcedModels());

        document.learn(DrawnPages.unread(1, DrawnPages.drawn(FRENCH), dir.resolve("unread.png")));

        assertNull(document.hint().model());
        assertFalse(document.hint().settled());
    }

    private static Page upsideDown(List<String> lines, int number) throws IOException {
        BufferedImage turned = DrawnPages.quarterTurned(DrawnPages.drawn(lines), 180);
        return DrawnPages.unread(number, turned, dir.resolve("upside-down-" + number + ".png"));
    }
}
