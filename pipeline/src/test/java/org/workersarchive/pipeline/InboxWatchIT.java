package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Fixity;
import org.workersarchive.pipeline.report.InputOutcome;
import org.workersarchive.pipeline.report.RunReport;

/** The inbox route, the real Camel file endpoint and the real Tesseract: drop, wait, find. */
class InboxWatchIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    Path work;

    @Test
    void aDroppedScanBecomesADocumentAndABadFileGoesToFailed() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path archive = work.resolve("archive");
        Path scan = smallestSampleScan();
        String sha256 = Fixity.sha256(scan);
        // The bad file is failed once it has rested 5 s (not the default minute, which waits for a copy that paused).
        PipelineConfig config = new PipelineConfigLoader().with("archive.workers", 2)
                .with("archive.inbox-failure-rest", 5).load(archive);
        RunReport report = new RunReport(config.archiveDir(), "watch", outcome -> { });

        try (ArchivePipeline pipeline = ArchivePipeline.forInbox(config, report, inbox)) {
            dropInto(inbox, scan);
            Files.writeString(inbox.resolve("notes.tif"), "<html>not an image</html>", StandardCharsets.UTF_8);
            waitUntil(() -> report.outcomes().size() == 2);
            waitUntil(() -> isEmpty(inbox));
        }

        List<InputOutcome> outcomes = report.outcomes();
        InputOutcome ok = outcomes.stream().filter(o -> o.status() == InputOutcome.Status.ok).findFirst().orElseThrow();
        assertTrue(Files.isRegularFile(ok.outputs().get("tei")));
        assertEquals(sha256, Fixity.sha256(ok.outputs().get("original")));
        InputOutcome failed = outcomes.stream().filter(o -> o.status() == InputOutcome.Status.failed).findFirst()
                .orElseThrow();
        assertTrue(failed.reason().startsWith("unsupported type text/html"), failed.reason());
        assertTrue(Files.isRegularFile(archive.resolve("failed/notes.tif")));
        assertTrue(Files.isRegularFile(archive.resolve("failed/notes.tif.reason.txt")));
        assertFalse(Files.exists(archive.resolve("tmp").resolve(sha256)), "staging folder left behind");
    }

    @Test
    void aFileStillBeingWrittenIsNotTakenHalfWritten() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("slow-inbox"));
        Path archive = work.resolve("slow-archive");
        Path scan = smallestSampleScan();
        PipelineConfig config = new PipelineConfigLoader().with("archive.workers", 1).load(archive);
        RunReport report = new RunReport(config.archiveDir(), "watch", outcome -> { });

        try (ArchivePipeline pipeline = ArchivePipeline.forInbox(config, report, inbox)) {
            writeSlowly(scan, inbox.resolve(scan.getFileName()));
            waitUntil(() -> report.outcomes().size() == 1);
        }

        InputOutcome outcome = report.outcomes().get(0);
        assertEquals(InputOutcome.Status.ok, outcome.status(), String.valueOf(outcome.reason()));
        assertEquals(Fixity.sha256(scan), outcome.sha256(), "the whole file was taken, not a part of it");
    }

    @Test
    void thePagesOfAnIssueDroppedOneAfterAnotherBecomeOneDocument() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("issue-inbox"));
        Path archive = work.resolve("issue-archive");
        Path scans = Path.of("..", "samples", "bundled", "scans");
        String issue = "ouvrier-communiste_1930-03_n06-07";
        PipelineConfig config = new PipelineConfigLoader().with("archive.workers", 2).load(archive);
        RunReport report = new RunReport(config.archiveDir(), "watch", outcome -> { });

        try (ArchivePipeline pipeline = ArchivePipeline.forInbox(config, report, inbox)) {
            // The second page first, then the sidecar and the first page a second apart: what a slow scanner does.
            Files.copy(scans.resolve("workers-group-report_1927-06.png"), inbox.resolve(issue + "_p02.png"));
            Thread.sleep(1000);
            Files.writeString(inbox.resolve(issue + ".json"), "{\"place\": \"Paris\"}");
            Thread.sleep(1000);
            Files.copy(scans.resolve(issue + "_p01.png"), inbox.resolve(issue + "_p01.png"));
            waitUntil(() -> report.outcomes().size() == 1);
            waitUntil(() -> isEmpty(inbox));
        }

        InputOutcome outcome = report.outcomes().get(0);
        assertEquals(InputOutcome.Status.ok, outcome.status(), String.valueOf(outcome.reason()));
        assertEquals(2, outcome.files().size());
        assertEquals(2, outcome.pages().size());
        assertTrue(Files.readString(outcome.outputs().get("tei")).contains("<pubPlace>Paris</pubPlace>"));
        assertTrue(Files.isRegularFile(outcome.outputs().get("folder").resolve(issue + ".json")));
    }

    @Test
    void aLoneSidecarIsNotLeftInTheInboxUnseenButFailedWithTheReason() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("sidecar-inbox"));
        Path archive = work.resolve("sidecar-archive");
        PipelineConfig config = new PipelineConfigLoader().with("archive.workers", 1)
                .with("archive.inbox-failure-rest", 2).load(archive);
        RunReport report = new RunReport(config.archiveDir(), "watch", outcome -> { });

        try (ArchivePipeline pipeline = ArchivePipeline.forInbox(config, report, inbox)) {
            Files.writeString(inbox.resolve("orphan_1930.json"), "{\"place\": \"Paris\"}");
            waitUntil(() -> report.outcomes().size() == 1);
            waitUntil(() -> isEmpty(inbox));
        }

        InputOutcome outcome = report.outcomes().get(0);
        assertEquals(InputOutcome.Status.failed, outcome.status());
        assertTrue(outcome.reason().startsWith("sidecar orphan_1930.json describes no scan"), outcome.reason());
        assertTrue(Files.isRegularFile(archive.resolve("failed/orphan_1930.json")));
        assertTrue(Files.isRegularFile(archive.resolve("failed/orphan_1930.json.reason.txt")));
    }

    /** Writes the file in the inbox itself, in ten pieces over about four seconds, as a slow copy does. */
    private static void writeSlowly(Path source, Path target) throws IOException, InterruptedException {
        byte[] bytes = Files.readAllBytes(source);
        int piece = bytes.length / 10 + 1;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int at = 0; at < bytes.length; at += piece) {
                out.write(bytes, at, Math.min(piece, bytes.length - at));
                out.flush();
                Thread.sleep(400);
            }
        }
    }

    /** Copies under a hidden name, then renames: what a careful user's copy tool does. */
    private static void dropInto(Path inbox, Path scan) throws IOException {
        Path hidden = inbox.resolve("." + scan.getFileName() + ".part");
        Files.copy(scan, hidden);
        Files.move(hidden, inbox.resolve(scan.getFileName()));
    }

    private static Path smallestSampleScan() throws IOException {
        Path scans = Path.of("..", "samples", "bundled", "scans");
        return BatchRunIT.files(scans).stream()
                .filter(p -> p.toString().endsWith(".png"))
                .min((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
                .orElseThrow();
    }

    private static boolean isEmpty(Path folder) {
        try {
            return BatchRunIT.files(folder).isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the condition, a few minutes at most: a pipeline's work is seen from outside. */
    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not done within " + PATIENCE);
            }
            Thread.sleep(200);
        }
    }
}
