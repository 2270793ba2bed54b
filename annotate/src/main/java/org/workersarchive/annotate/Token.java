package org.workersarchive.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.workersarchive.core.Block;
import org.workersarchive.core.Line;
import org.workersarchive.core.Word;

/**
 * A word of the text as the annotators see it: its surface, its normalised form, the forms it
 * offers to inflected names, and the model words it stands for (two when a word is hyphenated
 * across a line break: "Mias-" + "nikov").
 */
record Token(String surface, String normalized, Set<String> forms, List<String> wordIds) {

    Token {
        wordIds = List.copyOf(wordIds);
        forms = Set.copyOf(forms);
    }

    /** The tokens of one block in reading order, with line-end hyphenation undone. */
    static List<Token> of(Block block) {
        List<Word> words = new ArrayList<>();
        List<Boolean> endsLine = new ArrayList<>();
        for (Line line : block.lines()) {
            for (int i = 0; i < line.words().size(); i++) {
                words.add(line.words().get(i));
                endsLine.add(i == line.words().size() - 1);
            }
        }
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            if (endsLine.get(i) && isHyphenated(word.text()) && i + 1 < words.size()) {
                Word next = words.get(++i);
                String joined = word.text().substring(0, word.text().length() - 1) + next.text();
                tokens.add(of(joined, List.of(word.id(), next.id())));
            } else {
                tokens.add(of(word.text(), List.of(word.id())));
            }
        }
        return tokens;
    }

    static Token of(String surface, List<String> wordIds) {
        String normalized = TokenNormalizer.normalize(surface);
        return new Token(surface, normalized, InflectionForms.ofText(normalized), wordIds);
    }

    /** True when the printed word begins with a capital letter or a digit, as names do. */
    boolean isCapitalized() {
        String unelided = TokenNormalizer.ELISION.matcher(surface.replace('’', '\'')).replaceFirst("");
        return unelided.codePoints().filter(Character::isLetterOrDigit).findFirst()
                .stream().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
    }

    private static boolean isHyphenated(String text) {
        return text.length() > 2 && (text.endsWith("-") || text.endsWith("¬")) && !text.endsWith("--");
    }
}
