package org.workersarchive.ocr;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.BuiltInLanguages;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.workersarchive.core.Language;

/**
 * Tells which of the candidate languages a page's first reading is in, with the Optimaize n-gram
 * language detector that Tika wraps, restricted to those languages: a French page read with the
 * German model is still recognisably French. The detector is built as Tika's
 * {@code OptimaizeLangDetector} builds it (standard n-grams, the short-text algorithm under 30
 * characters; "reasonably certain" above a probability of 0.9), but from the candidates' profiles
 * alone: Tika's class reads all 71 built-in profiles and builds a detector of them when it is first
 * loaded, a second of CPU in every engine process that starts, for a detector it never uses here.
 * One per reading thread: {@link ModelChoice} makes it.
 */
final class LanguageIdentifier {

    /** Below this many letters a reading says too little about its language. */
    static final int MIN_LETTERS = 40;
    /** Tika's confidence threshold: above it a language is "reasonably certain". */
    private static final double CERTAIN = 0.9;
    /** Tika's limit for the short-text algorithm. */
    private static final int SHORT_TEXT = 30;

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
        // The space Tika's detector pads each text it is given with.
        List<DetectedLanguage> found = detector.getProbabilities(text + " ");
        if (found.isEmpty() || !(found.get(0).getProbability() > CERTAIN)) {
            return Optional.empty();
        }
        return Optional.of(found.get(0).getLocale().toString()).filter(isoCodes::contains);
    }

    /** How many letters a text has: what says whether a reading is long enough to judge. */
    static long letters(String text) {
        return text.codePoints().filter(Character::isLetter).count();
    }

    private static LanguageDetector load(Set<String> isoCodes) {
        List<LdLocale> locales = BuiltInLanguages.getLanguages().stream()
                .filter(locale -> isoCodes.contains(locale.toString())).toList();
        try {
            return LanguageDetectorBuilder.create(NgramExtractors.standard()).shortTextAlgorithm(SHORT_TEXT)
                    .withProfiles(new LanguageProfileReader().readBuiltIn(locales)).build();
        } catch (IOException e) {
            throw new UncheckedIOException("the language profiles cannot be loaded", e);
        }
    }
}
