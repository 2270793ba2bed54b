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
 * lets the first one claim words of the others. What the page's document has shown so far (a
 * {@link ReadingHint}) spares the work: a page of a document whose turn is settled is not examined
 * unless it reads poorly, and the document's latest language is tried first.
 * <b>Not thread-safe</b>: one per reading thread.
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
    private final CpuClock clock = new CpuClock();
    private int secondReadings;

    PageRecognizer(OcrConfig config) {
        this.config = config;
        this.preparer = new PagePreparer(config, clock);
        this.engine = new TesseractEngine(config);
        this.identifier = new LanguageIdentifier(config.languages());
    }

    /**
     * Prepares and reads a page; a page whose text came from a PDF text layer is returned as it is.
     *
     * @param forcedModels models to read with, as a sidecar or the configuration forces them; empty to
     *                     choose per page
     * @param hint         what the document's pages read so far say of this one
     */
    Page recognize(Page page, List<String> forcedModels, ReadingHint hint) {
        if (page.textOrigin() == TextOrigin.TEXT_LAYER) {
            return page;
        }
        List<String> forced = !forcedModels.isEmpty() ? forcedModels
                : config.languageChoice() == OcrConfig.LanguageChoice.FIXED ? config.languages() : List.of();
        if (!hint.settled()) {
            return examinedAndRead(page, forced, hint, null);
        }
        try (PagePreparer.PreparedPage prepared = preparer.prepareAsDocument(page, hint)) {
            Page read = read(prepared, forced, hint);
            if (meanConfidence(read) >= POOR_READING_CONFIDENCE) {
                preparer.keep(prepared);
                return read;
            }
            // Read poorly as the document's pages lie: this leaf may lie otherwise. Examine it, and
            // keep whichever reading is better (a page may read poorly because it is poor).
            return examinedAndRead(page, forced, hint.unsettled(), new Reading(prepared, read));
        }
    }

    /** A page prepared and read, not yet kept. */
    private record Reading(PagePreparer.PreparedPage prepared, Page page) {
    }

    /**
     * Examines the page's orientation itself and reads it; keeps the best reading, this one or
     * {@code rival} (null when there is none).
     */
    private Page examinedAndRead(Page page, List<String> forced, ReadingHint hint, Reading rival) {
        try (PagePreparer.PreparedPage prepared = preparer.prepare(page)) {
            Page read = read(prepared, forced, hint);
            if (prepared.suggestedTurn() != 0) {
                // OSD was unsure (a short page): read it turned as suggested too, and keep the upright
                // page unless it reads clearly worse. Tesseract sometimes reads short sideways text
                // well, but the facsimile should still show the page upright.
                try (PagePreparer.PreparedPage turned = preparer.prepare(page, prepared.suggestedTurn())) {
                    Page readTurned = read(turned, forced, hint);
                    if (meanConfidence(readTurned) + CONFIDENCE_MARGIN >= meanConfidence(read)) {
                        return kept(new Reading(turned, readTurned), rival);
                    }
                }
            }
            return kept(new Reading(prepared, read), rival);
        }
    }

    /** Keeps the better of two readings (the first when they are as good), and returns its page. */
    private Page kept(Reading reading, Reading rival) {
        Reading best = rival != null && meanConfidence(rival.page()) > meanConfidence(reading.page()) ? rival : reading;
        preparer.keep(best.prepared());
        return best.page();
    }

    private Page read(PagePreparer.PreparedPage prepared, List<String> forced, ReadingHint hint) {
        Page upright = prepared.page();
        int dpi = upright.image().dpi() > 0 ? upright.image().dpi() : config.defaultDpi();
        Function<List<String>, List<Block>> reading =
                models -> clock.charge(CpuClock.Library.TESSERACT,
                        () -> engine.read(prepared.forReading(), upright.number(), dpi, models));
        return forced.isEmpty() ? chosen(upright, reading, hint) : withModels(upright, reading, forced);
    }

    private static double meanConfidence(Page read) {
        return read.meanConfidence().orElse(0);
    }

    /** How many pages this recognizer read twice because the first model was the wrong one. */
    int secondReadings() {
        return secondReadings;
    }

    /** CPU time this recognizer's thread spent in Tesseract and Leptonica so far. */
    NativeCpuTime nativeCpuTime() {
        return clock.spent();
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

    private Page chosen(Page upright, Function<List<String>, List<Block>> reading, ReadingHint hint) {
        Optional<String> script = Optional.of(upright.preparation().script())
                .filter(name -> !name.equals(PagePreparation.UNKNOWN_SCRIPT));
        Page read = chosen(upright, reading, script, hint);
        if (script.isPresent() && meanConfidence(read) < POOR_READING_CONFIDENCE && !hint.settled()) {
            // Orientation detection may have mistaken the script (smudges, show-through): let the
            // text decide among all the models, and keep the better reading. (A page of a settled
            // document that reads poorly is examined afresh instead.)
            Page unguided = chosen(upright, reading, Optional.empty(), hint);
            return meanConfidence(unguided) > meanConfidence(read) ? unguided : read;
        }
        return read;
    }

    private Page chosen(Page upright, Function<List<String>, List<Block>> reading, Optional<String> script,
                        ReadingHint hint) {
        List<String> candidates = script.map(this::modelsOfScript).filter(models -> !models.isEmpty())
                .orElse(config.languages());
        if (candidates.size() == 1) {
            return withModels(upright, reading, candidates);
        }
        // With the script unknown, the first reading uses every model and only serves to identify the language.
        // The document's own latest page of the script says best which language comes next; else this
        // thread's latest page of it.
        List<String> firstModels = script.map(name -> List.of(Optional.ofNullable(hint.modelFor(name))
                        .filter(candidates::contains).orElse(lastModelOfScript.getOrDefault(name, candidates.get(0)))))
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
