package org.workersarchive.ocr;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import net.sourceforge.lept4j.Pix;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.PagePreparation;
import org.workersarchive.core.Script;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

/**
 * Reads one page the way an archivist would set Tesseract up for it: the page turned upright and
 * straightened, then read with the one model of its language and script ({@link ModelChoice}). A
 * page is first read as it lies (or turned as its document's first pages were). Only a page that
 * reads poorly so is examined: Tesseract's orientation detection (which costs about as much as
 * reading a sparse page) turns it and tells its script, the page is read with the models of that
 * script and, if it still reads poorly, with the script left to the text in case OSD mistook it;
 * the best reading is kept. <b>Not thread-safe</b>: one per reading thread.
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

    /**
     * The x-height in pixels at or under which a page is read again scaled up, to {@link #TARGET_X_HEIGHT}
     * at most {@link #MAX_SCALE} times. Measured on the real pages: scaling helped pages of 11 to 12
     * pixels, did nothing for those of 20, and hurt when the target was higher (DEVELOPERS.md).
     */
    static final double SMALL_X_HEIGHT = 13;
    static final double TARGET_X_HEIGHT = 20;
    static final double MAX_SCALE = 3;

    /**
     * The band across the middle of a page that chooses its model when nothing else tells it: a
     * twentieth of the page (a few lines of a newspaper's columns), at least
     * {@value #SAMPLE_MIN_HEIGHT} pixels (five or six lines of a book at 300 dpi), which is hundreds
     * of letters where Tika needs {@value LanguageIdentifier#MIN_LETTERS}. Measured on the real
     * pages: DEVELOPERS.md.
     */
    static final double SAMPLE_FRACTION = 0.05;
    static final int SAMPLE_MIN_HEIGHT = 300;

    private final OcrConfig config;
    private final PagePreparer preparer;
    private final TesseractEngine engine;
    private final ModelChoice choice;
    private final CpuClock clock = new CpuClock();

    PageRecognizer(OcrConfig config) {
        this.config = config;
        this.preparer = new PagePreparer(config, clock);
        this.engine = new TesseractEngine(config);
        this.choice = new ModelChoice(config.languages());
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

    /**
     * A page not examined itself (read as it lay, or turned as its document's pages lie) is taken to
     * be in the script of the model that read it, which orientation detection chose where it was asked.
     */
    private static Page withScriptOfItsModel(Page read) {
        PagePreparation preparation = read.preparation();
        boolean examined = preparation.orientation() == PagePreparation.OrientationSource.DETECTED
                || preparation.orientation() == PagePreparation.OrientationSource.UNSURE;
        if (examined || read.languages().size() != 1) {
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
        return smallTextScaledUp(prepared, readAtItsSize(prepared, forced, hint, examined));
    }

    private Page readAtItsSize(PagePreparer.PreparedPage prepared, List<Language> forced, ReadingHint hint,
                               boolean examined) {
        Page upright = prepared.page();
        // Orientation detection's script: its examination's, or asked once, when a language's forms need it.
        Supplier<Script> seen = examined ? () -> upright.preparation().script()
                : once(() -> clock.charge(CpuClock.Library.TESSERACT, () -> preparer.scriptOf(prepared)));
        ModelChoice.Readable page = readable(upright, prepared.forReading(), 1, seen);
        if (!forced.isEmpty()) {
            return choice.withModels(page, forced);
        }
        Optional<Script> script = Optional.of(upright.preparation().script()).filter(Script::isKnown);
        Page read;
        if (hint.model() == null && config.languages().size() > 1) {
            // The document's first pages: nothing says which model is likely, so a band of the page
            // chooses it, and the whole page is read once instead of twice when the guess is wrong.
            Pix band = clock.charge(CpuClock.Library.LEPTONICA, () -> PageImageOps.middleBand(prepared.forReading(),
                    SAMPLE_FRACTION, SAMPLE_MIN_HEIGHT));
            try {
                read = choice.chosen(page, Optional.of(readable(upright, band, 1, seen)), script, hint);
            } finally {
                Pixes.destroy(band);
            }
        } else {
            read = choice.chosen(page, script, hint);
        }
        if (examined && meanConfidence(read) < POOR_READING_CONFIDENCE && config.languages().size() > 1) {
            // Orientation detection may have mistaken the script (smudges, show-through) or not told
            // it: let the text decide among all the models, and keep the better reading.
            Page unguided = choice.unguided(page);
            read = meanConfidence(unguided) > meanConfidence(read) ? unguided : read;
        }
        return read;
    }

    /**
     * The page read again at a larger size, when its small letters are less than
     * {@value #SMALL_X_HEIGHT} pixels tall (a page scanned or photographed at a low resolution, or in
     * small print), and that reads better; the boxes stay the kept image's.
     */
    private Page smallTextScaledUp(PagePreparer.PreparedPage prepared, Page read) {
        OptionalDouble xHeight = XHeight.of(read);
        if (xHeight.isEmpty() || xHeight.getAsDouble() > SMALL_X_HEIGHT || read.languages().isEmpty()) {
            return read;
        }
        double factor = Math.min(MAX_SCALE, Math.round(TARGET_X_HEIGHT / xHeight.getAsDouble() * 10) / 10.0);
        Pix larger = clock.charge(CpuClock.Library.LEPTONICA, () -> PageImageOps.scaled(prepared.forReading(), factor));
        try {
            Page upright = prepared.page().withPreparedImage(prepared.page().image(),
                    read.preparation().withScale(factor));
            Page reread = readable(upright, larger, factor, () -> read.preparation().script())
                    .readWith(read.languages());
            return meanConfidence(reread) > meanConfidence(read) ? reread : read;
        } finally {
            Pixes.destroy(larger);
        }
    }

    /** The page as read from the image, which is {@code scale} times the kept one. */
    private ModelChoice.Readable readable(Page upright, Pix image, double scale, Supplier<Script> seen) {
        int dpi = upright.image().dpi() > 0 ? upright.image().dpi() : config.defaultDpi();
        return new ModelChoice.Readable(upright, models -> clock.charge(CpuClock.Library.TESSERACT,
                () -> engine.read(image, scale, upright.number(), dpi, models)), seen);
    }

    /** A value computed at its first use only. */
    private static <T> Supplier<T> once(Supplier<T> value) {
        return new Supplier<>() {
            private T computed;

            @Override
            public T get() {
                if (computed == null) {
                    computed = value.get();
                }
                return computed;
            }
        };
    }

    private static double meanConfidence(Page read) {
        return ModelChoice.meanConfidence(read);
    }

    /** How many pages this recognizer read twice because the first model was the wrong one. */
    int secondReadings() {
        return choice.secondReadings();
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
}
