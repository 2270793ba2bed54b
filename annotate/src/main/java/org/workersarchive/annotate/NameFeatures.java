package org.workersarchive.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.RussianSpelling;

/**
 * What the name recogniser knows of each piece: its word and the two either side (lower-cased),
 * word bigrams, OpenNLP's token class, its shape and its neighbours', its prefixes and suffixes
 * (case endings, -ov, -ville, -berg), its folded form (diacritics, ſ and ligatures undone, as OCR
 * and old spelling vary them), the whole word where a line break hyphenated it ("Dalma-" "tien"),
 * whether it and its neighbours are titles, given names, surnames or places that
 * {@link NameWordLists} knows, where it stands in its line (headings and bylines), whether the
 * authority list or the date recogniser took its word (their knowledge becomes evidence the model
 * weighs), and, while decoding, the labels given to the two pieces before it. Stateless;
 * thread-safe.
 */
final class NameFeatures {

    /**
     * Changes whenever a feature changes: a model trained with other features would read nonsense,
     * so a model records the version it was trained with and is refused under another.
     */
    static final String VERSION = "5";

    private static final int AFFIX = 4;

    private NameFeatures() {
    }

    /**
     * The features of every piece.
     *
     * @param known what the authority list and the date recogniser found, as the type of each
     *              piece's match (null where none)
     */
    static String[][] of(NamePieces pieces, EntityType[] known) {
        List<NamePieces.Piece> list = pieces.pieces();
        String[] shapes = list.stream().map(p -> shape(p.text())).toArray(String[]::new);
        String[] words = list.stream().map(p -> lowerCase(p.text())).toArray(String[]::new);
        NameWordLists.Listed[] listed = list.stream().map(NameFeatures::listed).toArray(NameWordLists.Listed[]::new);
        String[] kinds = new String[list.size()];
        for (int i = 0; i < list.size(); i++) {
            kinds[i] = personWordKind(list.get(i).wholeWord(), listed[i]);
        }
        String[][] features = new String[list.size()][];
        for (int i = 0; i < list.size(); i++) {
            features[i] = of(list.get(i), i, words, shapes, kinds, listed[i], known);
        }
        return features;
    }

    /**
     * A piece's features ({@code own}, as {@link #of} gave them) with the labels given to the two
     * pieces before it ("^" before the first).
     */
    static String[] withPrior(String[] own, String previous, String beforePrevious) {
        String[] prior = prior(own, previous, beforePrevious);
        String[] all = java.util.Arrays.copyOf(own, own.length + prior.length);
        System.arraycopy(prior, 0, all, own.length, prior.length);
        return all;
    }

    /** The features of the labels before a piece alone, which decoding adds to each hypothesis. */
    static String[] prior(String[] own, String previous, String beforePrevious) {
        return new String[] {"po=" + previous, "ppo=" + beforePrevious + "," + previous,
            "po,w=" + previous + "," + own[0]};
    }

