package org.workersarchive.pipeline.report;

import java.io.PrintStream;

/**
 * Shows a run's progress where no terminal is (a log file, CI, a pipe): a plain line per input as
 * its outcome is recorded, which stays readable there; a terminal gets a {@link PageProgressBar}.
 * Thread-safe.
 */
public final class ProgressPrinter implements RunProgress {

    private final PrintStream out;
    private final int total;
    private int done;

    /** @param total the number of inputs expected, or 0 when unknown (an inbox) */
    public ProgressPrinter(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    @Override
    public synchronized void accept(InputOutcome outcome) {
        done++;
        out.printf("%s%s %s%s%n", total > 0 ? "[" + done + "/" + total + "] " : "", outcome.status(),
                outcome.input(), outcome.reason() == null ? "" : " (" + outcome.reason() + ")");
        out.flush();
    }
}
