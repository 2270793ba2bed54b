package org.workersarchive.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.annotate.NameModels;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Language;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceFile;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

class NewNamesTest {

    private static final String SHA = "0123456789ab" + "c".repeat(52);

    @TempDir
    Path dir;

    @Test
    void unknownNamesAreListedOnceWithCountsDocumentsAndContexts() throws IOException {
        // The list and the signs alone: what they find here is certain, the model's reading is not this test's.
        DocumentAnnotator annotator = new DocumentAnnotator(AuthorityList.bundled(), NameModels.none());
        Document first = annotator.annotate(oneLineDocument("doc-1",
                "Le camarade Lutovinov écrit à Miasnikov que la SPD, a dit camarade Lutovinov, trahit"));
        Document second = annotator.annotate(oneLineDocument("doc-2", "Genosse Lutovinov, in Berlin"));

        List<NewNames.Occurrence> names = NewNames.of(first);
        assertEquals(List.of("PERSON Lutovinov", "ORGANISATION SPD", "PERSON Lutovinov"),
                names.stream().map(n -> n.type() + " " + n.surface()).toList(), "Miasnikov is in the list");
        assertEquals("Le camarade Lutovinov écrit à Miasnikov que la SPD,", names.get(0).context());

        Path run = Files.createDirectories(dir.resolve("run"));
        NewNames.write(run, List.of(outcomeOf(first), outcomeOf(second)), new ObjectMapper());
        List<String> csv = Files.readAllLines(run.resolve("new-names.csv"));
        assertEquals("type,surface,count,found-by,mean-confidence,documents,contexts", csv.get(0));
        assertTrue(csv.get(1).startsWith("PERSON,Lutovinov,3,signs,"), csv.get(1));
        assertTrue(csv.get(1).contains(",doc-1 doc-2,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("ORGANISATION,SPD,1,signs,"), csv.get(2));
        assertTrue(csv.get(2).contains(",doc-1,\"Lutovinov écrit à Miasnikov que la SPD, a dit"), csv.get(2));
        JsonNode json = new ObjectMapper().readTree(run.resolve("new-names.json").toFile());
        assertEquals(3, json.get("names").get(0).get("count").asInt());
        assertEquals(3, json.get("names").get(0).get("contexts").size());
    }

    @Test
    void aModelsNamesSayWhichModelFoundThemAndTheSurerComeFirstAmongAsFrequent() throws IOException {
        Document document = oneLineDocument("doc-3", "Hier Haig et Foch ont vu Foch à Verdun");
        document = document.withAnnotations(List.of(
                modelName("e1", EntityType.PERSON, "p1_w2", 0.55), modelName("e2", EntityType.PERSON, "p1_w4", 0.90),
                modelName("e3", EntityType.PERSON, "p1_w7", 0.70), modelName("e4", EntityType.PLACE, "p1_w9", 0.95)));
        List<NewNames.Occurrence> names = NewNames.of(document);
        assertEquals(List.of("names-fr"), names.stream().map(NewNames.Occurrence::foundBy).distinct().toList());

        Path run = Files.createDirectories(dir.resolve("run-model"));
        NewNames.write(run, List.of(outcomeOf(document)), new ObjectMapper());
        JsonNode json = new ObjectMapper().readTree(run.resolve("new-names.json").toFile()).get("names");
        assertEquals(List.of("Foch", "Verdun", "Haig"),
                List.of(json.get(0).get("surface").asText(), json.get(1).get("surface").asText(),
                        json.get(2).get("surface").asText()), "Foch twice; then Verdun (0.95) before Haig (0.55)");
        assertEquals(0.8, json.get(0).get("meanConfidence").asDouble(), 1e-9);
        assertEquals("names-fr", json.get(0).get("foundBy").asText());
    }

    private static Annotation modelName(String id, EntityType type, String wordId, double confidence) {
        return new Annotation(id, type, List.of(wordId), null, null, confidence, "archive-annotator/names-fr");
    }

    private static InputOutcome outcomeOf(Document document) {
        return new InputOutcome(Path.of(document.id() + ".png"), List.of(Path.of(document.id() + ".png")), SHA,
                "image/png", InputOutcome.Status.ok, null,
                document.id(), List.of(), null, Map.of(), NewNames.of(document), 1);
    }

    /** A one-page, one-line document of the given words, with sound made-up boxes. */
    private static Document oneLineDocument(String id, String text) {
        List<Word> words = new ArrayList<>();
        for (String word : text.split(" ")) {
            words.add(new Word("p1_w" + (words.size() + 1), word, new BoundingBox(words.size() * 20, 0, 10, 10), 90));
        }
        BoundingBox box = BoundingBox.enclosing(words.stream().map(Word::box).toList());
        Block block = new Block("p1_b1", box, List.of(new Line("p1_l1", box, words)));
        Page page = Page.unread(1, new PageImage(Path.of("p.png"), 5000, 100, 300))
                .withText(TextOrigin.OCR, Language.listOf("fra"), List.of(block));
        return Document.ofPages(id, new SourceFile(Path.of(id + ".png"), id + ".png", SHA, "image/png", 1, 1, Map.of()),
                List.of(page), new ProcessingStep("ingest", "test", "1", Map.of(), Duration.ZERO));
    }
}
