package org.workersarchive.ocr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.workersarchive.core.Block;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.PagePreparation;
import org.workersarchive.core.Script;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

/**
 * Reads one page the way an archivist would set Tesseract up for it: the page turned upright and
 * straightened, then read with the one model of its language. A page is first read as it lies (or
 * turned as its document's first pages were) with the likeliest model: the language of the
 * document's latest page, else of this thread's; Tika identifies the language of that reading, and
 * the page is read a second time when the guess was wrong. Only a page that reads poorly so is
 * examined: Tesseract's orientation detection (which costs about as much as reading a sparse page)
 * turns it and tells its script, the page is read with the models of that script and, if it still
 * reads poorly, with the script left to the text in case OSD mistook it; the best reading is kept.
 * One model at a time reads better and faster than all of them at once: with several loaded,
 * Tesseract lets the first one claim words of the others.
 * <b>Not thread-safe</b>: one per reading thread.
 */
final class PageRecognizer implements AutoCloseable {

    /**
     * How much lower the mean word confidence of a page turned as OSD suggested may be than as it lay,
     * and the turn still kept: the same text read both ways differs by a point or two.
     */
    static final double CONFIDENCE_MARGIN = 5;

    /**
     * Mean word confidence under which a page read without examination is examined, and an examined
     * page read with the models of its script is read again unguided: upright text reads well above
     * it, upside-down text and text read with a model of the other script well below.
     */
    static final double POOR_READING_CONFIDENCE = 60;

    private final OcrConfig config;
    private final PagePreparer preparer;
    private final TesseractEngine engine;
    private final LanguageIdentifier identifier;
    /** The model the last page of each script was read with: the likeliest for the next one. */
    private final Map<Script, Language> lastModelOfScript = new HashMap<>();
    /** The model the last page was read with, whatever its script. */
    private Language lastModel;
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
    Page recognize(Page page, List<Language> forcedModels, ReadingHint hint) {
        if (page.textOrigin() == TextOrigin.TEXT_LAYER) {
            return page;
        }
        List<Language> forced = !forcedModels.isEmpty() ? forcedModels
                : config.languageChoice() == OcrConfig.LanguageChoice.FIXED ? config.languages() : List.of();
        try (PagePreparer.PreparedPage unexamined = hint.settled()
                ? preparer.prepareAsDocument(page, hint) : preparer.prepareAsItLies(page)) {
            Page read = withScriptOfItsModel(read(unexamined, forced, hint, false));
            if (readsWell(read)) {
                preparer.keep(unexamined);
                return read;
            }
            // Read poorly as it lies, or as the document's pages lie: this leaf may lie otherwise.
            // Examine it, and keep whichever reading is better (a page may read poorly because it is poor).
            return examinedAndRead(page, forced, hint.unsettled(), new Reading(unexamined, read));
        }
    }

    /**
     * Whether a page read without examination may be kept so: read with confidence, long enough for
     * that to mean something (a few words upside down can score well by chance), and in lines that
     * run across the page. Tesseract reads a sideways page well, in vertical lines; its facsimile
     * must still stand upright, so such a page is examined.
     */
    private static boolean readsWell(Page read) {
        return meanConfidence(read) >= POOR_READING_CONFIDENCE
                && LanguageIdentifier.letters(read.text()) >= LanguageIdentifier.MIN_LETTERS
                && runsAcross(read);
    }

    /** Whether most words of three letters or more are wider than they are tall. */
    private static boolean runsAcross(Page read) {
        List<Word> words = read.words().filter(word -> LanguageIdentifier.letters(word.text()) >= 3).toList();
        long across = words.stream().filter(word -> word.box().width() > word.box().height()).count();
        return across * 10 >= words.size() * 9L;
    }

    /** A page read as it lay is taken to be in the script of the model that read it. */
    private static Page withScriptOfItsModel(Page read) {
        PagePreparation preparation = read.preparation();
        if (preparation.orientation() != PagePreparation.OrientationSource.AS_IT_LAY || read.languages().size() != 1) {
            return read;
        }
        Script script = read.languages().get(0).script();
        return script.isKnown() ? read.withPreparedImage(read.image(), preparation.withScript(script)) : read;
    }

    /** A page prepared and read, not yet kept. */
    private record Reading(PagePreparer.PreparedPage prepared, Page page) {
    }

