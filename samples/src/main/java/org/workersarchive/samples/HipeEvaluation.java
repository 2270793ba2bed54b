package org.workersarchive.samples;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.annotate.SpanConventions;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.Document;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.NameBounds;
import org.workersarchive.core.Word;

/**
 * Scores an annotator against HIPE-2020's gold entities, as the HIPE scorer does for coarse
 * literal NER: micro precision, recall and F1, strict (same type, same tokens) and fuzzy (same
 * type, overlapping tokens), per type and overall. Found entities are mapped back from words to
 * tokens within the {@link NameBounds} of their words: the annotator marks the word "l'Allemagne,"
 * where the gold marks the token "Allemagne". {@link #score} takes the bounds the annotator gives
 * (its name model's own, where it cut a word OCR glued: "Naples.On"); {@link #scoreAsTeiMarks}
 * takes each name within its words as the TEI writer marks it, by {@link NameBounds#of} alone.
 * HIPE's gold counts a date's preposition or article in ("en 1929"), the TEI leaves it out: a date is
 * scored from the prepositions and articles printed before it, as HIPE marks it.
 */
public final class HipeEvaluation {

    /** Strict and fuzzy scores per type. */
    public record Scores(Map<EntityType, Prf> strict, Map<EntityType, Prf> fuzzy, int documents) {

        public Prf strictOverall() {
            return strict.values().stream().reduce(new Prf(0, 0, 0), Prf::plus);
        }

        public Prf fuzzyOverall() {
            return fuzzy.values().stream().reduce(new Prf(0, 0, 0), Prf::plus);
        }

