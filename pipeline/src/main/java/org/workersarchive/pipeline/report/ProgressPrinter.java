package org.workersarchive.pipeline.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.workersarchive.core.FileNames;

/**
 * Shows a run's progress where no terminal is (a log file, CI, a pipe) in plain lines, never a bar
 * redrawn in place: a line for each page read (pages read of the pages known, pages a minute, the
 * time left, the documents under way) and one for each input's outcome. A page takes seconds to
 * read, so a line a page stays readable; a terminal gets a {@link PageProgressBar}. Thread-safe.
 */
public final class ProgressPrinter implements RunProgress {

    private final PrintStream out;
    private final String opening;
    private final RunCounts counts;
    private final Instant started = Instant.now();

    /** @param total the number of inputs expected, or 0 when unknown (an inbox) */
    public ProgressPrinter(PrintStream out, int total) {
        this(out, total, null);
    }

    /**
     * @param opening what the run will do, printed once it is sure to start (it holds the archive),
     *                before its engines start: the first line, a second after the command; or null
     */
    public ProgressPrinter(PrintStream out, int total, String opening) {
        this.out = out;
        this.opening = opening;
        this.counts = new RunCounts(total);
    }

    @Override
    public synchronized void starting() {
        if (opening != null) {
            out.println(opening);
            out.flush();
        }
    }

    @Override
    public void started(Path input) {
        counts.started(input);
    }

    @Override
    public void pagesMade(Path input, int pages) {
        counts.pagesMade(input, pages);
    }

    @Override
    public synchronized void pageRead(Path input) {
        counts.pageRead(input);
        out.println(pagesLine(Duration.between(started, Instant.now())));
        out.flush();
    }

    @Override
    public synchronized void accept(InputOutcome outcome) {
        counts.accept(outcome);
        int total = counts.inputs();
        out.printf("%s%s %s%s%n", total > 0 ? "[" + counts.inputsDone() + "/" + total + "] " : "", outcome.status(),
                FileNames.printable(outcome.input().toString()),
                outcome.reason() == null ? "" : " (" + FileNames.printable(outcome.reason()) + ")");
        out.flush();
    }

    /** e.g. "pages 37/512  4.2 pages/min  1 h 52 min left  reading a.pdf, b.png". */
    String pagesLine(Duration elapsed) {
        double minutes = Math.max(elapsed.toMillis(), 1) / 60_000.0;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "pages %d/%d  %.1f pages/min",
                counts.pagesRead(), counts.pagesKnown(), counts.pagesRead() / minutes));
        Optional<Duration> left = counts.timeLeft(elapsed);
        left.ifPresent(time -> line.append("  ").append(RunCounts.spoken(time)).append(" left"));
        List<String> underWay = counts.underWay();
        if (!underWay.isEmpty()) {
            line.append("  reading ").append(String.join(", ", underWay));
        }
        return line.toString();
    }
}
