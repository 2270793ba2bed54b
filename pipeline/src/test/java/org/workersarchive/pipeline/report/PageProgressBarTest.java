package org.workersarchive.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The bar a terminal shows: drawn before any page is read, then pages, their rate and the documents under way. */
class PageProgressBarTest {

    /** Generous: the bar is redrawn twice a second by its own thread, on a machine shared with other builds. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    private final PrintStream terminal = new PrintStream(drawn, true, StandardCharsets.UTF_8);

    @Test
    void somethingIsOnScreenBeforeAnyInputIsTaken() throws Exception {
        try (PageProgressBar bar = new PageProgressBar(new ConsoleProgressBarConsumer(terminal, 160), 2)) {
            awaitDrawn(screen -> screen.contains("Pages") && screen.contains("0/2 documents, starting"));
        }
    }

    @Test
    void pagesReadOfPagesKnownTheirRateAndTheDocumentsUnderWay() throws Exception {
        Path a = Path.of("/box/kapd-flugblatt_1924-04.tif");
        Path b = Path.of("/box/ouvrier-communiste_1930-03_n06-07_p01.png");
        try (PageProgressBar bar = new PageProgressBar(new ConsoleProgressBarConsumer(terminal, 160), 3)) {
            bar.started(a);
            bar.started(b);
            bar.pagesMade(a, 2);
            bar.pagesMade(b, 3);
            bar.pageRead(a);
            bar.pageRead(a);
            bar.pageRead(b);
            bar.accept(Outcomes.of(a.toString(), InputOutcome.Status.ok, "kapd", 93, 95));
            awaitDrawn(screen -> screen.contains("3/5 pages") && screen.contains("pages/min")
                    && screen.contains("1/3 documents, reading ouvrier-communiste_1930-03_…"));
        }
    }

    private void awaitDrawn(Predicate<String> shown) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!shown.test(drawn.toString(StandardCharsets.UTF_8))) {
            assertTrue(Instant.now().isBefore(deadline), "not drawn: " + drawn.toString(StandardCharsets.UTF_8));
            Thread.sleep(50);
        }
    }
}
