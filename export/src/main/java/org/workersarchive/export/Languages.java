package org.workersarchive.export;

import java.util.Map;

/** Tesseract's language names (ISO 639-2/B and -3) to the ISO 639-1 tags TEI's xml:lang uses. */
final class Languages {

    private static final Map<String, String> TAGS = Map.of("fra", "fr", "rus", "ru", "deu", "de", "eng", "en",
            "ukr", "uk", "ita", "it", "spa", "es", "pol", "pl");
    private static final Map<String, String> NAMES = Map.of("fr", "French", "ru", "Russian", "de", "German",
            "en", "English", "uk", "Ukrainian", "it", "Italian", "es", "Spanish", "pl", "Polish");

    private Languages() {
    }

    /** The xml:lang tag of a Tesseract language; unknown names pass as they are. */
    static String tag(String tesseractName) {
        return TAGS.getOrDefault(tesseractName, tesseractName);
    }

    static String name(String tag) {
        return NAMES.getOrDefault(tag, tag);
    }
}
