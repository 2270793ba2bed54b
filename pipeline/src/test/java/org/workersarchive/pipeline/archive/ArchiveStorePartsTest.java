package org.workersarchive.pipeline.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.Fixity;
import org.workersarchive.ingest.ScanSet;
import org.workersarchive.ingest.ScanSets;
import org.workersarchive.pipeline.InputSource;
import org.workersarchive.pipeline.report.InputOutcome;

class ArchiveStorePartsTest {

    private static final String SHA = "0123456789ab" + "c".repeat(52);

    @TempDir
    Path dir;

    @Test
    void theDuplicateIndexKnowsArchivedDocumentsAndClaimsOnce() throws Exception {
        Files.createDirectories(dir.resolve("documents/ouvrier-communiste-0123456789ab"));
        DuplicateIndex index = new DuplicateIndex(dir.resolve("documents"));
        assertEquals(Optional.of("ouvrier-communiste-0123456789ab"), index.claim(SHA));
        String other = "f".repeat(64);
        assertEquals(Optional.empty(), index.claim(other));
        index.released(other);
        assertEquals(Optional.empty(), index.claim(other));
    }

    /**
     * A second input of bytes being made into a document right now waits for the first's outcome:
     * its duplicate names the document made (found by BatchKillIT: it was "(in progress in this run)").
     */
    @Test
    void aSecondClaimOfBytesUnderWayWaitsAndNamesTheDocumentOnceWritten() throws Exception {
        DuplicateIndex index = new DuplicateIndex(dir.resolve("documents"));
        String sha = "e".repeat(64);
        assertEquals(Optional.empty(), index.claim(sha));
        java.util.concurrent.CompletableFuture<Optional<String>> second = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return index.claim(sha);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
        Thread.sleep(200); // a moment for the second claim to start waiting; it may only end after completed()
        assertTrue(!second.isDone(), "it waits while the first is under way");
        index.completed(sha, "slip-7-eeeeeeeeeeee");
        assertEquals(Optional.of("slip-7-eeeeeeeeeeee"), second.get(1, java.util.concurrent.TimeUnit.MINUTES));
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

    /**
     * An inbox file done with, unchanged, but open for writing by a program (which may append to it
     * yet): it is not removed under the writer; once closed, it is.
     */
    @Test
    void anInboxFileOpenForWritingIsNotRemovedUnderItsWriter() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux /proc");
        Path scan = Files.writeString(Files.createDirectories(dir.resolve("inbox")).resolve("bulletin.pdf"), "%PDF-1.4");
        ScanSet set = ScanSets.setOf(scan);
        InboxGuard guard = new InboxGuard(Duration.ofMinutes(1));
        guard.take(set);
        guard.admitted(set, List.of(Fixity.sha256(scan)));

        try (var writer = Files.newOutputStream(scan, StandardOpenOption.APPEND)) {
            assertEquals(List.of(scan), guard.removeUnchanged(set), "it stays while open for writing");
            assertTrue(Files.exists(scan));
        }
        assertEquals(List.of(), guard.removeUnchanged(set));
        assertTrue(Files.notExists(scan), "removed once its writer has closed it");
    }

    /** A retried input removed from failed/ while it was processed: its reason file goes with it. */
    @Test
    void anInputWithdrawnFromFailedLeavesNoReasonFileBehind() throws IOException {
        ArchiveLayout layout = new ArchiveLayout(dir.resolve("archive"));
        Path failed = Files.createDirectories(layout.failed());
        Path copy = Files.writeString(failed.resolve("slip.png"), "broken");
        Files.writeString(FailedStore.reasonFile(copy), "slip.png\ndamaged PNG\n");
        ScanSet set = ScanSets.setOf(copy);
        Files.delete(copy);

        try (ArchiveStore store = ArchiveStore.open(layout, "test", false, StoreLimits.defaults())) {
            store.finish(set, InputOutcome.withdrawn(set, null, List.of(copy)), InputSource.FAILED);
        }
        assertEquals(List.of(), names(failed));
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

    private static List<String> names(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
