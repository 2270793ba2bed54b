package org.workersarchive.annotate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the authority list and the date recogniser find in a block's tokens, before the name model
 * reads it: the list's names first (the longest wins), then dates among the tokens they left.
 * The annotator and the trainer both get them here, so that the model's features are computed
 * alike at work and in training.
 *
 * @param names the authority list's names, in reading order
 * @param dates the dates, in reading order
 */
record KnownNames(List<TokenMatch> names, List<TokenMatch> dates) {

    static KnownNames in(List<Token> tokens, AuthorityAnnotator authority, DateRecognizer dateRecognizer) {
        List<TokenMatch> names = authority.find(tokens);
        boolean[] taken = new boolean[tokens.size()];
        names.forEach(m -> Arrays.fill(taken, m.start(), m.end(), true));
        return new KnownNames(List.copyOf(names), List.copyOf(dateRecognizer.find(tokens, taken)));
    }

    /** Names and dates together. */
    List<TokenMatch> all() {
        List<TokenMatch> all = new ArrayList<>(names);
        all.addAll(dates);
        return all;
    }
}
