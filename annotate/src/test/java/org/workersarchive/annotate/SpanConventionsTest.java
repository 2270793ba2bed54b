package org.workersarchive.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.Block;
import org.workersarchive.core.Document;
import org.workersarchive.core.DocumentInvariants;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.NameBounds;
import org.workersarchive.core.Word;

/**
 * The spans a scholar expects in the TEI, on real sentences of each language: a date without its
 * preposition or article, a person with the initials before the name, and a listed name printed
 * whole in capitals marked whole.
 */
class SpanConventionsTest {

    private static final DocumentAnnotator WITH_MODELS = new DocumentAnnotator(AuthorityList.bundled());
    private static final DocumentAnnotator LIST_ONLY = new DocumentAnnotator(AuthorityList.bundled(), NameModels.none());

    @Test
    void aDateLeavesOutItsPrepositionAndArticleInEveryLanguage() {
        // Each sentence with the span a model trained on HIPE's convention gives (the preposition in).
        assertEquals("1929", settledDate("Le groupe fut fondé en 1929 à Paris .", "en", "1929"));
        assertEquals("5 juin 1923", settledDate("Il fut arrêté depuis le 5 juin 1923 .", "depuis", "1923"));
        assertEquals("mars 1930", settledDate("jusqu'au mars 1930 le journal parut", "jusqu'au", "1930"));
        assertEquals("15. Januar 1884", settledDate("Die Verordnung vom 15. Januar 1884 gilt .", "vom", "1884"));
        assertEquals("1. Mai 1924", settledDate("Am 1. Mai 1924 demonstrieren die Arbeiter", "Am", "1924"));
        assertEquals("1927", settledDate("In 1927 the group was arrested", "In", "1927"));
        assertEquals("June 5, 1923", settledDate("He wrote since June 5, 1923 to them", "since", "1923"));
        assertEquals("1923 г.", settledDate("Группа возникла в 1923 г. в Москве", "в", "г."));
        assertEquals("5 июня 1923 г.", settledDate("Арестован до 5 июня 1923 г.", "до", "г."));
    }

    @Test
    void aDateOfOneWordIsNeverEmptied() {
        assertEquals("1929", settledDate("en 1929", "1929", "1929"));
    }

    @Test
    void anElidedPrepositionGluedToTheDatesWordStaysOutsideIt() {
        DocumentAnnotator.Annotated annotated = LIST_ONLY.annotateWithBounds(
                Blocks.document(List.of("fra"), "Il est arrivé d'avril 1930 à Paris."));
        Annotation date = annotated.document().annotations().get(0);
        assertEquals(EntityType.DATE, date.type());
        assertEquals("1930-04", date.value());
        assertEquals("d'avril 1930", covered(annotated.document(), date), "a word is not split in the model");
        assertEquals(new NameBounds(2, 4), annotated.bounds().get(date.id()), "the TEI marks d'<date>avril 1930</date>");
    }

    @Test
    void theBundledModelsDatesLeaveOutTheirPreposition() {
        assertEquals("DATE 1884-01-15 [15. Januar 1884]", dates(WITH_MODELS, "deu", "Die Verordnung vom 15. Januar 1884 gilt."));
        assertEquals("DATE 1924-05-01 [1. Mai 1924]", dates(WITH_MODELS, "deu", "Am 1. Mai 1924 demonstrieren die Arbeiter."));
        assertEquals("DATE 1929 [1929]", dates(WITH_MODELS, "fra", "Le groupe fut fondé en 1929 à Paris."));
        assertEquals("DATE 1927 [1927]", dates(WITH_MODELS, "eng", "In 1927 the group was arrested."));
        assertEquals("DATE 1923 [1923 г.]", dates(WITH_MODELS, "rus", "Группа возникла в 1923 г. в Москве."));
    }

    @Test
    void aPersonTakesInTheInitialsBeforeTheName() {
        assertEquals("PERSON kuznetsov [N. V. Kuznetsov]", persons(LIST_ONLY, "eng", "The letter of N. V. Kuznetsov was read."));
        assertEquals("PERSON kuznetsov [N.V. Kuznetsov]", persons(LIST_ONLY, "fra", "La lettre de N.V. Kuznetsov fut lue."));
        assertEquals("PERSON kuznetsov [N. Kusnezow]", persons(LIST_ONLY, "deu", "Der Brief von N. Kusnezow wurde verlesen."));
        assertEquals("PERSON kuznetsov [Н. В. Кузнецова]", persons(LIST_ONLY, "rus", "Письмо Н. В. Кузнецова прочитано."));
        assertEquals("PERSON kuznetsov [N. V. Kuznetsov]", persons(WITH_MODELS, "eng", "The letter of N. V. Kuznetsov was read."));
        assertEquals("PERSON kuznetsov [Н. В. Кузнецова]", persons(WITH_MODELS, "rus", "Письмо Н. В. Кузнецова прочитано."));
    }

