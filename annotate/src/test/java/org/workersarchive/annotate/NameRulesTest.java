package org.workersarchive.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workersarchive.core.EntityType;

/** The rules that follow the model: titles taken into a person's name, place words into a place's, a name marked wherever it recurs. */
class NameRulesTest {

    @Test
    void aPersonTakesInTheTitlesBeforeItButNotOtherWords() {
        String[] pieces = {"Hier", "M", ".", "le", "président", "Doumer", "et", "le", "maréchal", "Haig", "à", "Paris"};
        List<NameModel.Found> found = List.of(new NameModel.Found(EntityType.PERSON, 5, 6, 0.9),
                new NameModel.Found(EntityType.PERSON, 9, 10, 0.8), new NameModel.Found(EntityType.PLACE, 11, 12, 0.7));
        List<NameModel.Found> titled = NameTitleRule.apply("fr", pieces, found);
        assertEquals(List.of(new NameModel.Found(EntityType.PERSON, 1, 6, 0.9),
                new NameModel.Found(EntityType.PERSON, 8, 10, 0.8), new NameModel.Found(EntityType.PLACE, 11, 12, 0.7)),
                titled, "\"M. le président Doumer\", \"maréchal Haig\"; the article before maréchal is no title's");
    }

    @Test
    void aGermanPlaceTakesInThePlaceWordBeforeItAsHipeMarksIt() {
        String[] pieces = {"der", "Kantone", "Bern", ",", "im", "Hafen", "von", "Spezzia", "und", "Stadt", "Zug"};
        List<NameModel.Found> found = List.of(new NameModel.Found(EntityType.PLACE, 2, 3, 0.9),
                new NameModel.Found(EntityType.PLACE, 7, 8, 0.8), new NameModel.Found(EntityType.PERSON, 10, 11, 0.5));
        assertEquals(List.of(new NameModel.Found(EntityType.PLACE, 1, 3, 0.9), new NameModel.Found(EntityType.PLACE, 5, 8, 0.8),
                new NameModel.Found(EntityType.PERSON, 10, 11, 0.5)), NameTitleRule.apply("de", pieces, found),
                "\"Kantone Bern\", \"Hafen von Spezzia\"; a person after \"Stadt\" is left alone");
        String[] french = {"le", "canton", "Vaud"};
        List<NameModel.Found> vaud = List.of(new NameModel.Found(EntityType.PLACE, 2, 3, 0.9));
        assertEquals(vaud, NameTitleRule.apply("fr", french, vaud), "German place words only in German");
    }

    @Test
    void aTitleIsNotTakenFromTheNameBefore() {
        String[] pieces = {"Herr", "General", "Müller"};
        List<NameModel.Found> found = List.of(new NameModel.Found(EntityType.PERSON, 0, 2, 0.6),
                new NameModel.Found(EntityType.PERSON, 2, 3, 0.9));
        assertEquals(found, NameTitleRule.apply("fr", pieces, found));
    }

    @Test
    void aPersonsSurnameMarksThePersonWhereItStandsAloneButNotAFoundName() {
        String[] pieces = {"General", "Higinio", "Morinigo", "regiert", ";", "Morinigo", "scheint", "in", "Asuncion", "und",
            "der", "Präsident", "der", "Bank", "sagt", ";", "die", "Bank"};
        List<NameModel.Found> found = List.of(new NameModel.Found(EntityType.PERSON, 0, 3, 0.9),
                new NameModel.Found(EntityType.PLACE, 8, 9, 0.6), new NameModel.Found(EntityType.PERSON, 11, 14, 0.5));
        assertEquals(List.of(new NameModel.Found(EntityType.PERSON, 0, 3, 0.9), new NameModel.Found(EntityType.PERSON, 5, 6, 0.9),
                new NameModel.Found(EntityType.PLACE, 8, 9, 0.6), new NameModel.Found(EntityType.PERSON, 11, 14, 0.5)),
                NameConsistency.extend(pieces, found), "the bare Morinigo marked; "
                        + "\"Bank\" ends a description, not a name of capitalised words");

        List<NameModel.Found> asPlace = List.of(new NameModel.Found(EntityType.PERSON, 0, 3, 0.9),
                new NameModel.Found(EntityType.PLACE, 5, 6, 0.6));
        assertEquals(asPlace, NameConsistency.extend(pieces, asPlace), "what the model marked otherwise stays as it is");
    }

    @Test
    void aNameFoundOnceIsMarkedWhereItRecursUnlessTakenOrUncapitalised() {
        String[] pieces = {"Haig", "est", "arrivé", ".", "Haig", "parle", "à", "Haig", "Street", ";", "et", "de", "et"};
        List<NameModel.Found> found = List.of(new NameModel.Found(EntityType.PERSON, 0, 1, 0.9),
                new NameModel.Found(EntityType.PLACE, 7, 9, 0.6), new NameModel.Found(EntityType.ORGANISATION, 10, 11, 0.5));
        assertEquals(List.of(new NameModel.Found(EntityType.PERSON, 0, 1, 0.9),
                new NameModel.Found(EntityType.PERSON, 4, 5, 0.9), new NameModel.Found(EntityType.PLACE, 7, 9, 0.6),
                new NameModel.Found(EntityType.ORGANISATION, 10, 11, 0.5)),
                NameConsistency.extend(pieces, found), "the second Haig marked; not the one inside Haig Street; "
                        + "\"et\" is no name to carry over");
    }
}
