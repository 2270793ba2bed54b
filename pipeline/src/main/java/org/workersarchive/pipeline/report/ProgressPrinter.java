package org.workersarchive.pipeline.report;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Shows a run's progress: a bar redrawn in place on a terminal, a plain line per input otherwise
 * (a log file or CI stays readable). Thread-safe.
 */
public final class ProgressPrinter implements Consumer<InputOutcome> {

    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final boolean terminal;
    private int done;
    private int failed;

    /** @param total the number of inputs expected, or 0 when unknown (an inbox) */
    public ProgressPrinter(PrintStream out, int total, boolean terminal) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
    }

    @Override
    public synchronized void accept(InputOutcome outcome) {
        done++;
        if (outcome.status() == InputOutcome.Status.failed) {
            failed++;
        }
        if (terminal && total > 0) {
            int filled = done * BAR_WIDTH / total;
            out.printf("\r[%s%s] %d/%d  %d failed  %s", "#".repeat(filled), " ".repeat(BAR_WIDTH - filled), done, total,
                    failed, shorten(outcome.input().getFileName().toString()));
            if (done == total) {
                out.println();
            }
        } else {
            out.printf("%s%s %s%s%n", total > 0 ? "[" + done + "/" + total + "] " : "", outcome.status(),
                    outcome.input(), outcome.reason() == null ? "" : " (" + outcome.reason() + ")");
        }
        out.flush();
    }

    private static String shorten(String name) {
        String padded = String.format("%-30s", name);
        return padded.length() > 30 ? padded.substring(0, 29) + "…" : padded;
    }
}
