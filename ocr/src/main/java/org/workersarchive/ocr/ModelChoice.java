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
 * likeliest first (the language of the document's latest page, else of this thread's), then, when
 * Tika finds the text of that reading in another language, or the page shows another form of it,
 * that one. A language may be configured in two forms ({@link Language#forms}): German in Antiqua
 * and in Fraktur, told apart by what orientation detection sees; Russian in today's spelling and
 * in that before 1918, told apart by the reading's own letters ({@link OldRussianSpelling}). One
 * model at a time reads better and faster than all of them at once: with several loaded,
 * Tesseract lets the first one claim words of the others. <b>Not thread-safe</b>: one per reading thread.
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

    /**
     * A prepared page, how to read it with given models (the blocks' boxes are the page's), and the
     * script orientation detection sees on it, asked only when a language's forms must be told apart.
     */
    record Readable(Page upright, Function<List<Language>, List<Block>> reading, Supplier<Script> seen) {

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
        List<Language> languages = identifier.identify(read.text())
                .flatMap(code -> models.stream().filter(model -> model.isoCode().equals(Optional.of(code))).findFirst())
                .map(List::of).orElse(models);
        return read.withText(TextOrigin.OCR, languages, read.blocks());
    }

    /**
     * Reads the page with the likeliest of the candidate models (those of its script, when it is
     * known), then with the model of the language and form it shows, when that is another.
     */
    Page chosen(Readable page, Optional<Script> script, ReadingHint hint) {
        return chosen(page, Optional.empty(), script, hint);
    }

    /**
     * The same, the first model guessed better on a sample of the page (a band of its lines) where
     * there is one: read with the likeliest model, the sample tells the page's language, and the
     * whole page is read first with a model of that language (the likeliest, if it is one; else the
     * form the page shows), where it would otherwise be read with the likeliest model and again with
     * the right one. The whole page's reading has the last word as without a sample: its language
     * identified again, its form told, and read again if that is another model.
     *
     * @param sample a band of the page, read like it
     */
    Page chosen(Readable page, Optional<Readable> sample, Optional<Script> script, ReadingHint hint) {
        List<Language> candidates = script.map(this::modelsOfScript).filter(models -> !models.isEmpty())
                .orElse(languages);
        if (candidates.size() == 1) {
            return withModels(page, candidates);
        }
        Language likely = likeliest(candidates, script, hint);
        Language first = sample.flatMap(band -> languageShownBy(band, page, likely, candidates)).orElse(likely);
        return withIdentifiedModel(page, page.readWith(List.of(first)), candidates);
    }

    /**
     * A model of the language a sample of the page is in: the likeliest, if it is one; else the form
     * the sample shows (in the script orientation detection sees on the whole page, which the reading
     * of the whole page asks anyway). Empty when the sample does not tell its language.
     */
    private Optional<Language> languageShownBy(Readable sample, Readable page, Language likely,
                                               List<Language> candidates) {
        Page read = sample.readWith(List.of(likely));
        List<Language> forms = identifier.identify(read.text()).map(iso -> formsOf(iso, candidates))
                .orElse(List.of());
        if (forms.isEmpty() || forms.contains(likely)) {
            return Optional.empty();
        }
        return Optional.of(formShown(forms, read, null, page.seen()));
    }

    private static List<Language> formsOf(String isoCode, List<Language> candidates) {
        return candidates.stream().filter(model -> model.isoCode().equals(Optional.of(isoCode))).toList();
    }

    /**
     * Reads the page with a model of every language at once (one form each), only to identify its
     * language, then with that language's model: the last resort for a page whose script is
     * unknown or mistaken.
     */
    Page unguided(Readable page) {
        List<Language> oneFormEach = languages.stream()
                .filter(language -> language.forms(languages).stream().noneMatch(form ->
                        languages.indexOf(form) < languages.indexOf(language)))
                .toList();
        return withIdentifiedModel(page, page.readWith(oneFormEach), languages);
    }

    /** How many pages were read again because the first model was not the page's language or form. */
    int secondReadings() {
        return secondReadings;
    }

    static double meanConfidence(Page read) {
        return read.meanConfidence().orElse(0);
    }

    /**
     * The first reading, or the page read again with the model of the language Tika finds in it,
     * in the form the page shows. A page first read in one script of its language and seen in the
     * other stays as it was read if that reads clearly better: orientation detection can mistake a
     * script. The spelling shows surely in the letters; the models' confidences do not tell it (rus
     * is as sure of its misreadings of ѣ as the Cyrillic model of its readings).
     */
    private Page withIdentifiedModel(Readable page, Page first, List<Language> candidates) {
        Language firstModel = first.languages().size() == 1 ? first.languages().get(0) : null;
        List<Language> forms = identifier.identify(first.text()).map(iso -> formsOf(iso, candidates))
                .orElse(List.of());
        if (forms.isEmpty()) {
            return first;
        }
        Language shown = formShown(forms, first, firstModel, page.seen());
        if (shown.equals(firstModel)) {
            return remembered(first);
        }
        secondReadings++;
        Page reread = page.readWith(List.of(shown));
        boolean otherScriptOfIt = firstModel != null && forms.contains(firstModel)
                && !firstModel.script().equals(shown.script());
        return otherScriptOfIt && meanConfidence(first) > meanConfidence(reread) + SCRIPT_MARGIN
                ? remembered(first) : remembered(reread);
    }

    /**
     * Of a language's configured forms, the one the page shows: in the spelling its reading's letters
     * show, in the script orientation detection sees (asked only if the forms differ in script); the
     * model it was read with, else the first configured, where nothing tells.
     */
    private static Language formShown(List<Language> forms, Page first, Language firstModel, Supplier<Script> seen) {
        List<Language> fitting = forms;
        if (fitting.stream().map(Language::oldSpelling).distinct().count() > 1) {
            boolean old = OldRussianSpelling.isOld(first.text());
            fitting = fitting.stream().filter(form -> form.oldSpelling() == old).toList();
        }
        if (fitting.stream().map(Language::script).distinct().count() > 1) {
            Script script = seen.get();
            List<Language> inScript = fitting.stream().filter(form -> form.script().equals(script)).toList();
            fitting = inScript.isEmpty() ? fitting : inScript;
        }
        return fitting.contains(firstModel) ? firstModel : fitting.get(0);
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
