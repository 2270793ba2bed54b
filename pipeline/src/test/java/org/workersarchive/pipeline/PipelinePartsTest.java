package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.pipeline.cli.ArchiveCli;

class PipelinePartsTest {

    private static final String SHA = "0123456789ab" + "c".repeat(52);

    @TempDir
    Path dir;

    @Test
    void configFileAndCommandLineAreBoundWithTheCommandLineWinning() throws IOException {
        Path file = dir.resolve("archive.properties");
        Files.writeString(file, "archive.languages=rus+eng\narchive.workers=3\narchive.render-dpi=200\n");
        PipelineConfig config = new PipelineConfigLoader().withFile(file).with("archive.workers", 1).load(dir);
        assertEquals(List.of("rus", "eng"), config.ocr().languages());
        assertEquals(1, config.workers());
        assertEquals(200, config.ingest().renderDpi());
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
    void aFailedInputIsCopiedWithItsReasonAndNeverOverwritten() throws IOException {
        Path input = Files.writeString(dir.resolve("bad scan.pdf"), "broken", StandardCharsets.UTF_8);
        FailedStore store = new FailedStore(dir.resolve("failed"));
        Path first = store.keep(input, "damaged PDF: no header");
        Path second = store.keep(input, "damaged PDF: still no header");
        assertEquals(dir.resolve("failed/bad scan.pdf"), first);
        assertEquals(dir.resolve("failed/bad scan-2.pdf"), second);
        assertEquals("broken", Files.readString(second));
        assertEquals(List.of(input.toString(), "damaged PDF: still no header"),
                Files.readAllLines(FailedStore.reasonFile(second)));
        assertEquals("broken", Files.readString(input));
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, ArchiveCli.commandLine().execute("batch", dir.toString()));
        assertEquals(2, ArchiveCli.commandLine().execute("batch", dir.resolve("missing").toString(),
                "--archive", dir.resolve("archive").toString()));
        assertEquals(2, ArchiveCli.commandLine().execute("frobnicate"));
    }
}
