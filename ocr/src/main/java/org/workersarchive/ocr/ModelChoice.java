package org.workersarchive.ocr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.workersarchive.core.Block;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.Script;
import org.workersarchive.core.TextOrigin;

/**
 * Chooses the model a page is read with, among the configured languages, and reads it: the
 * likeliest first (the language of the document's latest page, else of this thread's), then the
 * one whose language Tika finds in that reading, when it was another; then, for a language
 * configured in two forms (German in Antiqua and in Fraktur, Russian in today's spelling and in
 * that before 1918), the model of the form the page shows, when that reads it better. One model at a time reads
 * better and faster than all of them at once: with several loaded, Tesseract lets the first one
 * claim words of the others. <b>Not thread-safe</b>: one per reading thread.
 */
final class ModelChoice {

    /**
     * How much better a page must read in the script it was first read in to stay so when orientation
     * detection sees the other: on real pages, Fraktur read with the Fraktur models scores 13 points
     * and more above the German model, Antiqua read with them 5 to 20 below (DEVELOPERS.md).
     */
    static final double SCRIPT_MARGIN = 5;

    private final List<Language> languages;
    private final LanguageIdentifier identifier;
    /** The model the last page of each script was read with: the likeliest for the next one. */
    private final Map<Script, Language> lastModelOfScript = new HashMap<>();
    /** The model the last page was read with, whatever its script. */
    private Language lastModel;
    private int secondReadings;

    /** @param languages the languages a page may be read in, as configured */
    ModelChoice(List<Language> languages) {
        this.languages = List.copyOf(languages);
        this.identifier = new LanguageIdentifier(languages);
    }

    /** A prepared page, and how to read it with given models; the blocks' boxes are the page's. */
    record Readable(Page upright, Function<List<Language>, List<Block>> reading) {

        Page readWith(List<Language> models) {
            return upright.withText(TextOrigin.OCR, models, reading.apply(models));
        }
    }

    /**
     * Reads with the given models; the page's language is identified among them when there are several.
     */
    Page withModels(Readable page, List<Language> models) {
        Page read = page.readWith(models);
        if (models.size() == 1) {
            return read;
        }
        List<Language> languages = identified(read.text(), models, null).map(List::of).orElse(models);
        return read.withText(TextOrigin.OCR, languages, read.blocks());
    }

    /**
     * Reads the page with the likeliest of the candidate models (those of its script, when it is
     * known), then, when Tika finds its text in another candidate's language, with that one.
     */
    Page chosen(Readable page, Optional<Script> script, ReadingHint hint) {
        List<Language> candidates = script.map(this::modelsOfScript).filter(models -> !models.isEmpty())
                .orElse(languages);
        if (candidates.size() == 1) {
            return withModels(page, candidates);
        }
        Language likely = likeliest(candidates, script, hint);
        return withIdentifiedModel(page, page.readWith(List.of(likely)), candidates);
    }

    /**
     * Reads the page with a model of every language at once, only to identify its language, then
     * with that language's model: the last resort for a page whose script is unknown or mistaken.
     * A language's other forms (Fraktur, the old spelling) are left to {@link #formChecked}.
     */
    Page unguided(Readable page) {
        List<Language> oneFormEach = languages.stream()
                .filter(language -> language.forms(languages).stream().noneMatch(form ->
                        languages.indexOf(form) < languages.indexOf(language)))
                .toList();
        return withIdentifiedModel(page, page.readWith(oneFormEach), languages);
    }

    /**
     * The reading kept once the page's form was looked at: when its language is configured in
     * another script or spelling too ({@link Language#forms}: German in Antiqua and Fraktur, Russian
     * in today's spelling and in that before 1918), and the page shows that form, the page read in
     * it. Orientation detection tells Fraktur from Antiqua, and the reading in the script it sees is
     * kept unless the other reads clearly better; the reading's own letters tell the old Russian
     * spelling from today's ({@link OldRussianSpelling}).
     *
     * @param seen the script orientation detection sees on the page, asked only for a language in two scripts
     */
    Page formChecked(Readable page, Page read, Supplier<Script> seen) {
        if (read.languages().size() != 1) {
            return read;
        }
        Language language = read.languages().get(0);
        List<Language> forms = language.forms(languages);
        if (forms.isEmpty()) {
            return read;
        }
        Optional<Language> shown = forms.stream().filter(form -> form.script().equals(language.script())
                ? OldRussianSpelling.isOld(read.text()) == form.oldSpelling()
                : form.script().equals(seen.get())).findFirst();
        if (shown.isEmpty()) {
            return read;
        }
        secondReadings++;
        Page reread = page.readWith(List.of(shown.get()));
        // The spelling shows in the letters, surely; the models' confidences do not tell it (rus is as
        // sure of its misreadings of ѣ as the Cyrillic model of its readings). Orientation detection
        // can mistake a script: a reading clearly better in the first script overrules it.
        boolean sure = shown.get().script().equals(language.script());
        return sure || meanConfidence(reread) + SCRIPT_MARGIN >= meanConfidence(read) ? remembered(reread) : read;
    }

    /** How many pages were read again because the first model was not the page's language or script. */
    int secondReadings() {
        return secondReadings;
    }

    static double meanConfidence(Page read) {
        return read.meanConfidence().orElse(0);
    }

    /** The first reading, or the page read again with the model of the language Tika finds in it. */
    private Page withIdentifiedModel(Readable page, Page first, List<Language> candidates) {
        Language firstModel = first.languages().size() == 1 ? first.languages().get(0) : null;
        Optional<Language> identified = identified(first.text(), candidates, firstModel);
        if (identified.isEmpty()) {
            return first;
        }
        if (identified.get().equals(firstModel)) {
            return remembered(first);
        }
        secondReadings++;
        return remembered(page.readWith(List.of(identified.get())));
    }

    /**
     * The candidate whose language the text is in: the model it was read with when that is of the
     * language (German read in Fraktur stays so), else the first candidate of it.
     */
    private Optional<Language> identified(String text, List<Language> candidates, Language readWith) {
        return identifier.identify(text).flatMap(code -> readWith != null && readWith.isoCode().equals(Optional.of(code))
                ? Optional.of(readWith)
                : candidates.stream().filter(model -> model.isoCode().equals(Optional.of(code))).findFirst());
    }

    /** The page, with its model remembered as the likeliest for this thread's next page of its script. */
    private Page remembered(Page read) {
        Language model = read.languages().get(0);
        lastModel = model;
        if (model.script().isKnown()) {
            lastModelOfScript.put(model.script(), model);
        }
        return read;
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
        return languages.stream()
                .filter(model -> !model.script().isKnown() || model.script().equals(script))
                .toList();
    }
}
