package org.workersarchive.ocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.workersarchive.core.Language;

/**
 * Tells which of the candidate languages a page's first reading is in, with Tika's language
 * detector (Optimaize n-gram profiles) restricted to those languages: a French page read with the
 * German model is still recognisably French. <b>Not thread-safe</b> (the detector keeps
 * the text it is given); one per reading thread.
 */
final class LanguageIdentifier {

    /** Below this many letters a reading says too little about its language. */
    static final int MIN_LETTERS = 40;

    private final Set<String> isoCodes = new LinkedHashSet<>();
    private final LanguageDetector detector;

    /** @param candidates the languages to tell apart; those without an ISO 639-1 code are never identified */
    LanguageIdentifier(List<Language> candidates) {
        candidates.forEach(model -> model.isoCode().ifPresent(isoCodes::add));
        detector = isoCodes.size() < 2 ? null : load(isoCodes);
    }

    /**
     * The ISO 639-1 code of the language the text is in, one of the candidates', when the detector
     * is reasonably certain; empty for short texts, unsure results, or when fewer than two
     * candidate languages can be told apart.
     */
    Optional<String> identify(String text) {
        if (detector == null || letters(text) < MIN_LETTERS) {
            return Optional.empty();
        }
        detector.reset();
        detector.addText(text);
        LanguageResult result = detector.detect();
        if (result.isUnknown() || !result.isReasonablyCertain()) {
            return Optional.empty();
        }
        return Optional.of(result.getLanguage()).filter(isoCodes::contains);
    }

    /** How many letters a text has: what says whether a reading is long enough to judge. */
    static long letters(String text) {
        return text.codePoints().filter(Character::isLetter).count();
    }

    private static LanguageDetector load(Set<String> isoCodes) {
        try {
            return new OptimaizeLangDetector().loadModels(isoCodes);
        } catch (IOException e) {
            throw new UncheckedIOException("Tika's language profiles cannot be loaded", e);
        }
    }
}
