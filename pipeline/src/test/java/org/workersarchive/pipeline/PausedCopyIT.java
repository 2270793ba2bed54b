package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Fixity;
import org.workersarchive.pipeline.report.InputOutcome;
import org.workersarchive.pipeline.report.RunReport;

/**
 * A copy into the inbox that pauses half-way (a network share, a slow scanner) for longer than
 * the inbox's quiet rule: the half is taken, and fails; the finished scan must not be lost.
 */
class PausedCopyIT {

    @TempDir
    Path work;

    @Test
    void aCopyThatPausesHalfWayIsNotLostButTakenWholeOnceItIsFinished() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path archive = work.resolve("archive");
        Path scan = Path.of("..", "samples", "bundled", "scans", "workers-group-report_1927-06.png");
        byte[] bytes = Files.readAllBytes(scan);
        PipelineConfig config = new PipelineConfigLoader().with("archive.workers", 1).load(archive);
        RunReport report = new RunReport(config.archiveDir(), "watch", outcome -> { });
        Path target = inbox.resolve(scan.getFileName());
        AtomicReference<Exception> writerFailed = new AtomicReference<>();

        try (ArchivePipeline pipeline = ArchivePipeline.forInbox(config, report, inbox)) {
            Thread writer = new Thread(() -> {
                try (OutputStream out = Files.newOutputStream(target)) {
                    out.write(bytes, 0, bytes.length / 2);
                    out.flush();
                    // The writer stalls until the watch has taken the half and done with it: longer than
                    // the quiet rule, as a stalled network copy does.
                    InboxWatchIT.waitUntil(() -> !report.outcomes().isEmpty());
                    out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
                } catch (Exception e) {
                    writerFailed.set(e);
                }
            }, "slow-writer");
            writer.start();
            writer.join();
            InboxWatchIT.waitUntil(() -> report.outcomes().stream().anyMatch(o -> o.status() == InputOutcome.Status.ok));
            InboxWatchIT.waitUntil(() -> !Files.exists(target));
        }

        assertEquals(null, writerFailed.get());
        List<InputOutcome> outcomes = report.outcomes();
        InputOutcome half = outcomes.get(0);
        assertEquals(InputOutcome.Status.deferred, half.status(), "the half is not failed: " + half.reason());
        assertTrue(half.reason().contains("may be a copy that paused"), half.reason());
        InputOutcome whole = outcomes.stream().filter(o -> o.status() == InputOutcome.Status.ok).findFirst().orElseThrow();
        assertEquals(Fixity.sha256(scan), whole.sha256(), "the finished scan became the document");
        assertEquals(Fixity.sha256(scan), Fixity.sha256(whole.outputs().get("original")));
        assertTrue(Files.notExists(archive.resolve("failed")) || BatchRunIT.files(archive.resolve("failed")).isEmpty(),
                "nothing in failed/");
    }
}
