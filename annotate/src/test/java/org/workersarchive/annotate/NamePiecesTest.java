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
