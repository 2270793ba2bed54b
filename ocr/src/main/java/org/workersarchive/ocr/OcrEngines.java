package org.workersarchive.ocr;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.workersarchive.core.Document;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.TextOrigin;

/**
 * The OCR stage as the pipeline calls it: prepares and reads pages, from any number of threads.
 * {@link TesseractEngines} reads in this process; {@link EngineProcesses} reads in child processes,
 * so that a native crash, a runaway page or growing native memory cannot take the caller down.
 */
public interface OcrEngines extends AutoCloseable {

    /**
     * Prepares one page (upright, straight; its image file replaced when it was turned) and reads
     * it. The returned page's boxes refer to its prepared image; its languages are the models it was
     * finally read with, main one first. A page whose text came from a PDF text layer is returned as
     * it is.
     *
     * @param forcedModels models every page of this document must be read with (from a sidecar);
     *                     empty to follow the configuration
     * @param hint         what the document's pages read so far say of this one ({@link DocumentReading})
     * @throws org.workersarchive.core.RejectedInputException when the page cannot be read: its image
     *         is unreadable, a forced model is none of tessdata's, Tesseract cannot recognise it, or
     *         reading it crashed or took too long
     */
    Page recognize(Page page, List<Language> forcedModels, ReadingHint hint);

    /** Reads a page of a document with what its pages read so far say, and tells the document what it showed. */
    default Page recognize(Page page, DocumentReading document) {
        Page read = recognize(page, document.forcedModels(), document.hint());
        document.learn(read);
        return read;
    }

    /** Reads a page as a document's first: nothing is known of it. */
    default Page recognize(Page page, List<Language> forcedModels) {
        return recognize(page, forcedModels, ReadingHint.NONE);
    }

    /**
     * The document whose pages these engines read, with the step that read them in its provenance:
     * this stage's settings ({@link #describe}), how many pages were read and how many came from a
     * PDF's text layer, and the time since {@code started}.
     */
    default Document withStep(Document read, Instant started) {
        Map<String, String> details = new HashMap<>(describe());
        details.put("pagesRead", String.valueOf(pagesFrom(read, TextOrigin.OCR)));
        details.put("pagesFromTextLayer", String.valueOf(pagesFrom(read, TextOrigin.TEXT_LAYER)));
        return read.withStep(new ProcessingStep("ocr", "Tesseract", tesseractVersion(), details,
                Duration.between(started, Instant.now())));
    }

    private static long pagesFrom(Document document, TextOrigin origin) {
        return document.pages().stream().filter(page -> page.textOrigin() == origin).count();
    }

    /** The version of the native Tesseract library, e.g. "5.3.0". */
    default String tesseractVersion() {
        return TesseractEngine.version();
    }

    /** CPU time spent in Tesseract and Leptonica on the pages read so far, by any thread or process. */
    NativeCpuTime nativeCpuTime();

    /** What a provenance record should say of this stage's settings, the models included. */
    Map<String, String> describe();

    /** Frees every engine; call it only once no thread is reading any more. */
    @Override
    void close();
}
