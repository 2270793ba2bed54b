package org.workersarchive.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress where no terminal is: a plain line for each page read and for each outcome, no redraws. */
class ProgressPrinterTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ProgressPrinter printer = new ProgressPrinter(new PrintStream(printed, true, StandardCharsets.UTF_8), 2,
            "Processing 2 file(s)");

    private List<String> lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aLineForEachPageReadThenOneForTheOutcome() {
        Path pdf = Path.of("/box/tract.pdf");
        assertEquals(List.of(), lines(), "nothing said before the run is sure to start");
        printer.starting();
        printer.started(pdf);
        printer.pagesMade(pdf, 3);
        assertEquals(List.of("Processing 2 file(s)"), lines(), "nothing read yet");
        for (int page = 1; page <= 3; page++) {
            printer.pageRead(pdf);
            String line = lines().get(page);
            assertTrue(line.startsWith("pages " + page + "/3  "), line);
            assertTrue(line.matches(".* \\d+\\.\\d pages/min .*") && line.endsWith("  reading tract.pdf"), line);
        }
        printer.accept(Outcomes.of(pdf.toString(), InputOutcome.Status.ok, "tract", 90, 91, 92));
        assertEquals("[1/2] ok /box/tract.pdf", lines().get(4));
        assertTrue(printed.toString(StandardCharsets.UTF_8).indexOf('\r') < 0, "no carriage return: no redraw");
    }

    @Test
    void theTimeLeftOnceAPageWasRead() {
        Path a = Path.of("/box/a.pdf");
        printer.started(a);
        printer.pagesMade(a, 4);
        printer.pageRead(a);
        // 1 page in 30 s; 3 pages known left and one input not opened, of 4 pages as the one opened: 7 pages, 3.5 min.
        assertEquals("pages 1/4  2.0 pages/min  4 min left  reading a.pdf", printer.pagesLine(Duration.ofSeconds(30)));
    }

    @Test
    void timesLeftAsTheyAreSaid() {
        assertEquals("40 s", RunCounts.spoken(Duration.ofSeconds(40)));
        assertEquals("3 min", RunCounts.spoken(Duration.ofSeconds(190)));
        assertEquals("1 h 52 min", RunCounts.spoken(Duration.ofMinutes(112)));
    }
}
