package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.Fixity;
import org.workersarchive.pipeline.report.InputOutcome;
import org.workersarchive.pipeline.report.RunReport;

/**
 * A copy into the inbox that pauses half-way (a network share, a slow scanner) for longer than
 * the inbox's quiet rule: a writer this machine sees holding the file open is waited for; one it
 * cannot see (on another machine) has its half taken, which fails; the finished scan must not be lost.
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
                try {
                    // Written, then closed: a writer on another machine (a network share's client), whose
                    // open file this machine's /proc does not show (OpenWriters).
                    Files.write(target, Arrays.copyOf(bytes, bytes.length / 2));
                    // The writer stalls until the watch has taken the half and done with it: longer than
                    // the quiet rule, as a stalled network copy does.
                    InboxWatchIT.waitUntil(() -> !report.outcomes().isEmpty());
                    Files.write(target, Arrays.copyOfRange(bytes, bytes.length / 2, bytes.length),
                            StandardOpenOption.APPEND);
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

    /**
     * A PDF saved in increments, each prefix a valid PDF: the first page is written, then the
     * writer, its file still open, pauses well past the quiet time before it appends pages 2 and 3.
     * The real watch takes the file only once the writer has closed it: one document of three pages.
     */
    @Test
    void aPdfWrittenInIncrementsIsTakenWholeOnceItsWriterHasClosedIt() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path archive = work.resolve("archive");
        Path target = inbox.resolve("bulletin.pdf");
        byte[] first = IncrementalPdf.firstPage();
        byte[] rest = IncrementalPdf.pagesTwoAndThree();

        try (ArchiveProcess watch = ArchiveProcess.watch(inbox, archive, work.resolve("watch.log"), "512m")) {
            try (OutputStream out = Files.newOutputStream(target)) {
                out.write(first);
                out.flush();
                // Paused with the file open until the watch says it waits for the writer, or (as it did) it
                // took the one page: either is well past the quiet time.
                InboxWatchIT.waitUntil(() -> says(watch, "is still open for writing") || !outcomes(archive).isEmpty());
                out.write(rest);
            }
            InboxWatchIT.waitUntil(() -> outcomes(archive).stream().anyMatch(o -> o.path("status").asText().equals("ok"))
                    && Files.notExists(target));
        }

        List<JsonNode> outcomes = outcomes(archive);
        assertEquals(1, outcomes.size(), outcomes.toString());
        assertEquals("ok", outcomes.get(0).path("status").asText(), outcomes.toString());
        assertEquals(3, outcomes.get(0).path("pages").asInt(), "every page, the appended ones too: " + outcomes);
        Path original = Path.of(outcomes.get(0).path("outputs").path("original").asText());
        assertEquals(first.length + rest.length, Files.size(original), "the whole file is kept, not its first part");
    }

    private static boolean says(ArchiveProcess process, String words) {
        try {
            return process.logLines().stream().anyMatch(line -> line.contains(words));
        } catch (IOException e) {
            return false;
        }
    }

    /** The outcome record's lines, as a watch process wrote them so far. */
    static List<JsonNode> outcomes(Path archive) {
        Path record = archive.resolve(ArchiveLayout.OUTCOMES);
        List<JsonNode> lines = new ArrayList<>();
        try {
            if (Files.exists(record)) {
                for (String line : Files.readAllLines(record)) {
                    if (!line.isBlank()) {
                        lines.add(new ObjectMapper().readTree(line));
                    }
                }
            }
        } catch (IOException halfWritten) {
            // read again at the next look
        }
        return lines;
    }
}
