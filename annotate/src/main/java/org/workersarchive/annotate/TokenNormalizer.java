package org.workersarchive.annotate;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.workersarchive.core.RussianSpelling;

/**
 * Brings a word to the form names are compared in: case folded, Latin diacritics and ligatures
 * undone, ё as е, quotes and apostrophes unified, surrounding punctuation dropped, letters of the
 * wrong script (OCR reads «РКП» as "PKП") folded toward the word's main script, and Russian in the
 * spelling before 1918 (ѣ, і, ѳ, ѵ, a final ъ, -аго) brought to today's, as émigré print kept it:
 * «Мясниковъ» meets Мясников.
 */
final class TokenNormalizer {

    /** Latin and Cyrillic letters that look alike, as OCR confuses them (lower case). */
    private static final Map<Character, Character> LATIN_TO_CYRILLIC = Map.ofEntries(
            Map.entry('a', 'а'), Map.entry('b', 'в'), Map.entry('c', 'с'), Map.entry('e', 'е'),
            Map.entry('h', 'н'), Map.entry('k', 'к'), Map.entry('m', 'м'), Map.entry('o', 'о'),
            Map.entry('p', 'р'), Map.entry('t', 'т'), Map.entry('x', 'х'), Map.entry('y', 'у'),
            Map.entry('n', 'п'), Map.entry('u', 'и'), Map.entry('i', 'і'));
    private static final Map<Character, Character> CYRILLIC_TO_LATIN = Map.ofEntries(
            Map.entry('а', 'a'), Map.entry('в', 'b'), Map.entry('с', 'c'), Map.entry('е', 'e'),
            Map.entry('н', 'h'), Map.entry('к', 'k'), Map.entry('м', 'm'), Map.entry('о', 'o'),
            Map.entry('р', 'p'), Map.entry('т', 't'), Map.entry('х', 'x'), Map.entry('у', 'y'));

    /** French elided articles and pronouns: "l'Oural" is compared as "oural", on both sides. */
    static final Pattern ELISION = Pattern.compile("^(?:l|d|j|n|s|c|qu|jusqu|lorsqu|puisqu)'(?=\\p{L})",
            Pattern.CASE_INSENSITIVE);

    private TokenNormalizer() {
    }

    /** The compared form of one word; empty when nothing but punctuation is left. */
    static String normalize(String word) {
        String text = Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('ё', 'е')
                .replace('’', '\'').replace('‘', '\'').replace('`', '\'').replace('ʼ', '\'')
                .replace('œ', 'o').replace("æ", "ae").replace("ß", "ss");
        text = stripLatinDiacritics(text);
        text = text.replaceAll("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}&&[^)]]+$", "");
        text = ELISION.matcher(text).replaceFirst("");
        text = foldScript(text);
        return isCyrillic(text) ? RussianSpelling.modern(text) : text;
    }

    /**
     * The form in which acronyms are compared across scripts and OCR's splitting of letters: Latin
     * capitals that look like Cyrillic ones become Cyrillic, and "II" becomes П, so that «РКП» read
     * as "PKII" or "PKП" still meets РКП. The argument is a normalised (lower-case) word.
     */
    static String acronymSkeleton(String normalized) {
        String text = normalized.replace("ii", "п");
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == 'n' || c == 'u' || c == 'i' ? c : LATIN_TO_CYRILLIC.getOrDefault(c, c));
        }
        return out.toString();
    }

    /** True when the word, as printed, is an acronym: two or more letters, all capitals. */
    static boolean isAcronym(String word) {
        String letters = word.replaceAll("[^\\p{L}]", "");
        return letters.length() >= 2 && letters.equals(letters.toUpperCase(Locale.ROOT));
    }

    static boolean isCyrillic(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }

    private static boolean foldsWholly(String text, Map<Character, Character> fold, Character.UnicodeScript from) {
        return text.chars().filter(c -> Character.UnicodeScript.of(c) == from).allMatch(c -> fold.containsKey((char) c));
    }

    private static String stripLatinDiacritics(String text) {
        if (isCyrillic(text)) {
            // й and ё carry their marks as part of the letter: decomposing would change them.
            return text;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static String foldScript(String text) {
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
            cyrillic += script == Character.UnicodeScript.CYRILLIC ? 1 : 0;
            latin += script == Character.UnicodeScript.LATIN ? 1 : 0;
        }
        if (cyrillic == 0 || latin == 0) {
            return text;
        }
        // Fold toward the script every letter can reach ("PKП" can only become Cyrillic: П has no
        // Latin twin); where both can, toward the script most letters are in.
        boolean toCyrillic = foldsWholly(text, LATIN_TO_CYRILLIC, Character.UnicodeScript.LATIN);
        boolean toLatin = foldsWholly(text, CYRILLIC_TO_LATIN, Character.UnicodeScript.CYRILLIC);
        if (!toCyrillic && !toLatin) {
            return text;
        }
        Map<Character, Character> fold = toCyrillic && (!toLatin || cyrillic >= latin)
                ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(fold.getOrDefault(text.charAt(i), text.charAt(i)));
        }
        return out.toString();
    }
}
