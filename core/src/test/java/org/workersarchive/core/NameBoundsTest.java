package org.workersarchive.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NameBoundsTest {

    @Test
    void punctuationOfTheSentenceStaysOutsideTheName() {
        assertEquals(5, end("nikov,"));
        assertEquals(6, end("Moscou."));
        assertEquals(4, end("KAPD»."));
        assertEquals(1, end("."), "a word of punctuation alone keeps its length");
    }

    @Test
    void anInitialsFullStopAndABracketTheNameOpenedAreTheNamesOwn() {
        assertEquals(2, end("G."));
        assertEquals(2, end("5."), "an ordinal in a German date: 5. Juni");
        assertEquals(6, end("РКП(б)"));
        assertEquals(6, end("РКП(б),"));
    }

    @Test
    void anElisionBeforeACapitalAndOpeningPunctuationStayOutside() {
        assertEquals(new NameBounds(2, 11), NameBounds.of("l'Allemagne,", "l'Allemagne,"));
        assertEquals(new NameBounds(3, 6), NameBounds.of("(d’Italie", "Naples)."));
        assertEquals(new NameBounds(3, 10), NameBounds.of("qu'Herriot", "qu'Herriot"));
        assertEquals(new NameBounds(1, 9), NameBounds.of("«Humanité»", "«Humanité»"));
        assertEquals(new NameBounds(0, 10), NameBounds.of("l'ouvrier", "Communiste,"), "no capital: no elision");
    }

    @Test
    void aDateLeavesOutAnElidedPrepositionBeforeALowerCaseMonth() {
        assertEquals(new NameBounds(2, 4), NameBounds.of(EntityType.DATE, "d'avril", "1930,"));
        assertEquals(new NameBounds(2, 4), NameBounds.of(EntityType.DATE, "d’août", "1930"));
        assertEquals(new NameBounds(0, 9), NameBounds.of(EntityType.PERSON, "l'ouvrier", "l'ouvrier"),
                "a name keeps a lower-case word's elision");
        assertEquals(new NameBounds(2, 11), NameBounds.of(EntityType.PLACE, "l'Allemagne", "l'Allemagne"));
    }

    private static int end(String word) {
        return NameBounds.of(word, word).end();
    }
}
