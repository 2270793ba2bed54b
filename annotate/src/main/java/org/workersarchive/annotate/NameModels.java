package org.workersarchive.annotate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which name model reads which language: the one place that maps a language code (a Tesseract
 * model name such as fra, an ISO 639-1 or -2 code, a BCP 47 tag such as de-Latf) to a model. The
 * bundled models (French, German, English, Russian: see {@code names/NOTICE}) are read from the
 * class path the first time a text of their language asks for one. Thread-safe.
 */
public final class NameModels {

    /** Every code we accept, to the ISO 639-1 code a model is named by. */
    private static final Map<String, String> LANGUAGES = Map.ofEntries(
            Map.entry("fra", "fr"), Map.entry("fre", "fr"), Map.entry("fr", "fr"),
            Map.entry("deu", "de"), Map.entry("ger", "de"), Map.entry("de", "de"),
            Map.entry("eng", "en"), Map.entry("en", "en"),
            Map.entry("rus", "ru"), Map.entry("ru", "ru"));
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
     * The ISO 639-1 code of the model for a language code, or empty when no model reads it:
     * {@code fra}, {@code fr}, {@code fr-FR} and {@code deu_latf} all name a model.
     */
    public static Optional<String> modelLanguage(String code) {
        String base = code.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return Optional.ofNullable(LANGUAGES.get(base));
    }

    /** The model for a language code, or empty when there is none. */
    public Optional<NameModel> forLanguage(String code) {
        return modelLanguage(code).flatMap(language -> loaded.computeIfAbsent(language, source));
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
