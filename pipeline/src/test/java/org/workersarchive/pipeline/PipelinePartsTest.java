package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceFile;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;
import org.workersarchive.export.ArchiveWriter;
import org.workersarchive.export.AuthorityEntries;
import org.workersarchive.export.TeiConfig;
import org.workersarchive.ingest.ScanSet;
import org.workersarchive.ingest.ScanSets;
import org.workersarchive.ocr.OcrConfig;
import org.workersarchive.ocr.Thresholding;
import org.workersarchive.pipeline.cli.ArchiveCli;

class PipelinePartsTest {

    private static final String SHA = "0123456789ab" + "c".repeat(52);

    @TempDir
    Path dir;

    @Test
    void configFileAndCommandLineAreBoundWithTheCommandLineWinning() throws IOException {
        Path file = dir.resolve("archive.properties");
        Files.writeString(file, "archive.languages=rus+eng\narchive.workers=3\narchive.render-dpi=200\n"
                + "archive.language-choice=fixed\narchive.thresholding=sauvola\narchive.uncertain-below=45\n");
        PipelineConfig config = new PipelineConfigLoader().withFile(file).with("archive.workers", 1).load(dir);
        assertEquals(List.of("rus", "eng"), config.ocr().languages());
        assertEquals(1, config.workers());
        assertEquals(200, config.ingest().renderDpi());
        assertEquals(OcrConfig.LanguageChoice.FIXED, config.ocr().languageChoice());
        assertEquals(Thresholding.SAUVOLA, config.ocr().thresholding());
        assertEquals(45, config.tei().uncertainBelow());
    }

    @Test
    void aMistypedSettingIsAnErrorNamingIt() throws IOException {
        Path file = dir.resolve("archive.properties");
        Files.writeString(file, "archive.langauges=fra\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new PipelineConfigLoader().withFile(file));
        assertTrue(error.getMessage().contains("unknown setting 'archive.langauges'"), error.getMessage());
    }

    @Test
    void foldersGiveTheirScansAndNamedFilesAreAlwaysTaken() throws IOException {
        Path box = Files.createDirectories(dir.resolve("box/sub"));
        Files.writeString(box.resolve("a.PDF"), "x");
        Files.writeString(box.resolve("b.tiff"), "x");
        Files.writeString(box.resolve("notes.txt"), "x");
        Files.writeString(box.resolve(".hidden.png"), "x");
        Path named = Files.writeString(dir.resolve("named.txt"), "x");
        List<Path> files = InputCollector.collect(List.of(dir.resolve("box"), named));
        assertEquals(List.of(box.resolve("a.PDF"), box.resolve("b.tiff"), named), files);
        assertThrows(IllegalArgumentException.class, () -> InputCollector.collect(List.of(dir.resolve("missing"))));
    }

    @Test
    void theDuplicateIndexKnowsArchivedDocumentsAndClaimsOnce() throws IOException {
        Files.createDirectories(dir.resolve("documents/ouvrier-communiste-0123456789ab"));
        DuplicateIndex index = new DuplicateIndex(dir.resolve("documents"));
        assertEquals(Optional.of("ouvrier-communiste-0123456789ab"), index.claim(SHA));
        String other = "f".repeat(64);
        assertEquals(Optional.empty(), index.claim(other));
        assertEquals(Optional.of("(in progress in this run)"), index.claim(other));
        index.released(other);
        assertEquals(Optional.empty(), index.claim(other));
    }

    @Test
    void aFailedInputIsCopiedOnceWithItsLatestReasonAndAnotherOfTheSameNameIsNeverOverwritten() throws IOException {
        Path input = Files.writeString(dir.resolve("bad scan.pdf"), "broken", StandardCharsets.UTF_8);
        FailedStore store = new FailedStore(dir.resolve("failed"));
        Path first = store.keep(input, "damaged PDF: no header");
        Path again = store.keep(input, "damaged PDF: still no header");
        assertEquals(dir.resolve("failed/bad scan.pdf"), first);
        assertEquals(first, again, "the same bytes failing again (after a restart, a retry) keep their one copy");
        assertEquals(List.of(input.toString(), "damaged PDF: still no header"),
                Files.readAllLines(FailedStore.reasonFile(first)));

        Path other = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("bad scan.pdf"),
                "broken too",
                StandardCharsets.UTF_8);
        Path second = store.keep(other, "damaged PDF: truncated");
        assertEquals(dir.resolve("failed/bad scan-2.pdf"), second);
        assertEquals("broken too", Files.readString(second));
        assertEquals("broken", Files.readString(first));
        assertEquals("broken", Files.readString(input));
    }

