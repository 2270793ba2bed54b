package org.workersarchive.annotate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.workersarchive.core.Block;
import org.workersarchive.core.Line;
import org.workersarchive.core.NameBounds;
import org.workersarchive.core.Word;

/**
 * A block's words cut into the pieces the name recogniser reads: runs of letters, runs of digits,
 * and every other character alone ("l'Allemagne," → l ' Allemagne ,), as the HIPE newspapers it is
 * trained on are tokenised, so that "Munich." and "Munich" look alike to it. Each piece knows its
 * word and where in the word it starts, which is how gold names given by characters become piece
 * labels in training, and how found pieces go back to the annotators' {@link Token}s.
 *
 * @param pieces    in reading order
 * @param firstToken for each word (by its position in the block), the first {@link Token} holding it
 * @param lastToken  for each word, the last {@link Token} holding it
 * @param wordIds    each word's id, by its position
 */
record NamePieces(List<Piece> pieces, int[] firstToken, int[] lastToken, List<String> wordIds) {

    /**
     * One piece of a printed word.
     *
     * @param word       the word's position in the block's reading order
     * @param offset     where in the word's text the piece starts
     * @param lineStart  the first piece of its line
     * @param lineEnd    the last piece of its line
     * @param joined     for the two halves of a word hyphenated across lines ("Dalma-" and "tien"),
     *                   the whole word's letters ("Dalmatien"); null for every other piece
     */
    record Piece(String text, int word, int offset, boolean lineStart, boolean lineEnd, String joined) {

        Piece(String text, int word, int offset, boolean lineStart, boolean lineEnd) {
            this(text, word, offset, lineStart, lineEnd, null);
        }

        /** The word the piece is of: the whole of it where a line break hyphenated it, else the piece. */
        String wholeWord() {
            return joined != null ? joined : text;
        }

        Piece joinedAs(String whole) {
            return new Piece(text, word, offset, lineStart, lineEnd, whole);
        }
    }

    private static final Pattern PIECE = Pattern.compile("[\\p{L}\\p{M}]+|\\p{Nd}+|\\S");

    /** The pieces of a block whose annotators' tokens are {@code tokens} ({@link Token#of(Block)}). */
    static NamePieces of(Block block, List<Token> tokens) {
        List<Piece> pieces = new ArrayList<>();
        Map<String, Integer> wordIndex = new HashMap<>();
        // For each word, its first and last piece of letters (-1 where it has none).
        List<int[]> letterPieces = new ArrayList<>();
        for (Line line : block.lines()) {
            int firstOfLine = pieces.size();
            for (Word word : line.words()) {
                int index = wordIndex.size();
                wordIndex.put(word.id(), index);
                int[] letters = {-1, -1};
                Matcher matcher = PIECE.matcher(word.text());
                while (matcher.find()) {
                    if (Character.isLetter(matcher.group().charAt(0))) {
                        letters[0] = letters[0] < 0 ? pieces.size() : letters[0];
                        letters[1] = pieces.size();
                    }
                    pieces.add(new Piece(matcher.group(), index, matcher.start(), pieces.size() == firstOfLine, false));
                }
                letterPieces.add(letters);
            }
            if (pieces.size() > firstOfLine) {
                Piece last = pieces.remove(pieces.size() - 1);
                pieces.add(new Piece(last.text(), last.word(), last.offset(), last.lineStart(), true));
            }
        }
        int[] first = new int[wordIndex.size()];
        int[] last = new int[wordIndex.size()];
        java.util.Arrays.fill(first, -1);
        for (int t = 0; t < tokens.size(); t++) {
            for (String id : tokens.get(t).wordIds()) {
                int w = wordIndex.get(id);
                first[w] = first[w] < 0 ? t : first[w];
                last[w] = t;
            }
        }
        joinHyphenated(pieces, tokens, wordIndex, letterPieces);
        return new NamePieces(List.copyOf(pieces), first, last, List.of(wordIds(wordIndex)));
    }

    /**
     * Gives the halves of each word that a token joined across a line break the whole word: the
     * last run of letters before the hyphen and the first after the break.
     */
    private static void joinHyphenated(List<Piece> pieces, List<Token> tokens, Map<String, Integer> wordIndex,
                                       List<int[]> letterPieces) {
        for (Token token : tokens) {
            if (token.wordIds().size() != 2) {
                continue;
            }
            int before = letterPieces.get(wordIndex.get(token.wordIds().get(0)))[1];
            int after = letterPieces.get(wordIndex.get(token.wordIds().get(1)))[0];
            if (before >= 0 && after >= 0) {
                String whole = pieces.get(before).text() + pieces.get(after).text();
                pieces.set(before, pieces.get(before).joinedAs(whole));
                pieces.set(after, pieces.get(after).joinedAs(whole));
            }
        }
    }

    private static String[] wordIds(Map<String, Integer> wordIndex) {
        String[] ids = new String[wordIndex.size()];
        wordIndex.forEach((id, index) -> ids[index] = id);
        return ids;
    }

    /** The pieces' texts, as the model takes them. */
    String[] texts() {
        return pieces.stream().map(Piece::text).toArray(String[]::new);
    }

    /**
     * The tokens that pieces {@code start} to {@code end} (exclusive) lie in, as a token range
     * {start, end}; null when a piece's word gave no token (a word of punctuation only).
     */
    int[] tokenRange(int start, int end) {
        int from = firstToken[pieces.get(start).word()];
        int to = lastToken[pieces.get(end - 1).word()];
        return from < 0 || to < 0 || to < from ? null : new int[] {from, to + 1};
    }

    /**
     * Where pieces {@code start} to {@code end} (exclusive) begin in the first word of the tokens
     * they lie in and end in the last, or null when those tokens begin or end in other words (a
     * name from the second half of a word hyphenated across lines).
     */
    NameBounds bounds(int start, int end, List<Token> tokens, int[] range) {
        Piece first = pieces.get(start);
        Piece last = pieces.get(end - 1);
        List<String> firstTokenWords = tokens.get(range[0]).wordIds();
        List<String> lastTokenWords = tokens.get(range[1] - 1).wordIds();
        boolean sameWords = firstTokenWords.get(0).equals(wordIds.get(first.word()))
                && lastTokenWords.get(lastTokenWords.size() - 1).equals(wordIds.get(last.word()));
        return sameWords ? new NameBounds(first.offset(), last.offset() + last.text().length()) : null;
    }
}