    private static String[] of(NamePieces.Piece piece, int i, String[] words, String[] shapes, String[] kinds,
                               NameWordLists.Listed listed, EntityType[] known) {
        List<String> out = new ArrayList<>(40);
        // First: withPrior pairs the previous label with it.
        out.add("w=" + words[i]);
        out.add("w-1=" + word(words, i - 1));
        out.add("w-2=" + word(words, i - 2));
        out.add("w+1=" + word(words, i + 1));
        out.add("w+2=" + word(words, i + 2));
        out.add("w-1,w=" + word(words, i - 1) + "," + words[i]);
        out.add("w,w+1=" + words[i] + "," + word(words, i + 1));
        out.add("c=" + FeatureGeneratorUtil.tokenFeature(piece.text()));
        out.add("sh=" + shapes[i]);
        out.add("sh-1=" + (i > 0 ? shapes[i - 1] : "^"));
        out.add("sh+1=" + (i + 1 < shapes.length ? shapes[i + 1] : "$"));
        out.add("sh-1,0=" + (i > 0 ? shapes[i - 1] : "^") + "," + shapes[i]);
        String lower = words[i];
        if (Character.isLetter(lower.charAt(0)) && lower.length() > 2) {
            for (int n = 1; n <= Math.min(AFFIX, lower.length() - 1); n++) {
                out.add("pre=" + lower.substring(0, n));
                out.add("suf=" + lower.substring(lower.length() - n));
            }
            String folded = TokenNormalizer.normalize(piece.text());
            if (!folded.equals(lower)) {
                out.add("fold=" + folded);
            }
        }
        if (piece.joined() != null) {
            String whole = lowerCase(piece.joined());
            out.add("hw=" + whole);
            out.add("hsh=" + shape(piece.joined()));
            for (int n = 2; n <= Math.min(AFFIX, whole.length() - 1); n++) {
                out.add("hsuf=" + whole.substring(whole.length() - n));
            }
        }
        // A place on its capitalised first half only: the model learnt them so (measured: marking the
        // second half too lost 0.005-0.015 strict F1 on the held-out documents).
        if (listed.place() && Character.isUpperCase(piece.text().charAt(0))) {
            out.add(kinds[i] == null ? "place" : "place+" + kinds[i]);
        }
        if (kinds[i] != null) {
            out.add("pw=" + kinds[i]);
        }
        // The word before, or before an abbreviation's full stop ("Hr . Mathys").
        int previous = i > 1 && ".".equals(words[i - 1]) ? i - 2 : i - 1;
        String before = previous >= 0 ? kinds[previous] : null;
        if (before != null) {
            out.add("pw-1=" + before);
        }
        if (i + 1 < kinds.length && kinds[i + 1] != null) {
            out.add("pw+1=" + kinds[i + 1]);
        }
        if (piece.lineStart()) {
            out.add("line=start");
        }
        if (piece.lineEnd()) {
            out.add("line=end");
        }
        if (known[i] != null) {
            out.add("known=" + known[i]);
            out.add("known-start=" + (i == 0 || known[i - 1] != known[i]));
        }
        if (i > 0 && known[i - 1] != null) {
            out.add("known-1=" + known[i - 1]);
        }
        if (i + 1 < known.length && known[i + 1] != null) {
            out.add("known+1=" + known[i + 1]);
        }
        return out.toArray(String[]::new);
    }

    /**
     * What the lists know of a capitalised piece's word, the whole of it where a line break
     * hyphenated it; nothing of other pieces (no lookup: most pieces are lower-case).
     */
    private static NameWordLists.Listed listed(NamePieces.Piece piece) {
        String word = piece.wholeWord();
        if (word.length() < 2 || !Character.isUpperCase(word.charAt(0))) {
            return NameWordLists.Listed.NONE;
        }
        return NameWordLists.of(word);
    }

    /**
     * What a piece is among the words of persons' names: "title" (Herr, maréchal, Dr), "given"
     * (a capitalised given name), "surname", "given+surname" (Thomas, Martin), or null.
     */
    private static String personWordKind(String text, NameWordLists.Listed listed) {
        if (NameTitles.isTitle(text)) {
            return "title";
        }
        boolean given = listed.givenName();
        boolean surname = listed.surname();
        return given && surname ? "given+surname" : given ? "given" : surname ? "surname" : null;
    }

    /**
     * A word lower-cased, and a Russian one in today's spelling ("Въ" → "в", "группѣ" → "группе"):
     * the Russian model learnt from today's spelling, so a page of 1923 printed in the old one is
     * read as the same words in today's would be, not as words the model never saw.
     */
    private static String lowerCase(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return TokenNormalizer.isCyrillic(lower) ? RussianSpelling.modern(lower) : lower;
    }

    private static String word(String[] words, int i) {
        return i < 0 ? "^" : i >= words.length ? "$" : words[i];
    }

    /** Xx for "Munich", X.X. for "M.S.", d for "1888", x-x for "jean-", runs of a kind written once. */
    static String shape(String text) {
        StringBuilder shape = new StringBuilder();
        char previous = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char kind = Character.isUpperCase(c) ? 'X' : Character.isLetter(c) ? 'x' : Character.isDigit(c) ? 'd' : c;
            if (kind != previous) {
                shape.append(kind);
            }
            previous = kind;
        }
        String length = text.length() == 1 ? "1" : text.length() < 4 ? "s" : "l";
        return shape + length;
    }
}