    @Test
    void theJournalCountsStoppedRunsAndFinishesOnlyTheRemovalsOfUnchangedFiles() throws IOException {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path page1 = Files.writeString(inbox.resolve("issue_p01.png"), "one");
        Path page2 = Files.writeString(inbox.resolve("issue_p02.png"), "two");
        ScanSet issue = ScanSets.setOf(page1);
        InputJournal journal = new InputJournal(new ArchiveLayout(dir.resolve("archive")).journal());

        assertEquals(0, journal.begin(issue, "a".repeat(64)).runsStopped());
        assertEquals(1, journal.begin(issue, "a".repeat(64)).runsStopped(), "taken up again after a stop");
        journal.putOff(issue);
        assertEquals(1, journal.begin(issue, "a".repeat(64)).runsStopped(), "a deferral is no stop");
        assertEquals(0, journal.begin(issue, "b".repeat(64)).runsStopped(), "other bytes in the same place: new");
        journal.written(issue, "issue-bbbbbbbbbbbb");
        assertEquals("issue-bbbbbbbbbbbb", journal.begin(issue, "b".repeat(64)).writtenDocument());

        journal.leaving(issue);
        Files.writeString(page2, "changed since it was taken");
        assertEquals(List.of(page1), journal.finishRemovals(), "only the unchanged file is removed");
        assertTrue(Files.exists(page2));
        assertEquals(List.of(), journal.inputsUnderWay());
    }

    @Test
    void aStoppedRunsHalfWrittenFoldersAreDeletedAndADocumentMovedAsideIsPutBack() throws IOException {
        Path documents = Files.createDirectories(dir.resolve("archive/documents"));
        Path whole = Files.createDirectories(documents.resolve("whole-aaaaaaaaaaaa"));
        Path partial = Files.createDirectories(documents.resolve(".new-bbbbbbbbbbbb.partial-" + UUID.randomUUID()));
        Path movedAside = Files.createDirectories(documents.resolve(".old-cccccccccccc.replaced-" + UUID.randomUUID()));
        Files.writeString(movedAside.resolve("document.tei.xml"), "<TEI/>");
        Path replacedAlready = Files.createDirectories(documents.resolve(".whole-aaaaaaaaaaaa.replaced-"
                + UUID.randomUUID()));
        Path authority = dir.resolve("authority.xml");
        AuthorityList.bundled().copyTo(authority);
        ArchiveWriter writer = new ArchiveWriter(new ArchiveLayout(dir.resolve("archive")), TeiConfig.defaults(),
                AuthorityEntries.read(authority));

        assertEquals(3, writer.recoverInterruptedWrites().size());

        assertTrue(Files.isDirectory(whole));
        assertTrue(Files.notExists(partial));
        assertTrue(Files.notExists(replacedAlready), "its replacement is in place");
        assertEquals("<TEI/>", Files.readString(documents.resolve("old-cccccccccccc/document.tei.xml")),
                "put back: its replacement had not been moved in");
        try (var left = Files.list(documents)) {
            assertEquals(List.of("old-cccccccccccc", "whole-aaaaaaaaaaaa"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, ArchiveCli.commandLine().execute("batch", dir.toString()));
        assertEquals(2, ArchiveCli.commandLine().execute("batch", dir.resolve("missing").toString(),
                "--archive", dir.resolve("archive").toString()));
        assertEquals(2, ArchiveCli.commandLine().execute("frobnicate"));
        assertEquals(2, ArchiveCli.commandLine().execute("batch", dir.toString(), "--archive",
                dir.resolve("archive").toString(), "--languages", "fra", "--force-languages", "rus"));
    }

    @Test
    void unknownNamesAreListedOnceWithCountsDocumentsAndContexts() throws IOException {
        DocumentAnnotator annotator = new DocumentAnnotator(AuthorityList.bundled());
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
        assertEquals("type,surface,count,documents,contexts", csv.get(0));
        assertTrue(csv.get(1).startsWith("PERSON,Lutovinov,3,doc-1 doc-2,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("ORGANISATION,SPD,1,doc-1,\"Lutovinov écrit à Miasnikov que la SPD, a dit"),
                csv.get(2));
        JsonNode json = new ObjectMapper().readTree(run.resolve("new-names.json").toFile());
        assertEquals(3, json.get("names").get(0).get("count").asInt());
        assertEquals(3, json.get("names").get(0).get("contexts").size());
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
                .withText(TextOrigin.OCR, List.of("fra"), List.of(block));
        return Document.ofPages(id, new SourceFile(Path.of(id + ".png"), id + ".png", SHA, "image/png", 1, 1, Map.of()),
                List.of(page), new ProcessingStep("ingest", "test", "1", Map.of(), Duration.ZERO));
    }
}
