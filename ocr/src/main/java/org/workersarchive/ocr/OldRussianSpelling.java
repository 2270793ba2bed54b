package org.workersarchive.ocr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.workersarchive.core.RussianSpelling;

/**
 * Russian in the spelling before 1918, as émigré print kept it: told from today's spelling by its
 * letters, and its letters put back where Tesseract's models cannot write them. Neither {@code rus}
 * nor the {@code Cyrillic} script model has ѣ, ѳ or ѵ: the Cyrillic model reads ѣ as a hard or soft
 * sign (a capital where ѣ's tall stem stands out), ѳ as ө, and і it writes; {@code rus} has no і.
 * The letters are restored by rules and, for ѣ read as a lower-case sign, by Tesseract's own Russian
 * word list: a word that is no word, but is one with ѣ where it has ь or ъ, gets ѣ. Thread-safe.
 */
final class OldRussianSpelling {

    /** Share of a text's Russian words that must show the old spelling for the text to be in it. */
    static final double OLD_SHARE = 0.05;
    /** Fewer Russian words than this say nothing of the spelling. */
    static final int MIN_WORDS = 20;

    private static final String CYRILLIC = "А-Яа-яЁёѢѣІіѲѳѴѵ";
    private static final Pattern RUSSIAN_WORD = Pattern.compile("[" + CYRILLIC + "]{2,}");
    /** A word as OCR gives it: the Cyrillic letters, with what punctuation stands before and after. */
    private static final Pattern WORD_PARTS =
            Pattern.compile("^([^" + CYRILLIC + "]*)([" + CYRILLIC + "]+)([^" + CYRILLIC + "]*)$");
    private static final Pattern LATIN_I_BY_CYRILLIC =
            Pattern.compile("(?<=[" + CYRILLIC + "])i|i(?=[" + CYRILLIC + "])");
    private static final Pattern CAPITAL_SIGN_AFTER_SMALL = Pattern.compile("(?<=[а-яёѣіѳѵ])[ЪЬ]");
    /** Tesseract's rus word list (rus.traineddata's word dawg, lower case): see DEVELOPERS.md. */
    private static final String WORD_LIST = "rus-words.txt.gz";

    private OldRussianSpelling() {
    }

    /**
     * Whether a text is in the old spelling: enough of its Russian words end in a hard sign (every
     * word ending in a consonant had one; today none has) or hold і.
     */
    static boolean isOld(String text) {
        Matcher word = RUSSIAN_WORD.matcher(text);
        int words = 0;
        int old = 0;
        while (word.find()) {
            String w = word.group();
            words++;
            if (w.endsWith("ъ") || w.endsWith("Ъ") || w.indexOf('і') >= 0 || w.indexOf('І') >= 0) {
                old++;
            }
        }
        return words >= MIN_WORDS && old >= OLD_SHARE * words;
    }

    /** A word the Cyrillic model read, with ѣ, ѳ and і put back where its letters show them. */
    static String restored(String word) {
        if (!word.matches(".*[" + CYRILLIC + "].*")) {
            return word;
        }
        String text = word.replace('ө', 'ѳ').replace('Ө', 'Ѳ').replace('ї', 'і').replace('ћ', 'ѣ');
        text = LATIN_I_BY_CYRILLIC.matcher(text).replaceAll("і");
        String letters = text.replaceAll("[^" + CYRILLIC + "]", "");
        if (letters.length() >= 2 && !letters.equals(letters.toUpperCase(Locale.ROOT))) {
            text = CAPITAL_SIGN_AFTER_SMALL.matcher(text).replaceAll("ѣ");
        }
        Matcher parts = WORD_PARTS.matcher(text);
        if (parts.matches() && !Dictionary.knows(parts.group(2))) {
            String withYat = withYatForSign(parts.group(2));
            if (withYat != null) {
                return parts.group(1) + withYat + parts.group(3);
            }
        }
        return text;
    }

    /** The word with ѣ for one or two of its inner signs (ь, ъ) that makes it a word, or null. */
    private static String withYatForSign(String core) {
        List<Integer> signs = new ArrayList<>();
        for (int i = 1; i < core.length(); i++) {
            if (core.charAt(i) == 'ь' || core.charAt(i) == 'ъ') {
                signs.add(i);
            }
        }
        for (int first = 0; first < signs.size(); first++) {
            String one = replacedAt(core, signs.get(first));
            if (Dictionary.knows(one)) {
                return one;
            }
            for (int second = first + 1; second < signs.size(); second++) {
                String two = replacedAt(one, signs.get(second));
                if (Dictionary.knows(two)) {
                    return two;
                }
            }
        }
        return null;
    }

    private static String replacedAt(String word, int index) {
        return word.substring(0, index) + 'ѣ' + word.substring(index + 1);
    }

    /** Loaded on first use: only pages in the old spelling need it. */
    private static final class Dictionary {

        private static final Set<String> WORDS = load();

        /** Whether the word, brought to today's spelling, is a Russian word. */
        static boolean knows(String word) {
            return WORDS.contains(RussianSpelling.modern(word.toLowerCase(Locale.ROOT)));
        }

        private static Set<String> load() {
            try (InputStream in = OldRussianSpelling.class.getResourceAsStream(WORD_LIST)) {
                if (in == null) {
                    throw new IllegalStateException("the build left out " + WORD_LIST);
                }
                Set<String> words = new HashSet<>(400_000);
                BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                        StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    words.add(line);
                }
                return Set.copyOf(words);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + WORD_LIST, e);
            }
        }
    }
}
