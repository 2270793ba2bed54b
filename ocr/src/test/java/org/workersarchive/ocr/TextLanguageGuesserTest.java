package org.workersarchive.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextLanguageGuesserTest {

    private static final List<String> ALL = List.of("fra", "rus", "deu", "eng");

    @Test
    void theFourLanguagesOfTheArchive() {
        assertEquals(Optional.of("fra"), TextLanguageGuesser.guess("Le camarade est arrêté à Moscou par la police", ALL));
        assertEquals(Optional.of("deu"), TextLanguageGuesser.guess("Die Genossen sind in den Gefängnissen der GPU", ALL));
        assertEquals(Optional.of("eng"), TextLanguageGuesser.guess("The group does not support the opposition", ALL));
        assertEquals(Optional.of("rus"), TextLanguageGuesser.guess("Рабочая группа РКП и товарищ Мясников", ALL));
    }

    @Test
    void onlyALanguageThePageWasReadWithAndOnlyWithASign() {
        assertEquals(Optional.empty(), TextLanguageGuesser.guess("The group and the party", List.of("fra", "deu")));
        assertEquals(Optional.empty(), TextLanguageGuesser.guess("KAPD 1924 Berlin", ALL));
    }
}
