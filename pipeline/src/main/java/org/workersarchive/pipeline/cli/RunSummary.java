package org.workersarchive.pipeline.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import org.workersarchive.pipeline.report.InputOutcome;
import org.workersarchive.pipeline.report.RunReport;

/** The closing lines of a run, and its exit status. */
final class RunSummary {

    private RunSummary() {
    }

    /** Writes the report, prints the summary; returns 0 when nothing failed, 1 otherwise. */
    static int print(RunReport report, PrintStream out) throws IOException {
        report.flush();
        Map<InputOutcome.Status, Integer> counts = report.counts();
        int failed = counts.get(InputOutcome.Status.failed);
        out.printf("%d input(s): %d ok, %d duplicate, %d failed%n", report.outcomes().size(),
                counts.get(InputOutcome.Status.ok), counts.get(InputOutcome.Status.duplicate), failed);
        for (InputOutcome outcome : report.outcomes()) {
            if (outcome.status() == InputOutcome.Status.failed) {
                out.printf("  failed: %s: %s%n", outcome.input(), outcome.reason());
            }
        }
        out.println("Report: " + report.file());
        return failed == 0 ? 0 : 1;
    }
}
