package org.workersarchive.ocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.workersarchive.core.Fixity;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.RejectedInputException;

/**
 * The OCR stage in this process, thread-safe: one {@link PageRecognizer} (its own native
 * Tesseract handles) per calling thread, made on first use. A recognizer is recycled (closed and
 * made anew) after a number of pages, since Tesseract's native memory grows over long runs. A
 * native crash here ends the process: the pipeline reads through {@link EngineProcesses}, whose
 * child processes each run one of these.
 */
public final class TesseractEngines implements OcrEngines {

    /** Pages a recognizer reads before it is recycled. */
    public static final int DEFAULT_PAGES_PER_ENGINE = 200;

    private final OcrConfig config;
    private final int pagesPerEngine;
    /** The models' checksums, for provenance: made when first asked for, as an engine process never asks. */
    private volatile String models;
    private final Set<CountedRecognizer> recognizers = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<CountedRecognizer> recognizerOfThread = new ThreadLocal<>();
    private final AtomicInteger retiredSecondReadings = new AtomicInteger();
    private final AtomicReference<NativeCpuTime> nativeCpuTime = new AtomicReference<>(NativeCpuTime.ZERO);

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

    /** Prepares and reads one page, choosing its models; see {@link #recognize(Page, List)}. */
    public Page recognize(Page page) {
        return recognize(page, List.of());
    }

    /** Reads the page with the calling thread's engines. */
    @Override
    public Page recognize(Page page, List<Language> forcedModels, ReadingHint hint) {
        requireModels(forcedModels);
        CountedRecognizer recognizer = recognizerOfThisThread();
        recognizer.pages++;
        NativeCpuTime before = recognizer.recognizer.nativeCpuTime();
        try {
            return recognizer.recognizer.recognize(page, forcedModels, hint);
        } finally {
            NativeCpuTime spent = recognizer.recognizer.nativeCpuTime().since(before);
            nativeCpuTime.accumulateAndGet(spent, NativeCpuTime::plus);
        }
    }

    /**
     * Makes the calling thread's engines now (the orientation model and the language profiles
     * loaded), so that its first page does not wait for them: an engine process does this while its
     * parent is still starting.
     */
    public void warmUp() {
        recognizerOfThisThread();
    }

    private CountedRecognizer recognizerOfThisThread() {
        CountedRecognizer recognizer = recognizerOfThread.get();
        if (recognizer == null || recognizer.pages >= pagesPerEngine) {
            if (recognizer != null) {
                retire(recognizer);
            }
            recognizer = new CountedRecognizer(new PageRecognizer(config));
            recognizers.add(recognizer);
            recognizerOfThread.set(recognizer);
        }
        return recognizer;
    }

    @Override
    public NativeCpuTime nativeCpuTime() {
        return nativeCpuTime.get();
    }

    @Override
    public Map<String, String> describe() {
        if (models == null) {
            models = modelChecksums(config);
        }
        return describe(config, models, Map.of("pagesPerEngine", String.valueOf(pagesPerEngine)));
    }

    /** Forced models come from a sidecar: each must be a model of tessdata, not a path Tesseract would load. */
    private void requireModels(List<Language> forcedModels) {
        for (Language model : forcedModels) {
            try {
                model.modelFiles().forEach(file -> OcrConfig.requireModel(config.tessdataDir(), file));
            } catch (IllegalArgumentException e) {
                throw new RejectedInputException(e.getMessage(), e);
            }
        }
    }

    /** The settings of the stage, the models' checksums and what the engines add of their own. */
    static Map<String, String> describe(OcrConfig config, String models, Map<String, String> engineSettings) {
        Map<String, String> described = new LinkedHashMap<>(Map.of("languages", String.join("+", Language.models(config.languages())),
                "languageChoice", config.languageChoice().name().toLowerCase().replace('_', '-'),
                "thresholding", config.thresholding().label(),
                "longS", config.longS().label(),
                "tessdata", config.tessdataDir().toString(),
                "models", models,
                "engineMode", "LSTM",
                "pageSegmentation", "auto (PSM 3: columns and blocks found by Tesseract)"));
        described.putAll(engineSettings);
        return Map.copyOf(described);
    }

    /**
     * Each model file as "fra 3f2a9c01b7e4": Tesseract's models carry no version a program can read,
     * so the first 12 hex digits of the file's SHA-256 say exactly which one read the pages.
     */
    static String modelChecksums(OcrConfig config) {
        List<String> models = new ArrayList<>(config.languages().stream()
                .flatMap(language -> language.modelFiles().stream()).distinct().toList());
        models.add("osd");
        List<String> described = new ArrayList<>();
        for (String model : models) {
            try {
                described.add(model + " " + Fixity.sha256(config.tessdataDir().resolve(model + ".traineddata"))
                        .substring(0, 12));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the model " + model + " in " + config.tessdataDir(), e);
            }
        }
        return String.join(", ", described);
    }

    /** Pages read a second time because the first model was not the page's language, over all threads. */
    public int secondReadings() {
        return retiredSecondReadings.get()
                + recognizers.stream().mapToInt(counted -> counted.recognizer.secondReadings()).sum();
    }

    /**
     * Closes every engine. Call it only when no thread is reading any more (the pipeline does so
     * after its OCR threads have stopped).
     */
    @Override
    public void close() {
        recognizers.forEach(this::retire);
    }

    private void retire(CountedRecognizer counted) {
        recognizers.remove(counted);
        retiredSecondReadings.addAndGet(counted.recognizer.secondReadings());
        counted.recognizer.close();
    }

    /** A recognizer and the pages it has read; touched only by its own thread. */
    private static final class CountedRecognizer {
        private final PageRecognizer recognizer;
        private int pages;

        CountedRecognizer(PageRecognizer recognizer) {
            this.recognizer = recognizer;
        }
    }
}
