package org.workersarchive.ocr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.workersarchive.core.Block;
import org.workersarchive.core.Page;
import org.workersarchive.core.PagePreparation;
import org.workersarchive.core.TextOrigin;

/**
 * Reads one page the way an archivist would set Tesseract up for it: the page turned upright and
 * straightened, then read with the one model of its language. The script comes from orientation
 * detection (a Cyrillic page is read with the Cyrillic model); among the models of that script the
 * first reading uses the language this thread's last page of the script was in, Tika identifies
 * the language of that reading, and the page is read a second time when the guess was wrong; a page
 * that still reads poorly is read again with the script left to the text, in case OSD mistook it. One
 * model at a time reads better and faster than all of them at once: with several loaded, Tesseract
 * lets the first one claim words of the others. <b>Not thread-safe</b>: one per reading thread.
 */
final class PageRecognizer implements AutoCloseable {

    /**
     * How much lower the mean word confidence of a page turned as OSD suggested may be than as it lay,
     * and the turn still kept: the same text read both ways differs by a point or two.
     */
    static final double CONFIDENCE_MARGIN = 5;

    /** Mean word confidence under which a page read with the models of its script is read again unguided. */
    static final double POOR_READING_CONFIDENCE = 60;

    private final OcrConfig config;
    private final PagePreparer preparer;
    private final TesseractEngine engine;
    private final LanguageIdentifier identifier;
    /** The model the last page of each script was read with: the likeliest for the next one. */
    private final Map<String, String> lastModelOfScript = new HashMap<>();
    private int secondReadings;

    PageRecognizer(OcrConfig config) {
        this.config = config;
        this.preparer = new PagePreparer(config);
        this.engine = new TesseractEngine(config);
        this.identifier = new LanguageIdentifier(config.languages());
    }

    /**
     * Prepares and reads a page; a page whose text came from a PDF text layer is returned as it is.
     *
     * @param forcedModels models to read with, as a sidecar or the configuration forces them; empty to
     *                     choose per page
     */
    Page recognize(Page page, List<String> forcedModels) {
        if (page.textOrigin() == TextOrigin.TEXT_LAYER) {
            return page;
        }
        List<String> forced = !forcedModels.isEmpty() ? forcedModels
                : config.languageChoice() == OcrConfig.LanguageChoice.FIXED ? config.languages() : List.of();
        try (PagePreparer.PreparedPage prepared = preparer.prepare(page)) {
            Page read = read(prepared, forced);
            if (prepared.suggestedTurn() != 0) {
                // OSD was unsure (a short page): read it turned as suggested too, and keep the upright
                // page unless it reads clearly worse. Tesseract sometimes reads short sideways text
                // well, but the facsimile should still show the page upright.
                try (PagePreparer.PreparedPage turned = preparer.prepare(page, prepared.suggestedTurn())) {
                    Page readTurned = read(turned, forced);
                    if (meanConfidence(readTurned) + CONFIDENCE_MARGIN >= meanConfidence(read)) {
                        preparer.keep(turned);
                        return readTurned;
                    }
                }
            }
            preparer.keep(prepared);
            return read;
        }
    }

    private Page read(PagePreparer.PreparedPage prepared, List<String> forced) {
        Page upright = prepared.page();
        int dpi = upright.image().dpi() > 0 ? upright.image().dpi() : config.defaultDpi();
        Function<List<String>, List<Block>> reading =
                models -> engine.read(prepared.forReading(), upright.number(), dpi, models);
        return forced.isEmpty() ? chosen(upright, reading) : withModels(upright, reading, forced);
    }

    private static double meanConfidence(Page read) {
        return read.meanConfidence().orElse(0);
    }

    /** How many pages this recognizer read twice because the first model was the wrong one. */
    int secondReadings() {
        return secondReadings;
    }

    @Override
    public void close() {
        try {
            preparer.close();
        } finally {
            engine.close();
        }
    }

    /** Read with the given models; the page's language is identified among them when there are several. */
    private Page withModels(Page upright, Function<List<String>, List<Block>> reading, List<String> models) {
        Page read = upright.withText(TextOrigin.OCR, models, reading.apply(models));
        if (models.size() == 1) {
            return read;
        }
        List<String> languages = identifier.identify(read.text()).filter(models::contains).map(List::of).orElse(models);
        return read.withText(TextOrigin.OCR, languages, read.blocks());
    }

    private Page chosen(Page upright, Function<List<String>, List<Block>> reading) {
        Optional<String> script = Optional.of(upright.preparation().script())
                .filter(name -> !name.equals(PagePreparation.UNKNOWN_SCRIPT));
        Page read = chosen(upright, reading, script);
        if (script.isPresent() && meanConfidence(read) < POOR_READING_CONFIDENCE) {
            // Orientation detection may have mistaken the script (smudges, show-through): let the
            // text decide among all the models, and keep the better reading.
            Page unguided = chosen(upright, reading, Optional.empty());
            return meanConfidence(unguided) > meanConfidence(read) ? unguided : read;
        }
        return read;
    }

    private Page chosen(Page upright, Function<List<String>, List<Block>> reading, Optional<String> script) {
        List<String> candidates = script.map(this::modelsOfScript).filter(models -> !models.isEmpty())
                .orElse(config.languages());
        if (candidates.size() == 1) {
            return withModels(upright, reading, candidates);
        }
        // With the script unknown, the first reading uses every model and only serves to identify the language.
        List<String> firstModels = script.map(name -> List.of(lastModelOfScript.getOrDefault(name, candidates.get(0))))
                .orElse(candidates);
        Page first = upright.withText(TextOrigin.OCR, firstModels, reading.apply(firstModels));
        Optional<String> identified = identifier.identify(first.text()).filter(candidates::contains);
        if (identified.isEmpty()) {
            return first;
        }
        String model = identified.get();
        script.ifPresent(name -> lastModelOfScript.put(name, model));
        if (firstModels.equals(List.of(model))) {
            return first;
        }
        secondReadings++;
        return upright.withText(TextOrigin.OCR, List.of(model), reading.apply(List.of(model)));
    }

    /** The configured models written in a script; models of unknown script count for every script. */
    private List<String> modelsOfScript(String script) {
        return config.languages().stream()
                .filter(model -> TesseractModels.script(model).map(script::equals).orElse(true))
                .toList();
    }
}
