package org.workersarchive.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordLanguagesTest {

    @Test
    void aPagesLanguagesAreThoseThatReadAFairShareOfItsWords() {
        assertEquals(List.of("fra"), WordLanguages.mainLanguages(Map.of("fra", 150, "eng", 12, "deu", 38),
                List.of("fra", "rus", "deu", "eng")));
        assertEquals(List.of("rus", "fra"), WordLanguages.mainLanguages(Map.of("fra", 40, "rus", 60),
                List.of("fra", "rus")));
        assertEquals(List.of("fra", "rus"), WordLanguages.mainLanguages(Map.of(), List.of("fra", "rus")));
    }
}
