package org.workersarchive.annotate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the authority list's names in text. Every spelling of every entry is indexed once by the
 * forms of its first word, so that a text is read in one pass whatever the size of the list
 * (no regular expression per entry). Where names overlap, the longest wins: "Рабочая группа РКП"
 * is the Workers' Group, not the party inside it. Immutable; thread-safe.
 */
public final class AuthorityAnnotator {

    /** Exact spellings are certain; inflected or case-folded ones a little less. */
    static final double EXACT = 1.0;
    static final double INFLECTED = 0.9;
    private static final int MIN_LETTERS = 3;

    private final Map<String, List<Spelling>> spellingsByFirstForm = new HashMap<>();

    public AuthorityAnnotator(AuthorityList list) {
        for (AuthorityEntry entry : list.entries()) {
            for (String name : entry.names()) {
                Spelling.of(entry, name).ifPresent(this::index);
            }
        }
        spellingsByFirstForm.values().forEach(s -> s.sort(Comparator.comparingInt(Spelling::length).reversed()));
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
        for (String form : first.forms()) {
            for (Spelling spelling : spellingsByFirstForm.getOrDefault(form, List.of())) {
                if (best != null && spelling.length() <= best.end() - best.start()) {
                    break;
                }
                Double confidence = spelling.matchAt(tokens, start);
                if (confidence != null) {
                    best = new TokenMatch(spelling.entry().type(), start, start + spelling.length(),
                            spelling.entry().key(), null, confidence);
                }
            }
        }
        return best;
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
                    // An acronym is matched as printed: РКП is not inflected like a noun.
                    forms.add(acronym ? Set.of(word) : InflectionForms.ofName(word));
                }
            }
            int letters = String.join("", words).replaceAll("[^\\p{L}]", "").length();
            boolean keep = !words.isEmpty() && (letters >= MIN_LETTERS || acronyms.contains(true));
            return keep ? java.util.Optional.of(new Spelling(entry, words, forms, acronyms)) : java.util.Optional.empty();
        }

        int length() {
            return words.size();
        }

        /** The confidence of a match at {@code start}, or null when the tokens there differ. */
        Double matchAt(List<Token> tokens, int start) {
            if (start + length() > tokens.size()) {
                return null;
            }
            boolean exact = true;
            for (int k = 0; k < length(); k++) {
                Token token = tokens.get(start + k);
                if (acronyms.get(k) && !TokenNormalizer.isAcronym(token.surface())) {
                    return null;
                }
                if (token.forms().stream().noneMatch(forms.get(k)::contains)) {
                    return null;
                }
                exact &= token.normalized().equals(words.get(k));
            }
            return exact ? EXACT : INFLECTED;
        }
    }
}
