package org.workersarchive.core;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How far two texts of one page agree: the words of three letters or more (case, accents and
 * punctuation aside) that both hold, as a share of the larger of the two. Two readings of the same
 * page by different OCR agree at 0.7 to 0.95; a text layer of another page, or of another edition,
 * at 0.1 or less. Thread-safe.
 */
public final class TextAgreement {

    /** At or above this, a text layer agrees with a reading of its image. */
    public static final double AGREES = 0.5;

    private TextAgreement() {
    }

    /** The share of words the texts have in common, 0 to 1; 0 when either has no word. */
    public static double of(String first, String second) {
        Map<String, Integer> left = words(first);
        Map<String, Integer> right = words(second);
        int leftCount = left.values().stream().mapToInt(Integer::intValue).sum();
        int rightCount = right.values().stream().mapToInt(Integer::intValue).sum();
        if (leftCount == 0 || rightCount == 0) {
            return 0;
        }
        int common = 0;
        for (Map.Entry<String, Integer> word : left.entrySet()) {
            common += Math.min(word.getValue(), right.getOrDefault(word.getKey(), 0));
        }
        return common / (double) Math.max(leftCount, rightCount);
    }

    private static Map<String, Integer> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        Map<String, Integer> counts = new HashMap<>();
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts;
    }
}