    /**
     * Examines the page's orientation itself and reads it; keeps the best reading, this one or
     * {@code rival} (null when there is none).
     */
    private Page examinedAndRead(Page page, List<Language> forced, ReadingHint hint, Reading rival) {
        try (PagePreparer.PreparedPage prepared = preparer.prepare(page)) {
            Page read = read(prepared, forced, hint, true);
            if (prepared.suggestedTurn() != 0) {
                // OSD was unsure (a short page): read it turned as suggested too, and keep the upright
                // page unless it reads clearly worse. Tesseract sometimes reads short sideways text
                // well, but the facsimile should still show the page upright.
                try (PagePreparer.PreparedPage turned = preparer.prepare(page, prepared.suggestedTurn())) {
                    Page readTurned = read(turned, forced, hint, true);
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

    /**
     * @param examined whether orientation detection told the page's script: a page it tells wrong
     *                 reads poorly, and is then read again unguided
     */
    private Page read(PagePreparer.PreparedPage prepared, List<Language> forced, ReadingHint hint, boolean examined) {
        Page upright = prepared.page();
        int dpi = upright.image().dpi() > 0 ? upright.image().dpi() : config.defaultDpi();
        Function<List<Language>, List<Block>> reading =
                models -> clock.charge(CpuClock.Library.TESSERACT,
                        () -> engine.read(prepared.forReading(), upright.number(), dpi, models));
        if (!forced.isEmpty()) {
            return withModels(upright, reading, forced);
        }
        Optional<Script> script = Optional.of(upright.preparation().script()).filter(Script::isKnown);
        Page read = chosen(upright, reading, script, hint);
        if (examined && meanConfidence(read) < POOR_READING_CONFIDENCE && config.languages().size() > 1) {
            // Orientation detection may have mistaken the script (smudges, show-through) or not told
            // it: let the text decide among all the models, and keep the better reading.
            Page unguided = unguided(upright, reading);
            return meanConfidence(unguided) > meanConfidence(read) ? unguided : read;
        }
        return read;
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
    private Page withModels(Page upright, Function<List<Language>, List<Block>> reading, List<Language> models) {
        Page read = upright.withText(TextOrigin.OCR, models, reading.apply(models));
        if (models.size() == 1) {
            return read;
        }
        List<Language> languages = identifier.identify(read.text()).filter(models::contains).map(List::of).orElse(models);
        return read.withText(TextOrigin.OCR, languages, read.blocks());
    }

    /**
     * Reads the page with the likeliest of the candidate models (those of its script, when it is
     * known), then, when Tika finds its text in another candidate's language, with that one.
     */
    private Page chosen(Page upright, Function<List<Language>, List<Block>> reading, Optional<Script> script,
                        ReadingHint hint) {
        List<Language> candidates = script.map(this::modelsOfScript).filter(models -> !models.isEmpty())
                .orElse(config.languages());
        if (candidates.size() == 1) {
            return withModels(upright, reading, candidates);
        }
        Language likely = likeliest(candidates, script, hint);
        Page first = upright.withText(TextOrigin.OCR, List.of(likely), reading.apply(List.of(likely)));
        return withIdentifiedModel(upright, reading, first, candidates);
    }

    /**
     * Reads the page with every model at once, only to identify its language, then with that
     * language's model: the last resort for a page whose script is unknown or mistaken.
     */
    private Page unguided(Page upright, Function<List<Language>, List<Block>> reading) {
        List<Language> all = config.languages();
        return withIdentifiedModel(upright, reading, upright.withText(TextOrigin.OCR, all, reading.apply(all)), all);
    }

    /** The first reading, or the page read again with the model of the language Tika finds in it. */
    private Page withIdentifiedModel(Page upright, Function<List<Language>, List<Block>> reading, Page first,
                                     List<Language> candidates) {
        Optional<Language> identified = identifier.identify(first.text()).filter(candidates::contains);
        if (identified.isEmpty()) {
            return first;
        }
        Language model = identified.get();
        lastModel = model;
        if (model.script().isKnown()) {
            lastModelOfScript.put(model.script(), model);
        }
        if (first.languages().equals(List.of(model))) {
            return first;
        }
        secondReadings++;
        return upright.withText(TextOrigin.OCR, List.of(model), reading.apply(List.of(model)));
    }

    /**
     * The document's own latest page (of the script, when it is known) says best which language
     * comes next; else this thread's latest page; else the first configured language.
     */
    private Language likeliest(List<Language> candidates, Optional<Script> script, ReadingHint hint) {
        Language documents = script.isPresent() ? hint.modelFor(script.get()) : hint.model();
        Language threads = script.isPresent() ? lastModelOfScript.get(script.get()) : lastModel;
        return Stream.of(documents, threads).filter(Objects::nonNull).filter(candidates::contains)
                .findFirst().orElse(candidates.get(0));
    }

    /** The configured models written in a script; models of unknown script count for every script. */
    private List<Language> modelsOfScript(Script script) {
        return config.languages().stream()
                .filter(model -> !model.script().isKnown() || model.script().equals(script))
                .toList();
    }
}
