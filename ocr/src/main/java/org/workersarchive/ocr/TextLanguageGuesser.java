package org.workersarchive.ocr;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells which of the archive's languages a page's text is in: Russian by its script, French,
 * German and English by their most frequent short words, which survive OCR well. Tesseract itself
 * cannot tell: with several models loaded it credits most words to the first one.
 * Thread-safe.
 */
final class TextLanguageGuesser {

    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "fra", Set.of("le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "à", "en", "que",
                    "qui", "dans", "pour", "pas", "sur", "au", "aux", "il", "ne", "par", "nous", "ont"),
            "deu", Set.of("der", "die", "das", "und", "ist", "nicht", "den", "dem", "von", "zu", "mit", "sich",
                    "des", "auf", "für", "ein", "eine", "im", "sind", "wir", "auch", "es", "am"),
            "eng", Set.of("the", "and", "of", "to", "is", "that", "for", "it", "was", "with", "as", "by",
                    "on", "are", "this", "be", "from", "or", "have", "has", "not", "their", "we"));
    /** Share of letters in Cyrillic script above which a text is Russian. */
    private static final double CYRILLIC_SHARE = 0.5;

    private TextLanguageGuesser() {
    }

    /**
     * The text's language among those a page was read with, or empty when the text gives no sign
     * (too short, or no function word of any candidate).
     *
     * @param candidates Tesseract language names (fra, rus, deu, eng); others are never guessed
     */
    static Optional<String> guess(String text, List<String> candidates) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long cyrillic = text.codePoints()
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC).count();
        if (letters > 0 && cyrillic > CYRILLIC_SHARE * letters) {
            return candidates.contains("rus") ? Optional.of("rus") : Optional.empty();
        }
        String best = null;
        int bestHits = 0;
        for (String language : candidates) {
            int hits = hits(text, FUNCTION_WORDS.getOrDefault(language, Set.of()));
            if (hits > bestHits) {
                best = language;
                bestHits = hits;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int hits(String text, Set<String> words) {
        int hits = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (words.contains(word)) {
                hits++;
            }
        }
        return hits;
    }
}
