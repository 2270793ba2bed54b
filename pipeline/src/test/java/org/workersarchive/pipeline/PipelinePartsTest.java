package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.Language;
import org.workersarchive.export.ArchiveWriter;
import org.workersarchive.export.AuthorityEntries;
import org.workersarchive.export.TeiConfig;
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
        assertEquals(Language.listOf("rus,eng"), config.ocr().languages());
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
}
