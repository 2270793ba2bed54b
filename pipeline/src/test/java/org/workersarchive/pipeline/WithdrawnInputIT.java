package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout;

/**
 * An inbox file deleted by its owner while the real watch reads it: it ends as withdrawn, once,
 * with nothing of it left half-made in the archive; it is not put off to wait for a file that
 * will not come back.
 */
class WithdrawnInputIT {

    private static final Path SCAN = Path.of("..", "samples", "bundled", "scans",
            "ouvrier-communiste_1930-03_n06-07_p01.png");

    @TempDir
    Path work;

    @Test
    void aFileDeletedWhileItIsProcessedEndsWithdrawnNotDeferredForever() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path archive = work.resolve("archive");
        ArchiveLayout layout = new ArchiveLayout(archive);
        Path input = inbox.resolve("leaflet.png");

        try (ArchiveProcess watch = ArchiveProcess.watch(inbox, archive, work.resolve("watch.log"), "512m")) {
            Path hidden = inbox.resolve(".leaflet.png.part");
            Files.copy(SCAN, hidden);
            Files.move(hidden, input);
            // Taken up (its journal entry written when it is admitted, before its pages are read): now it goes.
            InboxWatchIT.waitUntil(() -> !isEmpty(layout.journal()));
            Files.delete(input);
            InboxWatchIT.waitUntil(() -> !PausedCopyIT.outcomes(archive).isEmpty());
            // Long enough for an input put off to be taken again and put off again, as it was.
            Thread.sleep(15_000);
            InboxWatchIT.waitUntil(() -> isEmpty(layout.journal()));
        }

        List<JsonNode> outcomes = PausedCopyIT.outcomes(archive);
        assertEquals(1, outcomes.size(), outcomes.toString());
        JsonNode outcome = outcomes.get(0);
        assertEquals("withdrawn", outcome.path("status").asText(), outcome.toString());
        assertEquals("withdrawn before it was done: leaflet.png was removed while it was processed; nothing of it "
                + "is kept", outcome.path("reason").asText());
        for (Path folder : List.of(layout.documents(), layout.originals(), layout.failed(), layout.staging())) {
            assertTrue(isEmpty(folder), "nothing half-made in " + folder);
        }
    }

    /** Whether the folder holds no file (a folder not made yet holds none). */
    private static boolean isEmpty(Path folder) {
        try {
            return Files.notExists(folder) || BatchRunIT.files(folder).isEmpty();
        } catch (IOException changing) {
            return false; // looked at again
        }
    }
}
