package org.workersarchive.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.core.Language;

class LanguageIdentifierTest {

    private final LanguageIdentifier archiveLanguages = new LanguageIdentifier(Language.listOf("fra,rus,deu,eng"));

    @Test
    void theFourLanguagesOfTheArchive() {
        assertEquals(Optional.of("fr"), archiveLanguages.identify(String.join(" ", DrawnPages.FRENCH)));
        assertEquals(Optional.of("de"), archiveLanguages.identify(String.join(" ", DrawnPages.GERMAN)));
        assertEquals(Optional.of("ru"), archiveLanguages.identify(String.join(" ", DrawnPages.RUSSIAN)));
        assertEquals(Optional.of("en"), archiveLanguages.identify(
                "The group does not support the opposition, which has made its peace with the apparatus of the party."));
    }

    @Test
    void aFrenchTextMisreadWithTheGermanModelIsStillFrench() {
        // What the deu model made of the first lines of a French page: accents lost, words intact.
        assertEquals(Optional.of("fr"), archiveLanguages.identify(
                "Le camarade Miasnikov fut exclu du parti en fevrier 1922, et le Groupe ouvrier publia son manifeste"));
    }

    @Test
    void tooShortOrOnlyOneCandidateSaysNothing() {
        assertEquals(Optional.empty(), archiveLanguages.identify("KAPD 1924 Berlin"));
        assertEquals(Optional.empty(), new LanguageIdentifier(Language.listOf("fra")).identify(String.join(" ", DrawnPages.FRENCH)));
    }
}
