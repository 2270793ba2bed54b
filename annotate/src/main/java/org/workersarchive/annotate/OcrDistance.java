package org.workersarchive.annotate;

import java.util.Map;
import java.util.Set;

/**
 * An edit distance between two normalised words that knows how OCR errs: letters it confuses
 * (e↔c, l↔i↔1, o↔0, u↔n, …) cost less than other substitutions, and so do the pairs it reads as
 * one letter or one letter as a pair (rn↔m, cl↔d, vv↔w, li↔h, ii↔п, ri↔n). How far a word may be
 * from a name grows with its length: short words must match exactly, so that a common short word
 * never becomes a name. Stateless; thread-safe.
 */
final class OcrDistance {

    /** A confusion OCR commonly makes costs this instead of 1. */
    static final double CONFUSION = 0.4;
    /** Names shorter than this match only exactly (after normalisation and inflection). */
    static final int MIN_FUZZY_LENGTH = 5;

    private static final Set<String> CONFUSED_LETTERS = Set.of(
            "ce", "il", "i1", "l1", "o0", "un", "hb", "ao", "ft", "s5", "b8", "gq", "vy", "ij", "mn", "ec",
            "éc", "ие", "шщ", "ил", "нп", "ьъ", "ыь", "зэ", "ое", "ао", "иn", "тг");
    /** Two letters OCR reads as one, and the one. */
    static final Map<String, Character> CONFUSED_PAIRS = Map.of(
            "rn", 'm', "cl", 'd', "vv", 'w', "li", 'h', "ii", 'п', "ri", 'n', "in", 'm', "iu", 'ш', "ьi", 'ы',
            "bl", 'ы');

    private OcrDistance() {
    }

    /**
     * The most a word of this many letters may differ from a name: nothing under 5 letters; under 8,
     * two OCR confusions but no other edit (so that "Parts" never becomes Paris); 1.4 under 12;
     * else 2.
     */
    static double allowed(int length) {
        if (length < MIN_FUZZY_LENGTH) {
            return 0;
        }
        return length < 8 ? 2 * CONFUSION : length < 12 ? 1.4 : 2;
    }

    /** The weighted distance, or a value above {@code limit} as soon as it is certain to exceed it. */
    static double between(String a, String b, double limit) {
        if (Math.abs(a.length() - b.length()) > limit + 1) {
            return limit + 1;
        }
        double[] beforeLast = null;
        double[] last = firstColumn(a.length());
        for (int j = 1; j <= b.length(); j++) {
            double[] next = new double[a.length() + 1];
            if (nextColumn(a, b, j, beforeLast, last, next) > limit) {
                return limit + 1;
            }
            beforeLast = last;
            last = next;
        }
        return last[a.length()];
    }

    /** The column of the edit-distance table before any letter of the second word: 0, 1, 2, … */
    static double[] firstColumn(int length) {
        double[] column = new double[length + 1];
        for (int i = 0; i <= length; i++) {
            column[i] = i;
        }
        return column;
    }

    /**
     * Fills the column for the j-th letter of {@code b} (1-based) from the two before it, aligning
     * all of {@code a}; returns the column's smallest value, a lower bound of every longer alignment.
     */
    static double nextColumn(CharSequence a, CharSequence b, int j, double[] beforeLast, double[] last,
                             double[] next) {
        char y = b.charAt(j - 1);
        next[0] = j;
        double smallest = next[0];
        for (int i = 1; i <= a.length(); i++) {
            char x = a.charAt(i - 1);
            double best = Math.min(last[i] + 1, next[i - 1] + 1);
            best = Math.min(best, last[i - 1] + substitution(x, y));
            if (i >= 2 && pairIs(a.charAt(i - 2), x, y)) {
                best = Math.min(best, last[i - 2] + CONFUSION);
            }
            if (j >= 2 && beforeLast != null && pairIs(b.charAt(j - 2), y, x)) {
                best = Math.min(best, beforeLast[i - 1] + CONFUSION);
            }
            next[i] = best;
            smallest = Math.min(smallest, best);
        }
        return smallest;
    }

    static double substitution(char x, char y) {
        if (x == y) {
            return 0;
        }
        return CONFUSED_LETTERS.contains("" + x + y) || CONFUSED_LETTERS.contains("" + y + x) ? CONFUSION : 1;
    }

    private static boolean pairIs(char first, char second, char single) {
        Character one = CONFUSED_PAIRS.get("" + first + second);
        return one != null && one == single;
    }
}
