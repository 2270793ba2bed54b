package org.workersarchive.annotate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workersarchive.core.Block;
import org.workersarchive.core.EntityType;

class NamePiecesTest {

    @Test
    void wordsAreCutAsHipeTokenisesAndKnowTheirWordAndOffset() {
        Block block = Blocks.of("de l'Allemagne, M. Hagenbeck", "à Saint-Gall");
        NamePieces pieces = NamePieces.of(block, Token.of(block));

        assertArrayEquals(new String[] {"de", "l", "'", "Allemagne", ",", "M", ".", "Hagenbeck", "à", "Saint", "-",
            "Gall"}, pieces.texts());
        NamePieces.Piece allemagne = pieces.pieces().get(3);
        assertEquals(1, allemagne.word());
        assertEquals(2, allemagne.offset());
        assertTrue(pieces.pieces().get(0).lineStart());
        assertTrue(pieces.pieces().get(7).lineEnd());
        assertTrue(pieces.pieces().get(8).lineStart());
    }

    @Test
    void piecesGoBackToTheAnnotatorsTokensEvenAcrossAHyphenatedLineEnd() {
        Block block = Blocks.of("le camarade Mias-", "nikov écrit");
        List<Token> tokens = Token.of(block);
        NamePieces pieces = NamePieces.of(block, tokens);

        assertArrayEquals(new String[] {"le", "camarade", "Mias", "-", "nikov", "écrit"}, pieces.texts());
        assertEquals("Miasnikov", tokens.get(2).surface());
        assertArrayEquals(new int[] {2, 3}, pieces.tokenRange(2, 5), "Mias - nikov is the one token Miasnikov");
        assertArrayEquals(new int[] {1, 3}, pieces.tokenRange(1, 3));
        assertEquals("Miasnikov", pieces.pieces().get(2).joined(), "both halves know the whole word");
        assertEquals("Miasnikov", pieces.pieces().get(4).joined());
        assertEquals(null, pieces.pieces().get(3).joined(), "not the hyphen");
        assertEquals(null, pieces.pieces().get(5).joined());
    }

    @Test
    void aWordHyphenatedAcrossLinesIsReadWhole() {
        Block block = Blocks.of("die Häfen von Dalma-", "tien und Istrien");
        List<Token> tokens = Token.of(block);
        String[][] features = NameRecognizer.read(block, tokens, List.of()).features();

        List<String> first = List.of(features[3]);
        List<String> second = List.of(features[5]);
        for (List<String> half : List.of(first, second)) {
            assertTrue(half.contains("hw=dalmatien"), half.toString());
            assertTrue(half.contains("hsuf=ien"), half.toString());
        }
        assertTrue(List.of(features[0]).stream().noneMatch(f -> f.startsWith("hw=")), "an unbroken word has none");
    }

    @Test
    void featuresSayWhatTheListsOfNamesAndPlacesKnow() {
        Block block = Blocks.of("an der Karl Liebknecht sprach, Präsident Frutos in Zürich und Hr. Mathys");
        String[] pieces = NamePieces.of(block, Token.of(block)).texts();
        String[][] features = NameRecognizer.read(block, Token.of(block), List.of()).features();

        assertEquals("Karl", pieces[2]);
        assertTrue(List.of(features[2]).contains("pw=given"), List.of(features[2]).toString());
        assertTrue(List.of(features[3]).contains("pw-1=given"), "Liebknecht follows a given name");
        assertEquals("Frutos", pieces[7]);
        assertTrue(List.of(features[7]).contains("pw-1=title"), "Frutos follows a title");
        assertEquals("Zürich", pieces[9]);
        assertTrue(List.of(features[9]).contains("place"), List.of(features[9]).toString());
        assertEquals("Mathys", pieces[13]);
        assertTrue(List.of(features[13]).contains("pw-1=title"), "over the abbreviation's full stop: Hr. Mathys");
        assertTrue(List.of(features[1]).stream().noneMatch(f -> f.startsWith("pw=") || f.startsWith("place")),
                "\"der\" is none of them, only before one: " + List.of(features[1]));
        assertTrue(List.of(features[1]).contains("pw+1=given"));
        assertTrue(NameWordLists.of("Rußland").place(), "folded as the annotator folds: Rußland is Russland");

        Block russian = Blocks.of("Въ Рабочей группѣ");
        String[][] old = NameRecognizer.read(russian, Token.of(russian), List.of()).features();
        assertTrue(List.of(old[0]).contains("w=в"), "the old spelling read as today's, as the Russian model learnt it");
        assertTrue(List.of(old[2]).contains("w=группе"), List.of(old[2]).toString());
        assertTrue(NameWordLists.of("Müller").surname());
    }

    @Test
    void featuresSayShapeAffixesLinePositionAndWhatTheListFound() {
        Block block = Blocks.of("Genosse Mjasnikow spricht");
        List<Token> tokens = Token.of(block);
        KnownNames known = KnownNames.in(tokens, new AuthorityAnnotator(AuthorityList.bundled()), new DateRecognizer());
        String[][] features = NameRecognizer.read(block, tokens, known.all()).features();

        List<String> name = List.of(features[1]);
        assertTrue(name.contains("sh=Xxl"), name.toString());
        assertTrue(name.contains("suf=kow"), name.toString());
        assertTrue(name.contains("known=" + EntityType.PERSON), name.toString());
        assertTrue(List.of(features[0]).contains("line=start"));
        assertTrue(List.of(features[0]).contains("known+1=" + EntityType.PERSON));
        assertEquals("X.s", NameFeatures.shape("M."), "the shape of initials");
        assertEquals("X1", NameFeatures.shape("M"));
        assertEquals("ds", NameFeatures.shape("188"));
    }
}
