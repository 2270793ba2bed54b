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
 * @param longS          how the long s and r rotunda of Fraktur are transcribed
 */
public record OcrConfig(Path tessdataDir, List<Language> languages, LanguageChoice languageChoice, int defaultDpi,
                        Thresholding thresholding, LongS longS) {

    static final Path DEBIAN_TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");
    /**
     * The languages of the archive's material, by their models: German twice, in Antiqua and in
     * Fraktur, and Russian twice, in today's spelling and in that before 1918.
     */
    public static final String DEFAULT_LANGUAGES = "fra,rus,deu,eng,frk,Cyrillic";

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
        Objects.requireNonNull(longS, "longS");
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one OCR language is needed");
        }
        for (Language language : languages) {
            language.modelFiles().forEach(model -> requireModel(tessdataDir, model));
        }
        requireModel(tessdataDir, "osd");
        if (defaultDpi < 70 || defaultDpi > 2400) {
            throw new IllegalArgumentException("default dpi out of 70..2400: " + defaultDpi);
        }
    }

    /**
     * The archive's languages chosen per page ({@link #DEFAULT_LANGUAGES}); at 300 dpi, with Debian's models, the thresholding that measured best on the
     * benchmark pages and Fraktur's long s transcribed as s.
     */
    public static OcrConfig defaults() {
        String prefix = System.getenv("TESSDATA_PREFIX");
        Path tessdata = prefix == null || prefix.isBlank() ? DEBIAN_TESSDATA : Path.of(prefix);
        return new OcrConfig(tessdata, Language.listOf(DEFAULT_LANGUAGES), LanguageChoice.PER_PAGE, 300,
                Thresholding.AUTO, LongS.MODERN);
    }

    public OcrConfig withLongS(LongS newLongS) {
        return new OcrConfig(tessdataDir, languages, languageChoice, defaultDpi, thresholding, newLongS);
    }

    public OcrConfig withLanguages(List<Language> newLanguages, LanguageChoice newChoice) {
        return new OcrConfig(tessdataDir, newLanguages, newChoice, defaultDpi, thresholding, longS);
    }

    public OcrConfig withThresholding(Thresholding newThresholding) {
        return new OcrConfig(tessdataDir, languages, languageChoice, defaultDpi, newThresholding, longS);
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
                    + " is missing (Debian package " + Language.debianPackage(language) + ")");
        }
    }
}
