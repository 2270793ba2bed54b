package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.pipeline.cli.ArchiveCli;
import org.workersarchive.pipeline.report.InputOutcome;
import org.workersarchive.pipeline.report.RunReport;

/**
 * Names of 255 bytes, the most a Linux file system allows, in the inbox and in a batch: each is
 * taken, and a failed one's copy in failed/ gets a name that fits, beside its reason.
 */
class LongNamesIT {

    /** 251 + ".png": 255 bytes. */
    private static final String LONG_SCAN = "a".repeat(251) + ".png";
    /** 125 Cyrillic letters (2 bytes each) + ".tif": 254 bytes. */
    private static final String LONG_BAD = "б".repeat(125) + ".tif";

    @TempDir
    Path work;

    @Test
    void theInboxTakesNamesOf255BytesAndKeepsAFailedOneUnderANameThatFits() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path archive = work.resolve("archive");
        assertEquals(255, LONG_SCAN.getBytes(StandardCharsets.UTF_8).length);
        PipelineConfig config = new PipelineConfigLoader().with("archive.workers", 1)
                .with("archive.inbox-failure-rest", 0).load(archive);
        RunReport report = new RunReport(config.archiveDir(), "watch", outcome -> { });

        try (ArchivePipeline pipeline = ArchivePipeline.forInbox(config, report, inbox)) {
            Files.copy(Path.of("..", "samples", "bundled", "scans", "workers-group-report_1927-06.png"),
                    inbox.resolve(LONG_SCAN));
            Files.writeString(inbox.resolve(LONG_BAD), "<html>no scan</html>", StandardCharsets.UTF_8);
            InboxWatchIT.waitUntil(() -> report.outcomes().size() >= 2);
            InboxWatchIT.waitUntil(() -> emptyFolder(inbox));
        }

        List<InputOutcome> outcomes = report.outcomes();
        assertEquals(2, outcomes.size(), outcomes.toString());
        InputOutcome ok = outcomes.stream().filter(o -> o.input().getFileName().toString().equals(LONG_SCAN)).findFirst()
                .orElseThrow();
        assertEquals(InputOutcome.Status.ok, ok.status(), String.valueOf(ok.reason()));
        InputOutcome bad = outcomes.stream().filter(o -> o.input().getFileName().toString().equals(LONG_BAD)).findFirst()
                .orElseThrow();
        assertEquals(InputOutcome.Status.failed, bad.status(), bad.reason());
        Path copy = bad.outputs().get("failedCopy");
        assertTrue(Files.isRegularFile(copy), "the copy is kept: " + copy);
        assertTrue(copy.getFileName().toString().endsWith(".tif"), copy.toString());
        assertTrue(Files.readString(bad.outputs().get("reason")).startsWith(inbox.resolve(LONG_BAD).toString()),
                "the reason file names the input whole");
    }

    @Test
    void aBatchFailsAFileOf255BytesWithItsCopyInsteadOfDeferringIt() throws Exception {
        Path box = Files.createDirectories(work.resolve("box"));
        Path archive = work.resolve("batch-archive");
        Files.writeString(box.resolve(LONG_BAD.replace(".tif", ".pdf")), "not a PDF", StandardCharsets.UTF_8);

        int status = ArchiveCli.commandLine().execute("batch", box.toString(), "--archive", archive.toString(),
                "--workers", "1");

        assertEquals(1, status, "failed, not deferred");
        List<Path> failed = BatchRunIT.files(archive.resolve("failed"));
        assertEquals(2, failed.size(), "the copy and its reason: " + failed);
    }

    private static boolean emptyFolder(Path folder) {
        try {
            return BatchRunIT.files(folder).isEmpty();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
