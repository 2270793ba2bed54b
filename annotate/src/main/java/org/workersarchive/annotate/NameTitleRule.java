package org.workersarchive.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.workersarchive.core.EntityType;

/**
 * A person's name takes in the titles before it, as HIPE's annotators mark them ("maréchal
 * Haig", "M. le président Doumer", "Kaiser Alexander"): the model finds the name and often leaves
 * the title out, rare as each title is in its training data. Going back from a person's first
 * piece: a title ({@link NameTitles}) is taken, with the full stop after an abbreviated one
 * ("M ."), and an article between two titles ("M . le président"); nothing else. Likewise in
 * German a place takes in the word before it that HIPE counts in ("Kanton Luzern"). Stateless.
 */
final class NameTitleRule {

    private static final Set<String> ARTICLES = Set.of("le", "la", "l", "les", "der", "die", "den", "dem", "des", "the");
    /** What may stand between a place word and the name: "Hafen von Spezzia". */
    private static final Set<String> LINKS = Set.of("von");

    private NameTitleRule() {
    }

    /**
     * The names found, each person's start moved back over the titles before it, and in German each
     * place's over the place word before it.
     */
    static List<NameModel.Found> apply(String language, String[] pieces, List<NameModel.Found> found) {
        List<NameModel.Found> out = new ArrayList<>(found.size());
        int previousEnd = 0;
        for (NameModel.Found name : found) {
            int start = name.type() == EntityType.PERSON ? titledStart(pieces, name.start(), previousEnd)
                    : name.type() == EntityType.PLACE ? placeWordStart(language, pieces, name.start(), previousEnd) : name.start();
            out.add(new NameModel.Found(name.type(), start, name.end(), name.probability()));
            previousEnd = name.end();
        }
        return out;
    }

    private static int titledStart(String[] pieces, int start, int limit) {
        int i = start;
        while (true) {
            int next = titleBefore(pieces, i, limit);
            if (next < 0 && i - 1 >= limit && ARTICLES.contains(lower(pieces[i - 1])) && i < start) {
                // "M . le président": the article counts only between titles.
                next = titleBefore(pieces, i - 1, limit);
            }
            if (next < 0) {
                return i;
            }
            i = next;
        }
    }

    /** Where the title just before piece i starts ("M ." or "maréchal"), or -1 when there is none. */
    private static int titleBefore(String[] pieces, int i, int limit) {
        if (i - 1 >= limit && NameTitles.isTitle(pieces[i - 1]) && Character.isLetter(pieces[i - 1].charAt(0))) {
            return i - 1;
        }
        if (i - 2 >= limit && pieces[i - 1].equals(".") && NameTitles.isTitle(pieces[i - 2])) {
            return i - 2;
        }
        return -1;
    }

    /**
     * Where a place's name starts with the word before it that belongs to it ("Kanton Luzern",
     * "Hafen von Spezzia"): one such word, with a "von" between them.
     */
    private static int placeWordStart(String language, String[] pieces, int start, int limit) {
        int i = start - 1;
        while (i >= limit && i >= start - 3 && LINKS.contains(lower(pieces[i]))) {
            i--;
        }
        return i >= limit && NameTitles.isPlaceWord(language, pieces[i]) ? i : start;
    }

    private static String lower(String piece) {
        return piece.toLowerCase(Locale.ROOT);
    }
}
