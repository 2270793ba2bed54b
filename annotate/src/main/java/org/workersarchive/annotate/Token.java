package org.workersarchive.annotate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.workersarchive.core.Block;
import org.workersarchive.core.Line;
import org.workersarchive.core.Word;

/**
 * A word of the text as the annotators see it: its surface, its normalised form, the forms it
 * offers to inflected names, and the model words it stands for (two when a word is hyphenated
 * across a line break: "Mias-" + "nikov").
 */
record Token(String surface, String normalized, Set<String> forms, List<String> wordIds) {

    /** Punctuation between two letters that OCR made of a space. */
    private static final Pattern GLUE = Pattern.compile("(?<=\\p{L})[:;!?,«»“”„]+[‘’'\"]?(?=\\p{L})");

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
                addSplit(tokens, joined, List.of(word.id(), next.id()));
            } else {
                addSplit(tokens, word.text(), List.of(word.id()));
            }
        }
        return tokens;
    }

    /**
     * Adds the tokens of one printed word. OCR glues words together where it misreads the space
     * between them as punctuation ("Манифест:Рабочей!‘"): such a word gives a token for each part,
     * all standing for the same model word. Hyphens, apostrophes, full stops and brackets are kept
     * inside words (Arbeiter-Zeitung, l'Oural, РКП(б)).
     */
    private static void addSplit(List<Token> tokens, String text, List<String> wordIds) {
        for (String part : GLUE.split(text)) {
            if (!part.isEmpty()) {
                tokens.add(of(part, wordIds));
            }
        }
    }

    static Token of(String surface, List<String> wordIds) {
        String normalized = TokenNormalizer.normalize(surface);
        Set<String> forms = new LinkedHashSet<>(InflectionForms.ofText(normalized));
        if (TokenNormalizer.isAcronym(surface)) {
            forms.add(TokenNormalizer.acronymSkeleton(normalized));
        }
        return new Token(surface, normalized, forms, wordIds);
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
