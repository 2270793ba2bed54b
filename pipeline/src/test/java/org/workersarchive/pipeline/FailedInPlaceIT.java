package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.DrawnPages;

/**
 * Inputs the pipeline cannot read, or should not copy whole: a scan without read permission, a
 * folder without it, and a sparse file of 2 GB that is no scan, in a batch run by the real
 * {@code batch} process without the capabilities that let root read anything ({@code setpriv}).
 * Each fails with its reason where it is, the rest goes on, and the exit status says so.
 */
class FailedInPlaceIT {

    @TempDir
    Path work;

    @Test
    void anUnreadableScanAnUnreadableFolderAndAHugeSparseFileFailWhereTheyAreWithTheirReasons() throws Exception {
        Path box = Files.createDirectories(work.resolve("box"));
        Path archive = work.resolve("archive");
        DrawnPages.slip(box.resolve("readable.png"), "Feuille lisible du Groupe ouvrier");
        Path locked = DrawnPages.slip(box.resolve("locked.png"), "Feuille sans permission");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Path closedFolder = Files.createDirectories(box.resolve("closed folder"));
        DrawnPages.slip(closedFolder.resolve("inside.png"), "Feuille dans un dossier ferme");
        Files.setPosixFilePermissions(closedFolder, PosixFilePermissions.fromString("---------"));
        Path sparse = box.resolve("huge.pdf");
        try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
            file.setLength(2L * 1024 * 1024 * 1024); // 2 GB of nothing, a few blocks on disk
        }
        Path log = work.resolve("batch.log");

        int status;
        try (ArchiveProcess batch = ArchiveProcess.startAs(List.of("setpriv", "--bounding-set",
                        "-dac_override,-dac_read_search"), log, "256m",
                "batch", box.toString(), "--archive", archive.toString(), "--workers", "1")) {
            assertTrue(batch.waitFor(Duration.ofMinutes(5)), "the batch ended; see " + log);
            status = batch.exitValue();
        }

        String output = Files.readString(log);
        assertEquals(1, status, output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
        Map<String, JsonNode> byName = outcomesByName(archive);
        assertEquals("ok", byName.get("readable.png").get("status").asText(), output);
        JsonNode unreadable = byName.get("locked.png");
        assertEquals("failed", unreadable.get("status").asText());
        assertTrue(unreadable.get("reason").asText().startsWith("cannot read: permission denied"),
                unreadable.get("reason").asText());
        JsonNode folder = byName.get("closed folder");
        assertEquals("failed", folder.get("status").asText());
        assertTrue(folder.get("reason").asText().startsWith("cannot read the folder: permission denied"),
                folder.get("reason").asText());
        JsonNode huge = byName.get("huge.pdf");
        assertEquals("failed", huge.get("status").asText());
        assertTrue(huge.get("reason").asText().contains("not copied to failed/: huge.pdf is 2147.5 MB"),
                huge.get("reason").asText());
        assertEquals(List.of(), failedFolder(archive), "no copy of what cannot be read or is too large");
        assertTrue(Files.exists(locked) && Files.exists(sparse), "both stay where they are");
    }

    private static List<String> failedFolder(Path archive) throws Exception {
        if (!Files.isDirectory(archive.resolve("failed"))) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(archive.resolve("failed"))) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static Map<String, JsonNode> outcomesByName(Path archive) throws Exception {
        Path report;
        try (Stream<Path> runs = Files.list(archive.resolve("runs"))) {
            report = runs.findFirst().orElseThrow().resolve("report.json");
        }
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode input : new ObjectMapper().readTree(report.toFile()).get("inputs")) {
            byName.put(Path.of(input.get("path").asText()).getFileName().toString(), input);
        }
        return byName;
    }
}
