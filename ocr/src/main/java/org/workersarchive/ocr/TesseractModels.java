package org.workersarchive.ocr;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the pipeline needs to know of a Tesseract model beyond its name: the script it reads and
 * the ISO 639-1 code of its language, by which the language identifier names it.
 */
final class TesseractModels {

    static final String LATIN = "Latin";
    static final String CYRILLIC = "Cyrillic";

    /** Tesseract's models for languages written in Cyrillic (names as in tessdata). */
    private static final Set<String> CYRILLIC_MODELS = Set.of(
            "rus", "ukr", "bel", "bul", "mkd", "srp", "kaz", "kir", "mon", "tgk", "tat", "uzb_cyrl", "aze_cyrl");
    /** Models of Latin-script languages: the European languages an archive of this kind meets. */
    private static final Set<String> LATIN_MODELS = Set.of(
            "fra", "deu", "eng", "ita", "spa", "por", "nld", "pol", "ces", "slk", "slv", "hrv", "hun", "ron",
            "lat", "lit", "lav", "est", "fin", "swe", "nor", "dan", "isl", "tur", "cat", "eus", "glg", "gle",
            "sqi", "srp_latn", "deu_latf", "frk", "frm", "enm", "ita_old", "spa_old", "epo", "yid_latn");

    private TesseractModels() {
    }

    /** The script of a model, {@code Latin} or {@code Cyrillic}; empty for any other or unknown script. */
    static Optional<String> script(String model) {
        if (CYRILLIC_MODELS.contains(model)) {
            return Optional.of(CYRILLIC);
        }
        return LATIN_MODELS.contains(model) ? Optional.of(LATIN) : Optional.empty();
    }

    /** The ISO 639-1 code of a model's language ({@code fra} → {@code fr}); empty when it has none. */
    static Optional<String> isoCode(String model) {
        String language = model.contains("_") ? model.substring(0, model.indexOf('_')) : model;
        for (String code : Locale.getISOLanguages()) {
            if (Locale.forLanguageTag(code).getISO3Language().equals(language)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
