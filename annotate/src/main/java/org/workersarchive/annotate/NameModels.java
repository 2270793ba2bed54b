package org.workersarchive.annotate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.workersarchive.core.Language;

/**
 * Which name model reads which language: a page's {@link Language} (core's one table of Tesseract
 * models and BCP 47 tags) gives its ISO 639-1 code, and a model is named by that code ({@code fra},
 * {@code frk}, {@code deu_latf} and the Russian of before 1918 all find theirs). The bundled models
 * (French, German, English, Russian: see {@code names/NOTICE}) are read from the class path the
 * first time a text of their language asks for one. Thread-safe.
 */
public final class NameModels {

    /** The languages a model is shipped for, by ISO 639-1 code. */
    public static final List<String> BUNDLED_LANGUAGES = List.of("fr", "de", "en", "ru");
    private static final NameModels BUNDLED = new NameModels(NameModels::load);
    private static final NameModels NONE = new NameModels(language -> Optional.empty());

    private final Function<String, Optional<NameModel>> source;
    private final Map<String, Optional<NameModel>> loaded = new ConcurrentHashMap<>();

    private NameModels(Function<String, Optional<NameModel>> source) {
        this.source = source;
    }

    /** The models shipped in this module. */
    public static NameModels bundled() {
        return BUNDLED;
    }

    /** No models: the annotator finds only what the authority list, dates and signs give. */
    public static NameModels none() {
        return NONE;
    }

    /** The given models, each for its own language (a model just trained, to measure it). */
    public static NameModels of(List<NameModel> models) {
        Map<String, NameModel> byLanguage = new HashMap<>();
        models.forEach(model -> byLanguage.put(model.language(), model));
        return new NameModels(language -> Optional.ofNullable(byLanguage.get(language)));
    }

    /**
     * The models a setting names ({@code archive.name-models}): {@code bundled}, {@code none}, or a
     * folder of models as {@code ./archive train-ner --out} writes them ({@code fr.model.gz}…), each
     * read now so that a broken file is said before a run starts.
     *
     * @throws IllegalArgumentException naming the setting's value when it is none of these, or a file
     *                                  in the folder is no name model
     */
    public static NameModels ofSetting(String setting) {
        String value = setting == null ? "" : setting.strip();
        if (value.isEmpty() || value.equals("bundled")) {
            return bundled();
        }
        if (value.equals("none")) {
            return none();
        }
        Path folder = Path.of(value);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("name models: \"" + value + "\" is not bundled, none, or a folder of models");
        }
        List<NameModel> models = new ArrayList<>();
        for (String language : BUNDLED_LANGUAGES) {
            Path file = folder.resolve(Path.of(resource(language)).getFileName());
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    models.add(NameModel.read(in, file.toString()));
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read the name model " + file + ": " + e.getMessage(), e);
                }
            }
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("name models: " + folder + " holds no model (" + BUNDLED_LANGUAGES.stream()
                    .map(language -> language + ".model.gz").toList() + ")");
        }
        return of(models);
    }

    /** The ISO 639-1 code of the model for a language, or empty when no model reads it. */
    public static Optional<String> modelLanguage(Language language) {
        return language.isoCode().filter(BUNDLED_LANGUAGES::contains);
    }

    /**
     * The ISO 639-1 code of the model for a language as a person names it (a command's option): an
     * ISO 639-1 code ({@code fr}) or a Tesseract model's name ({@code fra}, {@code deu_latf}).
     *
     * @throws IllegalArgumentException when the code names no language a model reads
     */
    public static String modelLanguage(String code) {
        Optional<String> language = BUNDLED_LANGUAGES.contains(code) ? Optional.of(code)
                : Language.isModelName(code) ? modelLanguage(Language.ofModel(code)) : Optional.empty();
        return language.orElseThrow(() -> new IllegalArgumentException("no name model reads \"" + code
                + "\": name one of " + BUNDLED_LANGUAGES + " or a Tesseract model of their languages (fra, deu, eng, rus)"));
    }

    /** The model for a page's language, or empty when there is none. */
    public Optional<NameModel> forLanguage(Language language) {
        return modelLanguage(language).flatMap(this::forModelLanguage);
    }

    /** The model named by its ISO 639-1 code ({@link #BUNDLED_LANGUAGES}), or empty when there is none. */
    public Optional<NameModel> forModelLanguage(String isoCode) {
        return loaded.computeIfAbsent(isoCode, source);
    }

    /** The class-path resource a language's model is shipped as. */
    public static String resource(String language) {
        return "names/" + language + ".model.gz";
    }

    private static Optional<NameModel> load(String language) {
        String name = resource(language);
        try (InputStream in = NameModels.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(NameModel.read(in, name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled name model " + name, e);
        }
    }
}
