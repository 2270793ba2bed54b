package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Fixity;
import org.workersarchive.pipeline.report.InputOutcome;
import org.workersarchive.pipeline.report.RunReport;

/**
 * The archive on a real file system that fills up, then a folder of it that turns read-only: the
 * inbox keeps its input and goes on running, and takes it once the archive can be written again.
 * The archive is a small tmpfs mounted by the test, which needs root (as CI runs).
 */
class ArchiveUnwritableIT {

    @TempDir
    Path work;
    private Path archive;

    @AfterEach
    void unmount() throws Exception {
        if (archive != null) {
            run("umount", "-R", "-l", archive.toString());
        }
    }

    @Test
    void aFullOrReadOnlyArchiveLeavesTheInputInTheInboxUntilItCanBeWrittenAgain() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        archive = Files.createDirectories(work.resolve("archive"));
        run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", archive.toString());
        List<Path> scans = BatchRunIT.files(Path.of("..", "samples", "bundled", "scans")).stream()
                .filter(p -> p.toString().endsWith(".png")).sorted().toList();
        PipelineConfig config = new PipelineConfigLoader().with("archive.workers", 2).load(archive);
        RunReport report = new RunReport(config.archiveDir(), "watch", outcome -> { });

        try (ArchivePipeline pipeline = ArchivePipeline.forInbox(config, report, inbox)) {
            Path ballast = archive.resolve("ballast");
            Files.write(ballast, new byte[(int) (Files.getFileStore(archive).getUsableSpace() - 64 * 1024)]);
            Path first = Files.copy(scans.get(0), inbox.resolve(scans.get(0).getFileName()));

            InboxWatchIT.waitUntil(() -> has(report, first, InputOutcome.Status.deferred));
            assertKeptInTheInboxOnly(first, report, "No space left on device");
            // While the disk stays full the input is not read again (its pages OCR'd only to be put off
            // each time): three pauses of the archive's pass.
            Thread.sleep(35_000);
            assertEquals(1, report.outcomes().stream().filter(o -> o.input().equals(first)).count(),
                    "taken once while the disk is full: " + report.outcomes());
            Files.delete(ballast);
            // The outcome is recorded before the input leaves the inbox (DocumentStages.finish), so the
            // test waits for both rather than look at the inbox the moment the outcome appears.
            InboxWatchIT.waitUntil(() -> has(report, first, InputOutcome.Status.ok) && Files.notExists(first));

            // The documents folder alone turns read-only (the run holds its lock file open for writing,
            // so the whole file system cannot be remounted under it).
            Path documents = archive.resolve("documents");
            run("mount", "--bind", documents.toString(), documents.toString());
            run("mount", "-o", "remount,bind,ro", documents.toString());
            Path second = Files.copy(scans.get(1), inbox.resolve(scans.get(1).getFileName()));
            InboxWatchIT.waitUntil(() -> has(report, second, InputOutcome.Status.deferred));
            assertKeptInTheInboxOnly(second, report, "Read-only file system");
            run("umount", documents.toString());
            InboxWatchIT.waitUntil(() -> has(report, second, InputOutcome.Status.ok) && Files.notExists(second));
        }
        for (Path scan : scans.subList(0, 2)) {
            String sha256 = Fixity.sha256(scan);
            assertEquals(1, report.outcomes().stream()
                    .filter(o -> o.status() == InputOutcome.Status.ok && sha256.equals(o.sha256())).count());
        }
        Path failed = archive.resolve("failed");
        assertTrue(Files.notExists(failed) || BatchRunIT.files(failed).isEmpty(), "nothing failed");
    }

    /** The input is in the inbox, nowhere in the archive, and its outcome says why. */
    private void assertKeptInTheInboxOnly(Path input, RunReport report, String why) throws IOException {
        assertTrue(Files.isRegularFile(input), "the input stays in the inbox");
        InputOutcome deferred = report.outcomes().stream()
                .filter(o -> o.input().equals(input) && o.status() == InputOutcome.Status.deferred).findFirst()
                .orElseThrow();
        assertTrue(deferred.reason().startsWith("the archive cannot be written (") && deferred.reason().contains(why),
                deferred.reason());
        assertTrue(Files.notExists(archive.resolve("failed").resolve(input.getFileName())), "not sent to failed/");
    }

    private static boolean has(RunReport report, Path input, InputOutcome.Status status) {
        return report.outcomes().stream().anyMatch(o -> o.input().equals(input) && o.status() == status);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (this test mounts a tmpfs: it needs root): "
                    + output);
        }
    }
}
