package org.workersarchive.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A run's progress counted in pages, as its bar shows it. */
class RunCountsTest {

    private static final Path A = Path.of("/box/a.pdf");
    private static final Path B = Path.of("/box/b.png");

    @Test
    void pagesReadOfPagesKnownAndTheInputsUnderWay() {
        RunCounts counts = new RunCounts(3);
        counts.started(A);
        counts.started(B);
        counts.pagesMade(A, 10);
        counts.pageRead(A);
        counts.pageRead(A);
        assertEquals(2, counts.pagesRead());
        assertEquals(10, counts.pagesKnown());
        assertEquals(List.of("a.pdf", "b.png"), counts.underWay());
        counts.pagesMade(B, 1);
        counts.pageRead(B);
        counts.accept(Outcomes.of(B.toString(), InputOutcome.Status.ok, "b", 90));
        assertEquals(List.of("a.pdf"), counts.underWay());
        assertEquals(1, counts.inputsDone());
    }

    @Test
    void theUnreadPagesOfADocumentThatFailedAreNoLongerCounted() {
        RunCounts counts = new RunCounts(1);
        counts.started(A);
        counts.pagesMade(A, 500);
        counts.pageRead(A);
        counts.accept(Outcomes.of(A.toString(), InputOutcome.Status.failed, null));
        assertEquals(1, counts.pagesKnown(), "done of known: 1 of 1, not 1 of 500");
    }

    @Test
    void theTimeLeftCountsTheInputsNotOpenedYetAsTheOpenedOnesOnAverage() {
        RunCounts counts = new RunCounts(4);
        assertEquals(Optional.empty(), counts.timeLeft(Duration.ofSeconds(10)), "nothing read: no rate yet");
        counts.started(A);
        counts.pagesMade(A, 6);
        counts.started(B);
        counts.pagesMade(B, 2);
        for (int i = 0; i < 4; i++) {
            counts.pageRead(A);
        }
        // 4 known pages left, and two inputs not opened of 4 pages each on average: 12 pages.
        assertEquals(12.0, counts.pagesLeft(), 1e-9);
        // 4 pages in 20 s: 5 s a page.
        assertEquals(Optional.of(Duration.ofSeconds(60)), counts.timeLeft(Duration.ofSeconds(20)));
    }

    @Test
    void anInboxOfUnknownSizeHasNoTimeLeft() {
        RunCounts counts = new RunCounts(0);
        counts.started(A);
        counts.pagesMade(A, 2);
        counts.pageRead(A);
        assertEquals(Optional.empty(), counts.timeLeft(Duration.ofSeconds(5)));
    }
}
