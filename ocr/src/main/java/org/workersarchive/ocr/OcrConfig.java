package org.workersarchive.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.workersarchive.core.Language;

/**
 * Settings of the OCR stage.
 *
 * @param tessdataDir    where the Tesseract models ({@code LANG.traineddata}) are
 * @param languages      the languages a page may be read in, each with its Tesseract model; not empty
 * @param languageChoice {@link LanguageChoice#PER_PAGE}: each page is read with the model of its own script and
 *                       language, chosen among {@code languages}; {@link LanguageChoice#FIXED}: every page is read
 *                       with all of {@code languages} at once, as the user forced them
 * @param defaultDpi     the resolution assumed for an image that does not state its own
 * @param thresholding   how pages are made black and white for reading
 */
public record OcrConfig(Path tessdataDir, List<Language> languages, LanguageChoice languageChoice, int defaultDpi,
                        Thresholding thresholding) {

    static final Path DEBIAN_TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");

    /** How the models for a page are chosen. */
    public enum LanguageChoice {
        /** By the page's script (orientation detection) and the language of a first reading. */
        PER_PAGE,
        /** All configured models for every page, as forced by the user. */
        FIXED;

        public static LanguageChoice ofLabel(String label) {
            return switch (label) {
                case "per-page" -> PER_PAGE;
                case "fixed" -> FIXED;
                default -> throw new IllegalArgumentException("language choice must be per-page or fixed, not '"
                        + label + "'");
            };
        }
    }

    public OcrConfig {
        Objects.requireNonNull(tessdataDir, "tessdataDir");
        Objects.requireNonNull(languageChoice, "languageChoice");
        Objects.requireNonNull(thresholding, "thresholding");
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one OCR language is needed");
        }
        for (Language language : languages) {
            requireModel(tessdataDir, language.model());
        }
        requireModel(tessdataDir, "osd");
        if (defaultDpi < 70 || defaultDpi > 2400) {
            throw new IllegalArgumentException("default dpi out of 70..2400: " + defaultDpi);
        }
    }

    /**
     * The archive's languages (French, Russian, German, English) chosen per page, at 300 dpi, with
     * Debian's models and the thresholding that measured best on the benchmark pages.
     */
    public static OcrConfig defaults() {
        String prefix = System.getenv("TESSDATA_PREFIX");
        Path tessdata = prefix == null || prefix.isBlank() ? DEBIAN_TESSDATA : Path.of(prefix);
        return new OcrConfig(tessdata, Language.listOf("fra,rus,deu,eng"), LanguageChoice.PER_PAGE, 300,
                Thresholding.AUTO);
    }

    public OcrConfig withLanguages(List<Language> newLanguages, LanguageChoice newChoice) {
        return new OcrConfig(tessdataDir, newLanguages, newChoice, defaultDpi, thresholding);
    }

    public OcrConfig withThresholding(Thresholding newThresholding) {
        return new OcrConfig(tessdataDir, languages, languageChoice, defaultDpi, newThresholding);
    }

    /**
     * @throws IllegalArgumentException when the name is not a model's (it names a file in tessdata,
     *                                  so "../x" would name one anywhere) or its model is missing
     */
    static void requireModel(Path tessdataDir, String language) {
        if (!Language.isModelName(language)) {
            throw new IllegalArgumentException("not a Tesseract language name: '" + language + "'");
        }
        Path model = tessdataDir.resolve(language + ".traineddata");
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("no Tesseract model for '" + language + "': " + model
                    + " is missing (Debian package tesseract-ocr-" + language.toLowerCase().replace('_', '-') + ")");
        }
    }
}