    @Test
    void initialsAreTakenOnlyRightBeforeTheNameAndNeverFromAnotherName() {
        assertEquals("PERSON kuznetsov [Kuznetsov]", persons(LIST_ONLY, "eng", "N. V. wrote to Kuznetsov"));
        List<Token> tokens = Token.of(Blocks.of("Moscou N. Kuznetsov"));
        List<TokenMatch> settled = SpanConventions.apply(tokens, List.of(
                new TokenMatch(EntityType.ORGANISATION, 0, 2, null, null, 0.9),
                new TokenMatch(EntityType.PERSON, 2, 3, "kuznetsov", null, 1.0)), id -> "");
        assertEquals(2, settled.get(1).start(), "an initial inside another span stays there");
    }

    @Test
    void aListedNamePrintedWholeInCapitalsIsMarkedWhole() {
        assertEquals("ORGANISATION kapd [KOMMUNISTISCHEN ARBEITER-PARTEI DEUTSCHLANDS]",
                DocumentAnnotatorTest.describe(annotate(LIST_ONLY, "deu",
                        "Herausgegeben von der KOMMUNISTISCHEN ARBEITER-PARTEI DEUTSCHLANDS")));
        assertEquals("ORGANISATION kapd [KOMMUNISTISCHF ARBEITER-PARTEI DEUTSCHLANDS]",
                DocumentAnnotatorTest.describe(annotate(LIST_ONLY, "deu", "KOMMUNISTISCHF ARBEITER-PARTEI DEUTSCHLANDS")),
                "misread by OCR, as a word in small letters would be");
        assertEquals("ORGANISATION kapd [KOMMUNISTISCHEN ARBEITER-PARTEI DEUTSCHLANDS]",
                DocumentAnnotatorTest.describe(annotate(WITH_MODELS, "deu",
                        "Herausgegeben von der KOMMUNISTISCHEN ARBEITER-PARTEI DEUTSCHLANDS")));
        assertEquals("ORGANISATION kapd [КОММУНИСТИЧЕСКОЙ РАБОЧЕЙ ПАРТИИ ГЕРМАНИИ]",
                DocumentAnnotatorTest.describe(annotate(LIST_ONLY, "rus", "Манифест КОММУНИСТИЧЕСКОЙ РАБОЧЕЙ ПАРТИИ ГЕРМАНИИ")));
        assertEquals("ORGANISATION kapd [PARTI COMMUNISTE OUVRIER D'ALLEMAGNE]",
                DocumentAnnotatorTest.describe(annotate(LIST_ONLY, "fra", "Appel du PARTI COMMUNISTE OUVRIER D'ALLEMAGNE")));
    }

    @Test
    void anAcronymStillMatchesOnlyAsPrinted() {
        assertEquals("ORGANISATION - [NKAPD] | ORGANISATION - [KAPO]",
                DocumentAnnotatorTest.describe(annotate(LIST_ONLY, "fra", "la NKAPD et le KAPO")),
                "acronyms, but not the list's KAPD");
    }

    @Test
    void theWordsThatLeadIntoADateAreKnownAsPrinted() {
        for (String word : List.of("en", "dès", "Jusqu'au", "d'", "vom", "Am", "since", "The", "в", "Во")) {
            assertTrue(SpanConventions.leadsIntoDate(word), word);
        }
        for (String word : List.of("1929", "avril", "Januar", "Mai", "года")) {
            assertFalse(SpanConventions.leadsIntoDate(word), word);
        }
    }

    /**
     * The date a span from the token {@code first} to the token {@code last} (as printed) settles
     * to, in a block of the sentence's words.
     */
    private static String settledDate(String sentence, String first, String last) {
        Block block = Blocks.of(sentence);
        List<Token> tokens = Token.of(block);
        int start = indexOf(tokens, first);
        int end = indexOf(tokens, last) + 1;
        List<TokenMatch> settled = SpanConventions.apply(tokens,
                List.of(new TokenMatch(EntityType.DATE, start, end, null, "1929", 0.9)), id -> "");
        TokenMatch date = settled.get(0);
        return tokens.subList(date.start(), date.end()).stream().map(Token::surface).collect(Collectors.joining(" "));
    }

    private static int indexOf(List<Token> tokens, String surface) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).surface().equals(surface)) {
                return i;
            }
        }
        throw new IllegalArgumentException(surface + " is not among the tokens");
    }

    private static Document annotate(DocumentAnnotator annotator, String language, String sentence) {
        return DocumentInvariants.requireSound(annotator.annotate(Blocks.document(List.of(language), sentence)));
    }

    private static String dates(DocumentAnnotator annotator, String language, String sentence) {
        return ofType(annotate(annotator, language, sentence), EntityType.DATE);
    }

    private static String persons(DocumentAnnotator annotator, String language, String sentence) {
        return ofType(annotate(annotator, language, sentence), EntityType.PERSON);
    }

    private static String ofType(Document document, EntityType type) {
        return DocumentAnnotatorTest.describe(document.withAnnotations(document.annotations().stream()
                .filter(a -> a.type() == type).toList()));
    }

    private static String covered(Document document, Annotation annotation) {
        Map<String, Word> words = document.wordsById();
        return annotation.wordIds().stream().map(id -> words.get(id).text()).collect(Collectors.joining(" "));
    }
}
