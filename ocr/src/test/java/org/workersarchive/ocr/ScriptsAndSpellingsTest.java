package org.workersarchive.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.Script;
import org.workersarchive.core.Word;

/** German in Fraktur and Russian in the spelling before 1918, drawn here and read by the real Tesseract. */
class ScriptsAndSpellingsTest {

    static final List<String> GERMAN_IN_FRAKTUR = List.of(
            "Die Genossen der Arbeitergruppe wurden",
            "im Herbst verhaftet und in die Gefängnisse",
            "der politischen Polizei gebracht, weil sie",
            "die Wahrheit über die Lage der Arbeiter",
            "in den Fabriken laut und offen gesagt hatten.");
    static final List<String> RUSSIAN_BEFORE_1918 = List.of(
            "Въ Рабочей группѣ, основанной въ Москвѣ весною",
            "1923 года, Гавріилъ Мясниковъ видѣлъ послѣднее",
            "средство спасенія рабочаго дѣла. Онъ писалъ, что",
            "совѣтская бюрократія отняла у пролетаріата его",
            "побѣду и что безъ свободы слова для рабочихъ не",
            "будетъ и хлѣба. Товарищи изъ Перми читали его.");

    @TempDir
    static Path dir;
    private final TesseractEngines engines = SharedEngines.get();

    @Test
    void aGermanPageInFrakturIsReadWithTheFrakturModels() throws IOException {
        Page page = engines.recognize(DrawnPages.unread(1,
                DrawnPages.drawn(GERMAN_IN_FRAKTUR, DrawnPages.BLACKLETTER, 44), dir.resolve("fraktur.png")));

        assertEquals(Language.listOf("frk"), page.languages(), "orientation detection saw Fraktur");
        assertEquals("de-Latf", page.languages().get(0).tag());
        assertEquals(Script.FRAKTUR, page.preparation().script());
        assertTrue(page.text().contains("Arbeitergruppe"), page.text());
    }

    @Test
    void aGermanPageInAntiquaStaysWithTheGermanModel() throws IOException {
        Page page = engines.recognize(DrawnPages.unread(2, DrawnPages.drawn(GERMAN_IN_FRAKTUR, DrawnPages.SERIF, 40),
                dir.resolve("antiqua.png")));

        assertEquals(Language.listOf("deu"), page.languages());
        assertEquals(Script.LATIN, page.preparation().script());
    }

    @Test
    void aRussianPageInTheOldSpellingIsReadWithTheCyrillicModelAndItsLettersRestored() throws IOException {
        Page page = engines.recognize(DrawnPages.unread(3, DrawnPages.drawn(RUSSIAN_BEFORE_1918, DrawnPages.SERIF, 40),
                dir.resolve("old-russian.png")));

        assertEquals(Language.listOf("Cyrillic"), page.languages());
        assertEquals("ru-petr1708", page.languages().get(0).tag());
        String words = page.words().map(Word::text).collect(Collectors.joining(" "));
        // Of its 9 ѣ, the model misses one or two wholly (группѣ read as "групп"); the others come back.
        for (String printed : List.of("видѣлъ", "послѣднее", "Мясниковъ", "Гавріилъ", "хлѣба.", "рабочаго", "побѣду")) {
            assertTrue(words.contains(printed), printed + " in " + words);
        }
    }

    @Test
    void aRussianPageInTodaysSpellingStaysWithTheRussianModel() throws IOException {
        Page page = engines.recognize(DrawnPages.unread(4, DrawnPages.drawn(DrawnPages.RUSSIAN),
                dir.resolve("russian.png")));

        assertEquals(Language.listOf("rus"), page.languages());
    }

    @Test
    void theOldSpellingIsToldByItsLettersAndPutBackWhereTheModelsCannotWriteIt() {
        assertTrue(OldRussianSpelling.isOld(String.join(" ", RUSSIAN_BEFORE_1918)));
        assertFalse(OldRussianSpelling.isOld(String.join(" ", DrawnPages.RUSSIAN)));
        assertFalse(OldRussianSpelling.isOld("Мясниковъ въ Москвѣ"), "too few words to tell");
        // What the Cyrillic model writes for ѣ: a capital sign after small letters, or a small one.
        assertEquals("видѣлъ", OldRussianSpelling.restored("видЬлъ"));
        assertEquals("хлѣба.", OldRussianSpelling.restored("хлъба."));
        assertEquals("Ѳедоръ", OldRussianSpelling.restored("Өедоръ"));
        assertEquals("Россія", OldRussianSpelling.restored("Россiя"), "a Latin i among Cyrillic letters");
        assertEquals("объявленіе", OldRussianSpelling.restored("объявленіе"), "a real hard sign stays");
        assertEquals("РКП", OldRussianSpelling.restored("РКП"));
    }

    @Test
    void theLongSIsTranscribedAsTheConfigurationSays() {
        assertEquals("Wahrheit ist unsre Sache", LongS.MODERN.transcribe("Wahrheit iſt unſre Sache"));
        assertEquals("iſt", LongS.AS_PRINTED.transcribe("iſt"));
        assertEquals("fuer", LongS.MODERN.transcribe("fuer"));
    }
}
