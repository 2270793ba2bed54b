package org.workersarchive.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

    private final LanguageIdentifier archiveLanguages = new LanguageIdentifier(List.of("fra", "rus", "deu", "eng"));

    @Test
    void theFourLanguagesOfTheArchive() {
        assertEquals(Optional.of("fra"), archiveLanguages.identify(String.join(" ", TestPages.FRENCH)));
        assertEquals(Optional.of("deu"), archiveLanguages.identify(String.join(" ", TestPages.GERMAN)));
        assertEquals(Optional.of("rus"), archiveLanguages.identify(String.join(" ", TestPages.RUSSIAN)));
        assertEquals(Optional.of("eng"), archiveLanguages.identify(
                "The group does not support the opposition, which has made its peace with the apparatus of the party."));
    }

    @Test
    void aFrenchTextMisreadWithTheGermanModelIsStillFrench() {
        // What the deu model made of the first lines of a French page: accents lost, words intact.
        assertEquals(Optional.of("fra"), archiveLanguages.identify(
                "Le camarade Miasnikov fut exclu du parti en fevrier 1922, et le Groupe ouvrier publia son manifeste"));
    }

    @Test
    void tooShortOrOnlyOneCandidateSaysNothing() {
        assertEquals(Optional.empty(), archiveLanguages.identify("KAPD 1924 Berlin"));
        assertEquals(Optional.empty(), new LanguageIdentifier(List.of("fra")).identify(String.join(" ", TestPages.FRENCH)));
    }
}
