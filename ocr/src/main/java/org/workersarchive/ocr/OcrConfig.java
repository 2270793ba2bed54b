package org.workersarchive.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the OCR stage.
 *
 * @param tessdataDir where the Tesseract models ({@code LANG.traineddata}) are
 * @param languages   the models to read with, in Tesseract's names (fra, rus, deu, eng); not empty
 * @param defaultDpi  the resolution assumed for an image that does not state its own
 */
public record OcrConfig(Path tessdataDir, List<String> languages, int defaultDpi) {

    static final Path DEBIAN_TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");

    public OcrConfig {
        Objects.requireNonNull(tessdataDir, "tessdataDir");
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one OCR language is needed");
        }
        for (String language : languages) {
            if (!language.matches("[A-Za-z_]+")) {
                throw new IllegalArgumentException("not a Tesseract language name: '" + language + "'");
            }
            if (!Files.isRegularFile(tessdataDir.resolve(language + ".traineddata"))) {
                throw new IllegalArgumentException("no Tesseract model for '" + language + "': "
                        + tessdataDir.resolve(language + ".traineddata") + " is missing (Debian package tesseract-ocr-"
                        + language.toLowerCase().replace('_', '-') + ")");
            }
        }
        if (defaultDpi < 70 || defaultDpi > 2400) {
            throw new IllegalArgumentException("default dpi out of 70..2400: " + defaultDpi);
        }
    }

    /** The archive's languages (French, Russian, German, English) at 300 dpi, with Debian's models. */
    public static OcrConfig defaults() {
        String prefix = System.getenv("TESSDATA_PREFIX");
        Path tessdata = prefix == null || prefix.isBlank() ? DEBIAN_TESSDATA : Path.of(prefix);
        return new OcrConfig(tessdata, List.of("fra", "rus", "deu", "eng"), 300);
    }

    public OcrConfig withLanguages(List<String> newLanguages) {
        return new OcrConfig(tessdataDir, newLanguages, defaultDpi);
    }
}
