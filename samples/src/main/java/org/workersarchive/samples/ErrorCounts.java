package org.workersarchive.samples;

import java.util.Locale;

/**
 * Character and word edits against the truth, summed over pages before dividing (micro averages),
 * so that long pages weigh as much as their text.
 */
record ErrorCounts(long charEdits, long chars, long wordEdits, long words) {

    static final ErrorCounts NONE = new ErrorCounts(0, 0, 0, 0);

    /** The edits that turn {@code read} into {@code expected}, and the size of the truth. */
    static ErrorCounts of(String expected, String read) {
        return new ErrorCounts(TextMetrics.charEdits(expected, read), TextMetrics.normalize(expected).length(),
                TextMetrics.wordEdits(expected, read), TextMetrics.words(expected).size());
    }

    ErrorCounts plus(ErrorCounts other) {
        return new ErrorCounts(charEdits + other.charEdits, chars + other.chars, wordEdits + other.wordEdits,
                words + other.words);
    }

    /** "CER% / WER%", as the benchmark tables print them. */
    String rates() {
        return String.format(Locale.ROOT, "%.2f%% / %.2f%%", 100.0 * charEdits / Math.max(1, chars),
                100.0 * wordEdits / Math.max(1, words));
    }
}