        /**
         * A table: one line per type and one for all, strict and fuzzy P/R/F1 and the number of gold
         * entities; a type the gold never has is shown without scores, not as a perfect one.
         */
        public String format() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-14s %27s   %27s %6s%n", "",
                    "strict  P      R      F1", "fuzzy  P      R      F1", "gold"));
            for (EntityType type : HipeCorpus.TYPES.values().stream().sorted().toList()) {
                out.append(line(type.name().toLowerCase(Locale.ROOT), strict.getOrDefault(type, new Prf(0, 0, 0)),
                        fuzzy.getOrDefault(type, new Prf(0, 0, 0))));
            }
            out.append(line("all", strictOverall(), fuzzyOverall()));
            return out.toString();
        }

        private static String line(String name, Prf strict, Prf fuzzy) {
            int gold = strict.truePositives() + strict.falseNegatives();
            if (gold == 0) {
                return String.format(Locale.ROOT, "%-14s %27s   %27s %6d   (%d found)%n", name, "no gold entity", "",
                        gold, strict.truePositives() + strict.falsePositives());
            }
            return String.format(Locale.ROOT, "%-14s %13.3f %6.3f %6.3f   %12.3f %6.3f %6.3f %6d%n", name,
                    strict.precision(), strict.recall(), strict.f1(), fuzzy.precision(), fuzzy.recall(), fuzzy.f1(),
                    gold);
        }
    }

    /** Prepositions and articles before a date that HIPE's gold takes in at most: "depuis le". */
    private static final int LEADING_WORDS = 2;

    private HipeEvaluation() {
    }

    /**
     * Annotates every document with {@code annotator} and scores what it found.
     *
     * @throws IllegalArgumentException when there is no document or no gold entity: precision and
     *                                  recall of nothing would print as a perfect score
     */
    public static Scores score(List<HipeCorpus.HipeDocument> documents, UnaryOperator<Document> annotator) {
        return score(documents, d -> new DocumentAnnotator.Annotated(annotator.apply(d), Map.of()), true);
    }

    /** As {@link #score}, each name within the bounds the annotator gives ({@link DocumentAnnotator#annotateWithBounds}). */
    public static Scores score(List<HipeCorpus.HipeDocument> documents, DocumentAnnotator annotator) {
        return score(documents, annotator::annotateWithBounds, true);
    }

    /** As {@link #score}, each name within its words by {@link NameBounds#of}, as the TEI marks it. */
    public static Scores scoreAsTeiMarks(List<HipeCorpus.HipeDocument> documents, UnaryOperator<Document> annotator) {
        return score(documents, d -> new DocumentAnnotator.Annotated(annotator.apply(d), Map.of()), false);
    }

    private static Scores score(List<HipeCorpus.HipeDocument> documents,
                                Function<Document, DocumentAnnotator.Annotated> annotator, boolean ownBounds) {
        long goldEntities = documents.stream().mapToLong(d -> d.gold().size()).sum();
        if (documents.isEmpty() || goldEntities == 0) {
            throw new IllegalArgumentException("nothing to score: " + documents.size() + " documents with "
                    + goldEntities + " gold entities");
        }
        Map<EntityType, Prf> strict = new EnumMap<>(EntityType.class);
        Map<EntityType, Prf> fuzzy = new EnumMap<>(EntityType.class);
        for (HipeCorpus.HipeDocument hipe : documents) {
            List<HipeCorpus.Span> found = found(hipe, annotator.apply(hipe.document()), ownBounds);
            for (EntityType type : HipeCorpus.TYPES.values()) {
                List<HipeCorpus.Span> gold = hipe.gold().stream().filter(s -> s.type() == type).toList();
                List<HipeCorpus.Span> mine = found.stream().filter(s -> s.type() == type).toList();
                strict.merge(type, matched(gold, mine, false), Prf::plus);
                fuzzy.merge(type, matched(gold, mine, true), Prf::plus);
            }
        }
        return new Scores(strict, fuzzy, documents.size());
    }

    /** The annotations as token spans, of the types HIPE knows. */
    static List<HipeCorpus.Span> found(HipeCorpus.HipeDocument hipe, DocumentAnnotator.Annotated result,
                                       boolean ownBounds) {
        Document annotated = result.document();
        Map<String, Integer> wordIndex = new HashMap<>();
        List<Word> words = annotated.words().toList();
        for (int i = 0; i < words.size(); i++) {
            wordIndex.put(words.get(i).id(), i);
        }
        List<HipeCorpus.Span> spans = new ArrayList<>();
        for (Annotation annotation : annotated.annotations()) {
            if (!HipeCorpus.TYPES.containsValue(annotation.type())) {
                continue;
            }
            int first = wordIndex.get(annotation.firstWordId());
            int last = wordIndex.get(annotation.lastWordId());
            int start = hipe.wordTokens().get(first)[0];
            int end = hipe.wordTokens().get(last)[1] + 1;
            NameBounds asWritten = NameBounds.of(annotation.type(), words.get(first).text(), words.get(last).text());
            NameBounds bounds = ownBounds ? result.bounds().getOrDefault(annotation.id(), asWritten) : asWritten;
            start = tokenAt(hipe, first, bounds.start());
            end = Math.max(start, tokenAt(hipe, last, bounds.end() - 1)) + 1;
            while (end - 1 > start && isPunctuation(hipe.tokens().get(end - 1))) {
                end--;
            }
            while (start < end - 1 && isPunctuation(hipe.tokens().get(start))) {
                start++;
            }
            if (annotation.type() == EntityType.DATE) {
                start = withLeadingWords(hipe.tokens(), start);
            }
            spans.add(new HipeCorpus.Span(annotation.type(), start, end));
        }
        return spans;
    }

    /**
     * Where HIPE's gold begins a date that begins at token {@code start}: it counts in the
     * prepositions and articles before a date ("en 1929", "vom 15. Januar", "d ' avril 1930"), which
     * the TEI leaves out ({@link SpanConventions}); at most {@link #LEADING_WORDS} of them.
     */
    static int withLeadingWords(List<String> tokens, int start) {
        int first = start;
        for (int words = 0; words < LEADING_WORDS && first > 0; words++) {
            boolean elided = first > 1 && isApostrophe(tokens.get(first - 1));
            String before = tokens.get(first - (elided ? 2 : 1));
            if (!SpanConventions.leadsIntoDate(before)) {
                break;
            }
            first -= elided ? 2 : 1;
        }
        return first;
    }

    private static boolean isApostrophe(String token) {
        return token.length() == 1 && "'’‘`".indexOf(token.charAt(0)) >= 0;
    }

    /** The token of a word that holds its character at {@code offset}. */
    private static int tokenAt(HipeCorpus.HipeDocument hipe, int word, int offset) {
        int[] tokens = hipe.wordTokens().get(word);
        int position = 0;
        for (int t = tokens[0]; t <= tokens[1]; t++) {
            position += hipe.tokens().get(t).length();
            if (offset < position) {
                return t;
            }
        }
        return tokens[1];
    }

    private static Prf matched(List<HipeCorpus.Span> gold, List<HipeCorpus.Span> found, boolean fuzzy) {
        boolean[] used = new boolean[gold.size()];
        int truePositives = 0;
        for (HipeCorpus.Span span : found) {
            for (int g = 0; g < gold.size(); g++) {
                HipeCorpus.Span truth = gold.get(g);
                boolean same = fuzzy ? span.start() < truth.end() && truth.start() < span.end()
                        : span.start() == truth.start() && span.end() == truth.end();
                if (!used[g] && same) {
                    used[g] = true;
                    truePositives++;
                    break;
                }
            }
        }
        return new Prf(truePositives, found.size() - truePositives, gold.size() - truePositives);
    }

    private static boolean isPunctuation(String token) {
        return token.codePoints().allMatch(c -> !Character.isLetterOrDigit(c));
    }
}
