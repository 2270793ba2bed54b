package org.workersarchive.samples;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

/**
 * Character and word error rates, the measures OCR is judged by: the edit (Levenshtein) distance
 * between the truth and what was read, divided by the truth's length. Whitespace is compared as
 * single spaces, so that line breaks and page breaks only count once.
 */
public final class TextMetrics {

    private TextMetrics() {
    }

    /** Character error rate: character edits / characters of the truth (0 when both are empty). */
    public static double cer(String truth, String hypothesis) {
        return ratio(charEdits(truth, hypothesis), normalize(truth).length());
    }

    /** Word error rate: word edits / words of the truth. */
    public static double wer(String truth, String hypothesis) {
        return ratio(wordEdits(truth, hypothesis), words(truth).size());
    }

    public static int charEdits(String truth, String hypothesis) {
        int[] a = normalize(truth).codePoints().toArray();
        int[] b = normalize(hypothesis).codePoints().toArray();
        return distance(a.length, b.length, (i, j) -> a[i] == b[j]);
    }

    public static int wordEdits(String truth, String hypothesis) {
        List<String> a = words(truth);
        List<String> b = words(hypothesis);
        return distance(a.size(), b.size(), (i, j) -> a.get(i).equals(b.get(j)));
    }

    /** NFC, and every run of whitespace (form feeds included) as one space, trimmed. */
    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    static List<String> words(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }

    private static double ratio(int edits, int length) {
        return length == 0 ? (edits == 0 ? 0 : 1) : (double) edits / length;
    }

    /** Levenshtein distance in two rows of memory. */
    private static int distance(int n, int m, Same same) {
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            for (int j = 1; j <= m; j++) {
                int substitution = previous[j - 1] + (same.at(i - 1, j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[m];
    }

    @FunctionalInterface
    private interface Same {
        boolean at(int i, int j);
    }
}
