package org.workersarchive.ocr;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.workersarchive.core.Page;

/**
 * The thread-safe entry point of the OCR stage: one {@link TesseractEngine} per calling thread,
 * made on first use. An engine is recycled (closed and made anew) after a number of pages, since
 * Tesseract's native memory grows over long runs.
 */
public final class TesseractEngines implements AutoCloseable {

    /** Pages an engine reads before it is recycled. */
    public static final int DEFAULT_PAGES_PER_ENGINE = 200;

    private final OcrConfig config;
    private final int pagesPerEngine;
    private final Set<CountedEngine> engines = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<CountedEngine> engineOfThread = new ThreadLocal<>();

    public TesseractEngines(OcrConfig config) {
        this(config, DEFAULT_PAGES_PER_ENGINE);
    }

    public TesseractEngines(OcrConfig config, int pagesPerEngine) {
        if (pagesPerEngine < 1) {
            throw new IllegalArgumentException("pagesPerEngine must be at least 1: " + pagesPerEngine);
        }
        this.config = config;
        this.pagesPerEngine = pagesPerEngine;
    }

    /** Reads one page with the calling thread's engine; see {@link TesseractEngine#recognize(Page)}. */
    public Page recognize(Page page) {
        CountedEngine engine = engineOfThread.get();
        if (engine == null || engine.pages >= pagesPerEngine) {
            if (engine != null) {
                retire(engine);
            }
            engine = new CountedEngine(new TesseractEngine(config));
            engines.add(engine);
            engineOfThread.set(engine);
        }
        engine.pages++;
        return engine.engine.recognize(page);
    }

    public String tesseractVersion() {
        return TesseractEngine.version();
    }

    /** What a provenance record should say of this stage's settings. */
    public Map<String, String> describe() {
        return Map.of("languages", String.join("+", config.languages()),
                "tessdata", config.tessdataDir().toString(),
                "engineMode", "LSTM", "pagesPerEngine", String.valueOf(pagesPerEngine));
    }

    /**
     * Closes every engine. Call it only when no thread is reading any more (the pipeline does so
     * after its OCR threads have stopped).
     */
    @Override
    public void close() {
        engines.forEach(this::retire);
    }

    private void retire(CountedEngine engine) {
        engines.remove(engine);
        engine.engine.close();
    }

    /** An engine and the pages it has read; touched only by its own thread. */
    private static final class CountedEngine {
        private final TesseractEngine engine;
        private int pages;

        CountedEngine(TesseractEngine engine) {
            this.engine = engine;
        }
    }
}
