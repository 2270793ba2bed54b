package org.workersarchive.annotate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.workersarchive.core.EntityType;

/**
 * One name, one reading within a text: where the model found a name ("Haig" a person), the same
 * pieces elsewhere in the block that it left unmarked are marked alike, with the same probability
 * (the model often sees a name's first mention, with its "maréchal" or "M.", and misses the bare
 * later ones). Only names with a capitalised piece of three letters or more are carried over, and
 * never onto pieces another name holds; a person's surname is carried over alone as well
 * ("Morinigo" after "General Higinio Morinigo"). Stateless.
 */
final class NameConsistency {

    private NameConsistency() {
    }

    /** The names found, and the other occurrences of their pieces and persons' surnames, in reading order. */
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
        markSurnames(pieces, all, taken);
        all.sort(Comparator.comparingInt(NameModel.Found::start));
        return all;
    }

    /**
     * A person's surname, once the model found it after a given name or a title ("General Higinio
     * Morinigo"), marks the person where it stands alone and unmarked in the block. Where the model
     * marked it as another type, it stays so: retyping them lost more places (a town that names a
     * family, "Graf von Chambord") than it gained persons on the held-out documents.
     */
    private static void markSurnames(String[] pieces, List<NameModel.Found> all, boolean[] taken) {
        Map<String, NameModel.Found> surnames = new HashMap<>();
        for (NameModel.Found name : all) {
            String last = pieces[name.end() - 1];
            if (name.type() == EntityType.PERSON && name.end() - name.start() >= 2
                    && isCapitalisedWord(last) && !NameTitles.isTitle(last) && onlyNameWords(pieces, name)) {
                surnames.putIfAbsent(last, name);
            }
        }
        for (int i = 0; i < pieces.length; i++) {
            NameModel.Found person = surnames.get(pieces[i]);
            if (person != null && !taken[i]) {
                all.add(new NameModel.Found(person.type(), i, i + 1, person.probability()));
            }
        }
    }

    /** A name of capitalised words, titles and initials' full stops only: no description ("der Präsident der …"). */
    private static boolean onlyNameWords(String[] pieces, NameModel.Found name) {
        for (int i = name.start(); i < name.end(); i++) {
            String piece = pieces[i];
            if (!piece.equals(".") && !NameTitles.isTitle(piece) && !Character.isUpperCase(piece.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCapitalisedWord(String piece) {
        return piece.length() >= 3 && Character.isUpperCase(piece.charAt(0)) && piece.chars().allMatch(Character::isLetter);
    }

    private static boolean carriesOver(String[] pieces, NameModel.Found name) {
        for (int i = name.start(); i < name.end(); i++) {
            if (isCapitalisedWord(pieces[i])) {
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
