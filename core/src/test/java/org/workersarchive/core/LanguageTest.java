package org.workersarchive.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void theArchivesModelsHaveTheirTagsScriptsAndNames() {
        assertEquals(new Language("fra", "fr", Script.LATIN, "French"), Language.ofModel("fra"));
        assertEquals(new Language("rus", "ru", Script.CYRILLIC, "Russian"), Language.ofModel("rus"));
        Language fraktur = Language.ofModel("frk");
        assertEquals("de-Latf", fraktur.tag());
        assertEquals(Script.FRAKTUR, fraktur.script());
        assertEquals(Optional.of("de"), fraktur.isoCode(), "a language identifier knows Fraktur German as German");
        assertEquals(Optional.empty(), Language.ofModel("Latin").isoCode(), "a script model has no one language");
        assertEquals("ru-petr1708", Language.ofModel("Cyrillic").tag(), "Russian before 1918, read by the Cyrillic model");
        assertEquals("frk+Fraktur", Language.tesseractModels(List.of(fraktur)), "frk is read with its script model");
    }

    @Test
    void aLanguageConfiguredInTwoFormsKnowsTheOther() {
        List<Language> archive = Language.listOf("fra,rus,deu,eng,frk,Cyrillic");
        assertEquals(Language.listOf("frk"), Language.ofModel("deu").forms(archive));
        assertEquals(Language.listOf("deu"), Language.ofModel("frk").forms(archive));
        assertEquals(Language.listOf("Cyrillic"), Language.ofModel("rus").forms(archive));
        assertEquals(List.of(), Language.ofModel("fra").forms(archive));
        assertEquals(true, Language.ofModel("Cyrillic").oldSpelling());
    }

    @Test
    void aModelTheTableDoesNotKnowIsTaggedByItsIsoCode() {
        assertEquals(new Language("por", "pt", Script.LATIN, "Portuguese"), Language.ofModel("por"));
        assertEquals(new Language("ukr", "uk", Script.CYRILLIC, "Ukrainian"), Language.ofModel("ukr"));
        assertEquals(new Language("xyz", "xyz", Script.UNKNOWN, "xyz"), Language.ofModel("xyz"));
    }

    @Test
    void aListIsParsedOnceFromCommasOrPlusSigns() {
        List<Language> languages = Language.listOf("fra,rus+deu, eng");
        assertEquals(List.of("fra", "rus", "deu", "eng"), Language.models(languages));
        assertEquals("fra+rus+deu+eng", Language.tesseractModels(languages));
    }

    @Test
    void aModelNameNamesAFileOfTessdataNeverAPath() {
        for (String hostile : List.of("../../../tmp/evil", "/tmp/evil", "fra eng", "", "a".repeat(33))) {
            assertThrows(IllegalArgumentException.class, () -> Language.ofModel(hostile), hostile);
        }
        assertThrows(IllegalArgumentException.class, () -> new Language("../x", "x", Script.UNKNOWN, "x"));
    }

    @Test
    void aScriptIsNamedAsTheOrientationDetectorNamesIt() {
        assertEquals(Script.CYRILLIC, Script.named("Cyrillic"));
        assertEquals(new Script("Greek", "Grek"), Script.named("Greek"));
        assertEquals("Zzzz", Script.named("Klingon").code());
        assertEquals(false, Script.UNKNOWN.isKnown());
    }
}
