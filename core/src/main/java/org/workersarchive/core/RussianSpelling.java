package org.workersarchive.core;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Russian words in today's spelling, from the spelling before 1918 that émigré print kept: the
 * letters 1918 abolished replaced (ѣ by е, і and ѵ by и, ѳ by ф), a final hard sign dropped (it was
 * silent), the old genitive ending -аго/-яго as -ого or -его. A word in today's spelling passes
 * unchanged. The annotator compares names so; the OCR looks words up so.
 */
public final class RussianSpelling {

    private static final Map<Character, Character> OLD_LETTERS = Map.of(
            'ѣ', 'е', 'і', 'и', 'ѳ', 'ф', 'ѵ', 'и', 'Ѣ', 'Е', 'І', 'И', 'Ѳ', 'Ф', 'Ѵ', 'И');
    /** -его after a soft stem or a hushing consonant (синяго, рабочаго), -ого after any other (добраго). */
    private static final Pattern OLD_GENITIVE = Pattern.compile("(?<=\\p{IsCyrillic})(\\p{IsCyrillic})(а|я)го$");

    private RussianSpelling() {
    }

    /** The word in today's spelling; its case is kept. */
    public static String modern(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            out.append(OLD_LETTERS.getOrDefault(word.charAt(i), word.charAt(i)));
        }
        char last = out.length() > 1 ? out.charAt(out.length() - 1) : ' ';
        if (last == 'ъ' || last == 'Ъ') {
            out.setLength(out.length() - 1);
        }
        return OLD_GENITIVE.matcher(out).replaceFirst(ending -> ending.group(1)
                + (ending.group(2).equals("я") || "жчшщ".contains(ending.group(1)) ? "его" : "ого"));
    }
}
