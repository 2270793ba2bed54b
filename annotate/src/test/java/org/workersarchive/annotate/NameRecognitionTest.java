package org.workersarchive.annotate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.Document;
import org.workersarchive.core.DocumentInvariants;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Language;

/**
 * The bundled name models on real sentences of the kind the archive holds (newspaper French and
 * German of the 1920s, English, Russian), none of them from the training data, together with the
 * authority list. Each expectation is what a reader sees in the sentence, not what the model said.
 */
class NameRecognitionTest {

    private static final DocumentAnnotator ANNOTATOR = new DocumentAnnotator(AuthorityList.bundled());

    @Test
    void aModelIsChosenByLanguageInAnyOfItsForms() {
        assertEquals(Optional.of("fr"), NameModels.modelLanguage(Language.ofModel("fra")));
        for (String model : List.of("deu", "frk", "deu_latf")) {
            assertEquals(Optional.of("de"), NameModels.modelLanguage(Language.ofModel(model)), model);
        }
        assertEquals(Optional.of("ru"), NameModels.modelLanguage(Language.ofModel("Cyrillic")), "Russian before 1918");
        assertEquals(Optional.empty(), NameModels.modelLanguage(Language.ofModel("ita")));
        assertEquals(Optional.empty(), NameModels.modelLanguage(Language.ofModel("Latin")), "a script reads no one language");
        for (String language : List.of("fr", "de", "en", "ru")) {
            assertEquals(language, NameModels.bundled().forModelLanguage(language).orElseThrow().language());
            assertEquals(language, NameModels.modelLanguage(language));
        }
        assertEquals("de", NameModels.modelLanguage("deu"), "as a person names it");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> NameModels.modelLanguage("ita"));
        assertTrue(unknown.getMessage().contains("ita"), unknown.getMessage());
        assertTrue(NameModels.none().forLanguage(Language.ofModel("fra")).isEmpty());
    }

    @Test
    void theSettingNamesTheBundledModelsNoneOrAFolderOfRetrainedOnes(@TempDir Path folder) throws IOException {
        assertSame(NameModels.bundled(), NameModels.ofSetting("bundled"));
        assertSame(NameModels.bundled(), NameModels.ofSetting(null), "the default");
        assertSame(NameModels.none(), NameModels.ofSetting("none"));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> NameModels.ofSetting(folder.toString()));
        assertTrue(empty.getMessage().contains("holds no model"), empty.getMessage());
        byte[] french = NameModels.bundled().forModelLanguage("fr").orElseThrow().toBytes();
        Files.write(folder.resolve("fr.model.gz"), french);
        NameModels retrained = NameModels.ofSetting(folder.toString());
        assertArrayEquals(french, retrained.forLanguage(Language.ofModel("fra")).orElseThrow().toBytes());
        assertTrue(retrained.forLanguage(Language.ofModel("deu")).isEmpty(), "only the models in the folder");
        Files.writeString(folder.resolve("de.model.gz"), "not a model");
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> NameModels.ofSetting(folder.toString()));
        assertTrue(broken.getMessage().contains("de.model.gz"), broken.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NameModels.ofSetting("bundeld"), "a typo is said");
    }

    @Test
    void namesNobodyListedAreFoundInEachLanguageWithoutAKey() {
        // Each sentence with the names a reader sees in it (none in the authority list); the models
        // are far from perfect (docs/ner-notes.md), so at least half of them must be found, each with its type.
        assertFindsHalf("fra", "Le président Poincaré a reçu hier à Lyon M. Herriot, maire de la ville.",
                EntityType.PERSON, "Poincaré", EntityType.PLACE, "Lyon", EntityType.PERSON, "Herriot");
        assertFindsHalf("deu", "Der Reichskanzler Stresemann sprach gestern in Hamburg vor den Arbeitern.",
                EntityType.PERSON, "Stresemann", EntityType.PLACE, "Hamburg");
        assertFindsHalf("eng", "Mr. Ramsay MacDonald arrived in London yesterday from Glasgow.",
                EntityType.PERSON, "MacDonald", EntityType.PLACE, "London", EntityType.PLACE, "Glasgow");
        assertFindsHalf("rus", "Вчера в Новосибирске губернатор Иван Петров встретился с рабочими завода .",
                EntityType.PLACE, "Новосибирске", EntityType.PERSON, "Петров");

        Document french = annotate("fra", "Le président Poincaré a reçu hier à Lyon M. Herriot, maire de la ville.");
        Annotation lyon = french.annotations().stream().filter(a -> a.type() == EntityType.PLACE).findFirst().orElseThrow();
        assertNull(lyon.key(), "Lyon is not in the authority list");
        assertTrue(lyon.confidence() > 0 && lyon.confidence() < 1, "the model's probability: " + lyon.confidence());
    }

    /** Of the (type, word) pairs, at least half are inside an annotation of that type. */
    private static void assertFindsHalf(String language, String sentence, Object... expected) {
        Document document = annotate(language, sentence);
        var words = document.wordsById();
        int found = 0;
        for (int i = 0; i < expected.length; i += 2) {
            EntityType type = (EntityType) expected[i];
            String word = (String) expected[i + 1];
            found += document.annotations().stream().anyMatch(a -> a.type() == type
                    && a.wordIds().stream().anyMatch(id -> words.get(id).text().startsWith(word))) ? 1 : 0;
        }
        assertTrue(2 * found >= expected.length / 2, language + ": " + found + " of " + expected.length / 2 + " in "
                + DocumentAnnotatorTest.describe(document));
    }

    @Test
    void theListStillLinksWhatItKnowsAndItsPrecisionIsKept() {
        Document document = annotate("fra", "Le camarade Miasnikov est arrivé à Moscou avec Lénine.");
        assertTrue(has(document, EntityType.PLACE, "Moscou"), DocumentAnnotatorTest.describe(document));
        assertEquals("moscow", keyOf(document, "Moscou"));
        assertEquals("myasnikov", document.annotations().stream().filter(a -> a.type() == EntityType.PERSON)
                .map(Annotation::key).filter(k -> k != null).findFirst().orElse(null), DocumentAnnotatorTest.describe(document));
        assertEquals(1.0, document.annotations().stream().filter(a -> "moscow".equals(a.key())).findFirst().orElseThrow()
                .confidence(), "a list match keeps the list's confidence");
    }

    @Test
    void aModelsNameAroundAListedNameMovesItsBoundsOnlyWhenSure() {
        KnownNames known = new KnownNames(List.of(new TokenMatch(EntityType.ORGANISATION, 1, 3, "workers-group", null, 1.0)),
                List.of());
        TokenMatch listed = new TokenMatch(EntityType.ORGANISATION, 1, 3, "workers-group", null, 1.0);
        assertEquals(List.of(listed), NameMerge.merge(known, List.of(new TokenMatch(EntityType.ORGANISATION, 0, 3, null, null,
                0.65))), "\"Въ Рабочей группѣ\" at 0.65 leaves the list's \"Рабочей группѣ\" as it is");
        assertEquals(List.of(new TokenMatch(EntityType.ORGANISATION, 0, 3, "workers-group", null, 1.0)),
                NameMerge.merge(known, List.of(new TokenMatch(EntityType.ORGANISATION, 0, 3, null, null, NameMerge.SURE))));
    }

    @Test
    void aModelsNameAroundAListedNameTakesItsKey() {
        KnownNames known = new KnownNames(List.of(new TokenMatch(EntityType.PERSON, 2, 3, "myasnikov", null, 1.0)),
                List.of(new TokenMatch(EntityType.DATE, 5, 7, null, "1923-06", 1.0)));
        List<TokenMatch> merged = NameMerge.merge(known, List.of(
                new TokenMatch(EntityType.PERSON, 1, 3, null, null, 0.8),
                new TokenMatch(EntityType.DATE, 4, 7, null, null, 0.7),
                new TokenMatch(EntityType.PLACE, 8, 9, null, null, 0.9),
                new TokenMatch(EntityType.PLACE, 6, 9, null, null, 0.9)));
        assertEquals(List.of(new TokenMatch(EntityType.PERSON, 1, 3, "myasnikov", null, 1.0),
                new TokenMatch(EntityType.DATE, 4, 7, null, "1923-06", 1.0),
                new TokenMatch(EntityType.PLACE, 8, 9, null, null, 0.9)), merged,
                "the person takes the key over the model's span, the date the model's span with its value, and a"
                        + " name across a date is dropped");
    }

    @Test
    void aPageWithNoLanguageIsReadWithoutAModel() {
        Document document = DocumentInvariants.requireSound(ANNOTATOR.annotate(
                Blocks.document(List.of(), "Le président Poincaré a reçu hier à Lyon M. Herriot")));
        assertFalse(has(document, EntityType.PLACE, "Lyon"));
    }

    @Test
    void aStoredModelReadsBackToTheSameBytesAndAForeignFileIsRefused() throws IOException {
        NameModel french = NameModels.bundled().forModelLanguage("fr").orElseThrow();
        byte[] bytes = french.toBytes();
        assertArrayEquals(bytes, NameModel.read(bytes).toBytes());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> NameModel.read(
                new ByteArrayInputStream(new byte[] {31, -117, 8, 0, 0, 0, 0, 0, 0, -1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
                "empty.gz"));
        assertTrue(refused.getMessage().contains("empty.gz"), refused.getMessage());
    }

    private static Document annotate(String language, String... lines) {
        return DocumentInvariants.requireSound(ANNOTATOR.annotate(Blocks.document(List.of(language), lines)));
    }

    private static boolean has(Document document, EntityType type, String text) {
        var words = document.wordsById();
        return document.annotations().stream().anyMatch(a -> a.type() == type
                && String.join(" ", a.wordIds().stream().map(id -> words.get(id).text()).toList()).equals(text));
    }

    private static String keyOf(Document document, String text) {
        var words = document.wordsById();
        return document.annotations().stream()
                .filter(a -> String.join(" ", a.wordIds().stream().map(id -> words.get(id).text()).toList()).equals(text))
                .map(Annotation::key).findFirst().orElse(null);
    }
}
