package org.workersarchive.pipeline.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.Script;
import org.workersarchive.ocr.EngineMessages.PageRequest;
import org.workersarchive.ocr.EngineMessages;
import org.workersarchive.ocr.ReadingHint;

/** A page's image path between machines that mount the archive in different places. */
class ArchivePathsTest {

    private static final Path INGEST_ARCHIVE = Path.of("/srv/archive");
    private static final Path WORKER_ARCHIVE = Path.of("/mnt/shared/archive");

    @Test
    void aPageSentAsJsonArrivesInTheArchiveAsTheWorkerMountsIt() {
        Page page = Page.unread(3, new PageImage(INGEST_ARCHIVE.resolve("tmp/abc/p0003.png"), 900, 160, 300));
        ReadingHint settled = new ReadingHint(180, Script.LATIN, Language.ofModel("fra"), Script.LATIN);
        String message = EngineMessages.write(new PageRequest(ArchivePaths.travelling(page, INGEST_ARCHIVE),
                Language.listOf("fra"), settled));
        PageRequest received = EngineMessages.read(message, PageRequest.class);
        assertEquals(settled, received.hint(), "what the document's pages said travels with the page");
        Page arrived = ArchivePaths.arrived(received.page(), WORKER_ARCHIVE);
        assertEquals(WORKER_ARCHIVE.resolve("tmp/abc/p0003.png"), arrived.image().path());
        Page back = ArchivePaths.arrived(ArchivePaths.travelling(arrived, WORKER_ARCHIVE), INGEST_ARCHIVE);
        assertEquals(page.image().path(), back.image().path());
    }

    @Test
    void aPathThatWouldLeaveTheArchiveIsRefused() {
        // Absolute ones cannot: "/../etc/passwd" is "/etc/passwd", which is ARCHIVE/etc/passwd.
        Page hostile = Page.unread(1, new PageImage(Path.of("../../etc/passwd"), 10, 10, 0));
        RejectedInputException refused = assertThrows(RejectedInputException.class,
                () -> ArchivePaths.arrived(hostile, WORKER_ARCHIVE));
        assertTrue(refused.reason().contains("does not lie inside the archive folder"), refused.reason());
        Page outside = Page.unread(1, new PageImage(Path.of("/elsewhere/p0001.png"), 10, 10, 0));
        assertThrows(IllegalStateException.class, () -> ArchivePaths.travelling(outside, INGEST_ARCHIVE));
    }
}
