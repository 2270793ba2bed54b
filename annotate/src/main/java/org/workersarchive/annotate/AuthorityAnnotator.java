package org.workersarchive.annotate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the authority list's names in text. Every spelling of every entry is indexed once by the
 * forms of its first word, so that a text is read in one pass whatever the size of the list
 * (no regular expression per entry): a hash lookup for the word as printed or inflected, and, when
 * that finds nothing, a search of the first words' trie for OCR misreadings ({@link NameTrie},
 * {@link OcrDistance}). Where names overlap, the longest wins: "Рабочая группа РКП" is the Workers'
 * Group, not the party inside it. Thread-safe: immutable but for a bounded memory of trie searches.
 */
public final class AuthorityAnnotator {

    /** Exact spellings are certain; inflected or case-folded ones a little less; OCR misreadings less again. */
    static final double EXACT = 1.0;
    static final double INFLECTED = 0.9;
    /** What each unit of OCR distance takes off the confidence of an inflected match. */
    static final double PER_DISTANCE = 0.15;
    private static final int MIN_LETTERS = 3;
    /** The longest acronyms: ВЛКСМ, NSDAP. */
    static final int LONGEST_ACRONYM = 5;

    /** Distinct words whose trie search is remembered: a box of scans repeats its words a great deal. */
    static final int REMEMBERED_SEARCHES = 100_000;

    private final Map<String, List<Spelling>> spellingsByFirstForm = new HashMap<>();
    private final NameTrie firstForms = new NameTrie();
    private final Map<String, List<NameTrie.Near>> nearForms = new ConcurrentHashMap<>();

    public AuthorityAnnotator(AuthorityList list) {
        for (AuthorityEntry entry : list.entries()) {
            for (String name : entry.names()) {
                Spelling.of(entry, name).ifPresent(this::index);
            }
        }
        spellingsByFirstForm.values().forEach(s -> s.sort(Comparator.comparingInt(Spelling::length).reversed()));
        spellingsByFirstForm.keySet().forEach(firstForms::add);
    }

    /** The names in one block's tokens, in reading order, never overlapping. */
    List<TokenMatch> find(List<Token> tokens) {
        List<TokenMatch> matches = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            TokenMatch best = longestAt(tokens, i);
            if (best == null) {
                i++;
            } else {
                matches.add(best);
                i = best.end();
            }
        }
        return matches;
    }

    private TokenMatch longestAt(List<Token> tokens, int start) {
        Token first = tokens.get(start);
        if (!first.isCapitalized()) {
            return null;
        }
        TokenMatch best = null;
        for (Map.Entry<String, Double> form : firstWordForms(first).entrySet()) {
            for (Spelling spelling : spellingsByFirstForm.getOrDefault(form.getKey(), List.of())) {
                Double confidence = spelling.matchAt(tokens, start, form.getValue());
                boolean better = best == null || spelling.length() > best.end() - best.start()
                        || spelling.length() == best.end() - best.start() && confidence != null
                        && confidence > best.confidence();
                if (confidence != null && better) {
                    best = new TokenMatch(spelling.entry().type(), start, start + spelling.length(),
                            spelling.entry().key(), null, confidence);
                }
            }
        }
        return best;
    }

    /**
     * The indexed first-word forms a token may stand for, with the OCR distance to each: its own forms
     * at distance 0 when any is indexed, else the trie's near forms of its printed form.
     */
    private Map<String, Double> firstWordForms(Token token) {
        Map<String, Double> forms = new HashMap<>();
        for (String form : token.forms()) {
            if (spellingsByFirstForm.containsKey(form)) {
                forms.put(form, 0.0);
            }
        }
        double allowed = OcrDistance.allowed(token.normalized().length());
        if (forms.isEmpty() && allowed > 0 && !isAcronym(token)) {
            if (nearForms.size() >= REMEMBERED_SEARCHES) {
                nearForms.clear();
            }
            for (NameTrie.Near near : nearForms.computeIfAbsent(token.normalized(),
                    word -> firstForms.near(word, allowed))) {
                forms.put(near.word(), near.distance());
            }
        }
        return forms;
    }

    /**
     * True when the token is an acronym, which must match as printed (or by its letters' look-alikes):
     * capitals of at most {@link #LONGEST_ACRONYM} letters. A longer word in capitals is a word of a
     * heading ("KOMMUNISTISCHEN ARBEITER-PARTEI"), inflected and misread by OCR as any word is.
     */
    private static boolean isAcronym(Token token) {
        return TokenNormalizer.isAcronym(token.surface()) && token.normalized().length() <= LONGEST_ACRONYM;
    }

    private void index(Spelling spelling) {
        for (String form : spelling.forms().get(0)) {
            spellingsByFirstForm.computeIfAbsent(form, f -> new ArrayList<>()).add(spelling);
        }
    }

    /** One spelling of an entry, as the forms each of its words accepts. */
    private record Spelling(AuthorityEntry entry, List<String> words, List<Set<String>> forms, List<Boolean> acronyms) {

        static java.util.Optional<Spelling> of(AuthorityEntry entry, String name) {
            List<String> words = new ArrayList<>();
            List<Set<String>> forms = new ArrayList<>();
            List<Boolean> acronyms = new ArrayList<>();
            for (String raw : name.split("\\s+")) {
                String word = TokenNormalizer.normalize(raw);
                if (!word.isEmpty()) {
                    words.add(word);
                    boolean acronym = TokenNormalizer.isAcronym(raw);
                    acronyms.add(acronym);
                    // An acronym is not inflected like a noun, but OCR splits and swaps its letters.
                    forms.add(acronym ? new LinkedHashSet<>(List.of(word, TokenNormalizer.acronymSkeleton(word)))
                            : InflectionForms.ofName(word));
                }
            }
            int letters = String.join("", words).replaceAll("[^\\p{L}]", "").length();
            boolean keep = !words.isEmpty() && (letters >= MIN_LETTERS || acronyms.contains(true));
            return keep ? java.util.Optional.of(new Spelling(entry, words, forms, acronyms)) : java.util.Optional.empty();
        }

        int length() {
            return words.size();
        }

        /**
         * The confidence of a match at {@code start} whose first word is {@code firstDistance} from this
         * spelling's, or null when the tokens there differ too much.
         */
        Double matchAt(List<Token> tokens, int start, double firstDistance) {
            if (start + length() > tokens.size()) {
                return null;
            }
            boolean exact = firstDistance == 0;
            double distance = firstDistance;
            for (int k = 0; k < length(); k++) {
                Token token = tokens.get(start + k);
                if (acronyms.get(k) && !TokenNormalizer.isAcronym(token.surface())) {
                    return null;
                }
                if (k > 0) {
                    double wordDistance = wordDistance(token, k);
                    if (wordDistance < 0) {
                        return null;
                    }
                    distance += wordDistance;
                }
                exact &= token.normalized().equals(words.get(k));
            }
            if (distance > 0) {
                return Math.max(0.5, INFLECTED - PER_DISTANCE * distance);
            }
            return exact ? EXACT : INFLECTED;
        }

        /** 0 when the token is a form of the k-th word, its OCR distance when close enough, else -1. */
        private double wordDistance(Token token, int k) {
            if (token.forms().stream().anyMatch(forms.get(k)::contains)) {
                return 0;
            }
            double allowed = acronyms.get(k) ? 0 : OcrDistance.allowed(words.get(k).length());
            if (allowed == 0) {
                return -1;
            }
            double distance = OcrDistance.between(token.normalized(), words.get(k), allowed);
            return distance <= allowed ? distance : -1;
        }
    }
}
