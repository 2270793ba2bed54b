package org.workersarchive.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A language a page is read in: the Tesseract model that reads it, the BCP 47 tag a TEI gives it
 * ({@code xml:lang}, {@code langUsage}), the script its model reads and its English name. Parsed
 * once where a person names it (the command line, the configuration, a sidecar) from the model's
 * name, and carried as this value to the engines, the report and the TEI. The table below is the
 * only one in the pipeline that knows models.
 *
 * @param model  the Tesseract model's name ({@code fra}, {@code deu_latf}): it names
 *               {@code MODEL.traineddata} in tessdata, so it is a plain name ({@value #MODEL_NAME})
 * @param tag    the BCP 47 tag of the language as printed ({@code fr}, {@code de-Latf} for German
 *               in Fraktur); a model of no known language has its own name as its tag
 * @param script the script the model reads; {@link Script#UNKNOWN} for a model the table does not know
 * @param name   the language's English name, as a TEI's {@code langUsage} gives it
 * @param companions models Tesseract loads beside {@code model} to read this language better
 *               ({@code frk} is read with {@code frk+Fraktur}, measured on real Fraktur pages)
 */
public record Language(String model, String tag, Script script, String name, List<String> companions) {

    /** A Tesseract model's name: it names {@code NAME.traineddata}, so it may hold no path. */
    public static final String MODEL_NAME = "[A-Za-z_]{1,32}";

    private static final Pattern MODEL = Pattern.compile(MODEL_NAME);
    /** BCP 47's variant subtag for the Russian spelling of 1708 to 1917. */
    private static final String OLD_RUSSIAN_SPELLING = "petr1708";

    /** The models an archive of this kind meets, with their tags and scripts; any other is derived. */
    private static final Map<String, Language> KNOWN = table(
            known("fra", "fr", Script.LATIN, "French"), known("deu", "de", Script.LATIN, "German"),
            known("eng", "en", Script.LATIN, "English"), known("rus", "ru", Script.CYRILLIC, "Russian"),
            known("frk", "de-Latf", Script.FRAKTUR, "German (Fraktur)", "Fraktur"),
            known("deu_latf", "de-Latf", Script.FRAKTUR, "German (Fraktur)", "Fraktur"),
            // Tesseract's script models read every language written in their script.
            known("Latin", "und-Latn", Script.LATIN, "Latin script"),
            known("Fraktur", "und-Latf", Script.FRAKTUR, "Fraktur script"),
            // The Cyrillic script model reads Russian in the spelling before 1918 (і, and ѣ as a
            // hard or soft sign) far better than rus, which has no і; the archive's only Cyrillic
            // language is Russian, so here it stands for that: BCP 47's Petrine orthography.
            known("Cyrillic", "ru-petr1708", Script.CYRILLIC, "Russian (spelling before 1918)"),
            known("frm", "frm", Script.LATIN, "Middle French"), known("enm", "enm", Script.LATIN, "Middle English"),
            known("ita_old", "it", Script.LATIN, "Italian"), known("spa_old", "es", Script.LATIN, "Spanish"),
            known("srp_latn", "sr-Latn", Script.LATIN, "Serbian"), known("uzb_cyrl", "uz-Cyrl", Script.CYRILLIC, "Uzbek"),
            known("aze_cyrl", "az-Cyrl", Script.CYRILLIC, "Azerbaijani"));
    /** Models of languages written in Latin or Cyrillic, whose tags and names come from their ISO 639 codes. */
    private static final List<String> LATIN_MODELS = List.of("ita", "spa", "por", "nld", "pol", "ces", "slk", "slv",
            "hrv", "hun", "ron", "lat", "lit", "lav", "est", "fin", "swe", "nor", "dan", "isl", "tur", "cat", "eus",
            "glg", "gle", "sqi", "epo");
    /** Debian's packages of Tesseract's script models, which are named otherwise than language models. */
    private static final Map<String, String> SCRIPT_PACKAGES = Map.of("Fraktur", "tesseract-ocr-script-frak",
            "Latin", "tesseract-ocr-script-latn", "Cyrillic", "tesseract-ocr-script-cyrl");
    private static final List<String> CYRILLIC_MODELS = List.of("ukr", "bel", "bul", "mkd", "srp", "kaz", "kir",
            "mon", "tgk", "tat");

    public Language {
        if (model == null || !MODEL.matcher(model).matches()) {
            throw new IllegalArgumentException("not a Tesseract model name (" + MODEL_NAME + "): " + model);
        }
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(name, "name");
        companions = List.copyOf(companions);
        if (!companions.stream().allMatch(Language::isModelName)) {
            throw new IllegalArgumentException("not Tesseract model names: " + companions);
        }
    }

    /** A language read with its own model alone. */
    public Language(String model, String tag, Script script, String name) {
        this(model, tag, script, name, List.of());
    }

    /**
     * The language Tesseract's model of this name reads.
     *
     * @throws IllegalArgumentException when the name is no model's name ({@value #MODEL_NAME})
     */
    public static Language ofModel(String model) {
        Language known = KNOWN.get(model);
        if (known != null) {
            return known;
        }
        if (model == null || !MODEL.matcher(model).matches()) {
            throw new IllegalArgumentException("not a Tesseract model name (" + MODEL_NAME + "): " + model);
        }
        Script script = LATIN_MODELS.contains(model) ? Script.LATIN
                : CYRILLIC_MODELS.contains(model) ? Script.CYRILLIC : Script.UNKNOWN;
        Optional<String> iso = isoCode(model);
        String name = iso.map(code -> Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH)).orElse(model);
        return new Language(model, iso.orElse(model), script, name);
    }

    /** The languages of models named one after another, separated by commas or plus signs ({@code fra,rus+deu}). */
    public static List<Language> listOf(String models) {
        List<Language> languages = new ArrayList<>();
        for (String model : models.split("[,+]")) {
            if (!model.isBlank()) {
                languages.add(ofModel(model.strip()));
            }
        }
        return List.copyOf(languages);
    }

    /** Whether the text is a Tesseract model's name (fra, deu_latf), which can name no other file. */
    public static boolean isModelName(String text) {
        return text != null && MODEL.matcher(text).matches();
    }

    /**
     * The models Tesseract loads to read in these languages, as it takes several at once: each
     * language's model and its companions, {@code frk+Fraktur}.
     */
    public static String tesseractModels(List<Language> languages) {
        return languages.stream().flatMap(language -> language.modelFiles().stream()).distinct()
                .collect(Collectors.joining("+"));
    }

    /** The models this language is read with, its own first: each names a file of tessdata. */
    public List<String> modelFiles() {
        List<String> files = new ArrayList<>(List.of(model));
        files.addAll(companions);
        return files;
    }

    /**
     * The languages among {@code languages} that are this one in another script or spelling:
     * {@code frk} (German in Fraktur) for {@code deu}, {@code Cyrillic} (Russian before 1918) for
     * {@code rus}, and back. A page read in one of them may read better in another.
     */
    public List<Language> forms(List<Language> languages) {
        return languages.stream()
                .filter(language -> isoCode().isPresent() && language.isoCode().equals(isoCode())
                        && !language.tag().equals(tag))
                .toList();
    }

    /** Whether this is Russian in the spelling before 1918 (BCP 47's Petrine orthography variant). */
    public boolean oldSpelling() {
        return tag.endsWith("-" + OLD_RUSSIAN_SPELLING);
    }

    /** The Debian package that installs a model of this name into tessdata. */
    public static String debianPackage(String model) {
        String packaged = SCRIPT_PACKAGES.get(model);
        return packaged != null ? packaged : "tesseract-ocr-" + model.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The models' names, as the report and provenance list them. */
    public static List<String> models(List<Language> languages) {
        return languages.stream().map(Language::model).toList();
    }

    /**
     * The ISO 639-1 code of the language ({@code de} for {@code frk} too), without a script: what a
     * language identifier names it by; empty for a script model or a model of no known language.
     */
    public Optional<String> isoCode() {
        String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
        return primary.length() == 2 ? Optional.of(primary) : Optional.empty();
    }

    private static Optional<String> isoCode(String model) {
        String language = model.contains("_") ? model.substring(0, model.indexOf('_')) : model;
        return Arrays.stream(Locale.getISOLanguages())
                .filter(code -> Locale.forLanguageTag(code).getISO3Language().equals(language))
                .findFirst();
    }

    private static Map.Entry<String, Language> known(String model, String tag, Script script, String name,
                                                     String... companions) {
        return Map.entry(model, new Language(model, tag, script, name, List.of(companions)));
    }

    @SafeVarargs
    private static Map<String, Language> table(Map.Entry<String, Language>... entries) {
        return Map.ofEntries(entries);
    }

    @Override
    public String toString() {
        return model;
    }
}
