package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.ocr.CrashingModel;
import org.workersarchive.pipeline.cli.ArchiveCli;

/**
 * A page that crashes Tesseract (a native SIGSEGV, in a real engine process) and a broken sidecar
 * fail their documents while the rest of the run goes on; after a fix, {@code retry} sends them
 * through again and they leave failed/.
 */
class FailuresAndRetryIT {

    private static final Path SCANS = Path.of("..", "samples", "bundled", "scans");

    @TempDir
    Path work;

    @Test
    void aCrashingPageAndABrokenSidecarFailAloneAndARetryAfterTheFixTakesThemOutOfFailed() throws IOException {
        Path box = Files.createDirectories(work.resolve("box"));
        Path archive = work.resolve("archive");
        Path settings = Files.writeString(work.resolve("archive.properties"),
                "archive.tessdata=" + CrashingModel.tessdataIn(work) + "\narchive.workers=2\n");
        Files.copy(SCANS.resolve("workers-group-report_1927-06.png"), box.resolve("report.png"));
        Files.writeString(box.resolve("report.json"), "{\"languages\": [\"" + CrashingModel.NAME + "\"]}");
        Files.copy(SCANS.resolve("ouvrier-communiste_1930-03_n06-07_p01.png"), box.resolve("leaflet.png"));
        Files.writeString(box.resolve("leaflet.json"), "{\"title\": \"Tract\",");
        Files.copy(SCANS.resolve("kapd-flugblatt_1924-04.tif"), box.resolve("kapd-flugblatt_1924-04.tif"));

        int status = ArchiveCli.commandLine().execute("batch", box.toString(), "--archive", archive.toString(),
                "--config", settings.toString());

        assertEquals(1, status, "some inputs failed");
        assertEquals(List.of("kapd-flugblatt-1924-04"), documentNames(archive), "the rest went on");
        Path failed = archive.resolve("failed");
        assertEquals(List.of("leaflet.json", "leaflet.json.reason.txt", "leaflet.png", "leaflet.png.reason.txt",
                "report.json", "report.json.reason.txt", "report.png", "report.png.reason.txt"), names(failed));
        String crash = Files.readString(failed.resolve("report.png.reason.txt"));
        assertTrue(crash.contains("the OCR engine crashed on page 1, 2 times in fresh processes: SIGSEGV in libtesseract"),
                crash);
        assertTrue(Files.readString(failed.resolve("leaflet.png.reason.txt")).contains("sidecar leaflet.json"));

        Files.writeString(failed.resolve("report.json"), "{\"languages\": [\"eng\"]}");
        Files.writeString(failed.resolve("leaflet.json"), "{\"title\": \"Tract\"}");
        int retried = ArchiveCli.commandLine().execute("retry", "--archive", archive.toString(),
                "--config", settings.toString());

        assertEquals(0, retried);
        assertEquals(List.of(), names(failed), "both left failed/ with their reasons");
        assertEquals(3, documentNames(archive).size(), documentNames(archive).toString());
        assertEquals(List.of("kapd-flugblatt_1924-04.tif", "leaflet.json", "leaflet.png", "report.json", "report.png"),
                names(box), "a batch's inputs are only read");
    }

    @Test
    void aFailedSymbolicLinkRetriedAgainAndAgainKeepsItsOneEntryInFailed() throws IOException {
        Path box = Files.createDirectories(work.resolve("box"));
        Path archive = work.resolve("archive");
        Files.createSymbolicLink(box.resolve("link.png"),
                SCANS.resolve("workers-group-report_1927-06.png").toAbsolutePath());

        assertEquals(1, ArchiveCli.commandLine().execute("batch", box.toString(), "--archive", archive.toString()));
        for (int retry = 1; retry <= 3; retry++) {
            assertEquals(1, ArchiveCli.commandLine().execute("retry", "--archive", archive.toString()), "fails again");
            assertEquals(List.of("link.png", "link.png.reason.txt"), names(archive.resolve("failed")),
                    "one entry after retry " + retry);
        }
        assertTrue(Files.isSymbolicLink(archive.resolve("failed/link.png")));
    }

    private static List<String> documentNames(Path archive) throws IOException {
        return names(archive.resolve("documents")).stream().map(name -> name.substring(0, name.lastIndexOf('-')))
                .toList();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
