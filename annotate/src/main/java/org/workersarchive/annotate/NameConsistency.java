package org.workersarchive.annotate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One name, one reading within a text: where the model found a name ("Haig" a person), the same
 * pieces elsewhere in the block that it left unmarked are marked alike, with the same probability
 * (the model often sees a name's first mention, with its "maréchal" or "M.", and misses the bare
 * later ones). Only names with a capitalised piece of three letters or more are carried over, and
 * never onto pieces another name holds. Stateless.
 */
final class NameConsistency {

    private NameConsistency() {
    }

    /** The names found, and the other occurrences of their pieces, in reading order. */
    static List<NameModel.Found> extend(String[] pieces, List<NameModel.Found> found) {
        boolean[] taken = new boolean[pieces.length];
        found.forEach(f -> Arrays.fill(taken, f.start(), f.end(), true));
        List<NameModel.Found> all = new ArrayList<>(found);
        for (NameModel.Found name : found) {
            if (!carriesOver(pieces, name)) {
                continue;
            }
            int length = name.end() - name.start();
            for (int i = 0; i + length <= pieces.length; i++) {
                if (!taken[i] && same(pieces, name.start(), i, length) && free(taken, i, length)) {
                    all.add(new NameModel.Found(name.type(), i, i + length, name.probability()));
                    Arrays.fill(taken, i, i + length, true);
                }
            }
        }
        all.sort(Comparator.comparingInt(NameModel.Found::start));
        return all;
    }

    private static boolean carriesOver(String[] pieces, NameModel.Found name) {
        for (int i = name.start(); i < name.end(); i++) {
            String piece = pieces[i];
            if (piece.length() >= 3 && Character.isUpperCase(piece.charAt(0)) && piece.chars().allMatch(Character::isLetter)) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(String[] pieces, int a, int b, int length) {
        for (int k = 0; k < length; k++) {
            if (!pieces[a + k].equals(pieces[b + k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean free(boolean[] taken, int start, int length) {
        for (int k = start; k < start + length; k++) {
            if (taken[k]) {
                return false;
            }
        }
        return true;
    }
}
