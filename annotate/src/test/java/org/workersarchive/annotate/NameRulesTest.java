package org.workersarchive.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workersarchive.core.EntityType;

/** The two rules that follow the model: titles taken into a person's name, a name marked wherever it recurs. */
class NameRulesTest {

    @Test
    void aPersonTakesInTheTitlesBeforeItButNotOtherWords() {
        String[] pieces = {"Hier", "M", ".", "le", "président", "Doumer", "et", "le", "maréchal", "Haig", "à", "Paris"};
        List<NameModel.Found> found = List.of(new NameModel.Found(EntityType.PERSON, 5, 6, 0.9),
                new NameModel.Found(EntityType.PERSON, 9, 10, 0.8), new NameModel.Found(EntityType.PLACE, 11, 12, 0.7));
        List<NameModel.Found> titled = NameTitleRule.apply(pieces, found);
        assertEquals(List.of(new NameModel.Found(EntityType.PERSON, 1, 6, 0.9),
                new NameModel.Found(EntityType.PERSON, 8, 10, 0.8), new NameModel.Found(EntityType.PLACE, 11, 12, 0.7)),
                titled, "\"M. le président Doumer\", \"maréchal Haig\"; the article before maréchal is no title's");
    }

    @Test
    void aTitleIsNotTakenFromTheNameBefore() {
        String[] pieces = {"Herr", "General", "Müller"};
        List<NameModel.Found> found = List.of(new NameModel.Found(EntityType.PERSON, 0, 2, 0.6),
                new NameModel.Found(EntityType.PERSON, 2, 3, 0.9));
        assertEquals(found, NameTitleRule.apply(pieces, found));
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
