package org.workersarchive.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a name begins in the first word an annotation covers and ends in its last, in characters:
 * annotations stand off on whole words, but a printed word often holds more than the name, an
 * elided article or preposition before it ("l'Allemagne", "d'Italie", "qu'Herriot") and
 * punctuation around it ("(Genève),", "«Humanité»"). The TEI can mark only the name
 * ({@code l'<placeName>Allemagne</placeName>,}), and HIPE's gold counts only the name; this is the
 * one rule for both (the TEI writer, the annotator where its model gives no bounds of its own, and
 * the evaluation). Immutable.
 *
 * @param start where the name starts in the first word
 * @param end   where it ends in the last word, exclusive
 */
public record NameBounds(int start, int end) {

    /** Elided articles and prepositions, French and Italian, as OCR prints the apostrophe. */
    private static final String ELIDED =
            "^(?:[lLdDjJnNsScCmMtT]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu|[dD]all|[nN]ell|[sS]ull)['’‘`]";
    /** An elision before a capital: before a lower-case word it may be the name's own ("l'ouvrier"). */
    private static final Pattern ELISION = Pattern.compile(ELIDED + "(?=\\p{Lu})");
    /** An elision before any letter: French months are written in lower case ("d'avril 1930"). */
    private static final Pattern DATE_ELISION = Pattern.compile(ELIDED + "(?=\\p{L})");

    /**
     * The bounds of a name from {@code firstWord} to {@code lastWord} (the same text when it covers
     * one word). A word of nothing but punctuation keeps its whole length.
     */
    public static NameBounds of(String firstWord, String lastWord) {
        return of(firstWord, lastWord, ELISION);
    }

    /**
     * As {@link #of(String, String)}, for an entity of the given type: a date leaves out an elided
     * article or preposition before any letter ({@code d'<date>avril 1930</date>}), since a date
     * never includes its preposition or article and French months are written in lower case.
     */
    public static NameBounds of(EntityType type, String firstWord, String lastWord) {
        return of(firstWord, lastWord, type == EntityType.DATE ? DATE_ELISION : ELISION);
    }

    private static NameBounds of(String firstWord, String lastWord, Pattern elided) {
        int start = 0;
        while (start < firstWord.length() && !Character.isLetterOrDigit(firstWord.codePointAt(start))) {
            start += Character.charCount(firstWord.codePointAt(start));
        }
        Matcher elision = elided.matcher(firstWord).region(start, firstWord.length());
        elision.useAnchoringBounds(true);
        if (elision.lookingAt()) {
            start = elision.end();
        }
        int end = lastWord.length();
        while (end > 0 && !Character.isLetterOrDigit(lastWord.codePointBefore(end))) {
            end -= Character.charCount(lastWord.codePointBefore(end));
        }
        String kept = lastWord.substring(0, end);
        if (end < lastWord.length() && lastWord.charAt(end) == '.' && end <= 2) {
            // An initial's full stop is the name's own ("G."), as is an ordinal's in a German date ("5.").
            end++;
        } else if (kept.chars().filter(c -> c == '(').count() > kept.chars().filter(c -> c == ')').count()
                && lastWord.indexOf(')', end) >= 0) {
            // A bracket the name opened is the name's own: РКП(б).
            end = lastWord.indexOf(')', end) + 1;
        }
        if (start >= firstWord.length()) {
            start = 0;
        }
        return new NameBounds(start, end == 0 ? lastWord.length() : end);
    }
}
