package org.workersarchive.annotate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.NameBounds;

/**
 * Where a span begins, as a scholar reads the TEI, applied once after the authority list, the
 * dates and the model have settled their spans, in every language: a date never includes the
 * preposition or article before it ({@code en <date>1929</date>}, {@code vom <date>15. Januar
 * 1884</date>}; one elided and glued to the date's word stays outside by {@link NameBounds}:
 * {@code d'<date>avril 1930</date>}), and a person takes in the initials printed right before the
 * name ({@code <persName>N. V. Kuznetsov</persName>}). Both rules only move a span's start, never
 * over another span. Stateless; thread-safe.
 */
public final class SpanConventions {

    /**
     * Prepositions, articles and determiners that lead into a date, as normalised words
     * ({@link TokenNormalizer}: "Am" is "am", "jusqu'au" is "au"): French, German, English, Russian.
     * "partir" and "compter" stand for "à partir du", "à compter du".
     */
    private static final Set<String> DATE_LEADS = Set.of(
            "en", "le", "la", "les", "l", "du", "de", "des", "d", "au", "aux", "a", "depuis", "vers", "jusqu",
            "jusque", "avant", "apres", "pour", "par", "dans", "sur", "entre", "ce", "cet", "cette", "partir",
            "compter",
            "am", "im", "vom", "von", "seit", "bis", "zum", "zur", "den", "dem", "der", "die", "das", "in", "an",
            "um", "vor", "nach", "ab", "gegen", "zu",
            "on", "since", "by", "the", "of", "from", "until", "till", "to", "at", "during", "before", "after",
            "в", "во", "с", "со", "до", "к", "ко", "по", "на", "от", "около", "после", "перед", "за", "из");
    /**
     * A printed initial, or several in one word: a capital (or a Latin digraph such as "Ch.")
     * with its full stop ("N.", "N.V.", "Н.", "J.-J.", "Ch.").
     */
    private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}h?\\.-?){1,3}");
    /** Initials a person takes in at most: more are a list of abbreviations, not a name's. */
    private static final int MOST_INITIALS = 3;

    private SpanConventions() {
    }

    /**
     * True when a word of the text, as printed, is a preposition, article or determiner that leads
     * into a date ("en", "vom", "since", "в"): what a date leaves out, and what HIPE's gold counts in.
     */
    public static boolean leadsIntoDate(String word) {
        return DATE_LEADS.contains(TokenNormalizer.normalize(word));
    }

    /**
     * The matches of one block with their starts moved as the conventions say.
     *
     * @param tokens   the block's tokens
     * @param matches  the settled matches, not overlapping
     * @param wordText a word's printed text by its id, for the bounds of a match whose first word changed
     */
    static List<TokenMatch> apply(List<Token> tokens, List<TokenMatch> matches, UnaryOperator<String> wordText) {
        boolean[] taken = new boolean[tokens.size()];
        matches.forEach(m -> Arrays.fill(taken, m.start(), m.end(), true));
        List<TokenMatch> settled = new ArrayList<>(matches.size());
        for (TokenMatch match : matches) {
            int start = switch (match.type()) {
                case DATE -> dateStart(tokens, match);
                case PERSON -> initialsStart(tokens, taken, match.start());
                default -> match.start();
            };
            Arrays.fill(taken, Math.min(start, match.start()), match.start(), true);
            settled.add(start == match.start() ? match : startingAt(match, start, tokens, wordText));
        }
        return settled;
    }

    /** The first token of a date that is not a preposition or article; the last token stays. */
    private static int dateStart(List<Token> tokens, TokenMatch date) {
        int start = date.start();
        while (start < date.end() - 1 && DATE_LEADS.contains(tokens.get(start).normalized())) {
            start++;
        }
        return start;
    }

    /** The first of the initials printed right before a person's name, free of other spans. */
    private static int initialsStart(List<Token> tokens, boolean[] taken, int start) {
        int first = start;
        while (first > 0 && start - first < MOST_INITIALS && !taken[first - 1]
                && INITIALS.matcher(tokens.get(first - 1).surface()).matches()) {
            first--;
        }
        return first;
    }

    /**
     * The match from {@code start}: its bounds, where the model gave its own, keep their end in the
     * last word and take their start in the new first word from {@link NameBounds}.
     */
    private static TokenMatch startingAt(TokenMatch match, int start, List<Token> tokens, UnaryOperator<String> wordText) {
        NameBounds bounds = match.bounds();
        if (bounds != null) {
            List<String> firstWords = tokens.get(start).wordIds();
            String firstWord = wordText.apply(firstWords.get(0));
            int from = NameBounds.of(match.type(), firstWord, firstWord).start();
            bounds = new NameBounds(from, bounds.end());
        }
        return new TokenMatch(match.type(), start, match.end(), match.key(), match.value(), match.confidence(), bounds);
    }
}
