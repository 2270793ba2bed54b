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

    /**
     * A new run's report in the archive; an archive where it cannot be made (a file where the
     * folder should be, no permission) is said in one line, as for an archive another run holds.
     */
    static RunReport newReport(java.nio.file.Path archiveDir, String command,
                               java.util.function.Consumer<InputOutcome> listener) {
        try {
            return new RunReport(archiveDir, command, listener);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    ? fs.getReason() + " (" + fs.getFile() + ")" : String.valueOf(e.getMessage());
            throw new org.workersarchive.pipeline.archive.ArchiveBusyException("cannot write in the archive "
                    + archiveDir + ": " + why, e);
        }
    }

    /** Exit status of a run some of whose inputs were deferred (the archive or the broker unavailable), none failed. */
    static final int DEFERRED = 3;

    /**
     * Writes the report, prints the summary; returns 0 when every input is done with, 1 when some
     * failed, {@link #DEFERRED} when some were put off (to be run again) and none failed.
     */
    static int print(RunReport report, PrintStream out) throws IOException {
        report.flush();
        Map<InputOutcome.Status, Integer> counts = report.counts();
        int failed = counts.get(InputOutcome.Status.failed);
        int deferred = counts.get(InputOutcome.Status.deferred);
        out.printf("%d input(s): %d ok, %d duplicate, %d failed, %d deferred%n", report.outcomes().size(),
                counts.get(InputOutcome.Status.ok), counts.get(InputOutcome.Status.duplicate), failed, deferred);
        for (InputOutcome outcome : report.outcomes()) {
            if (outcome.status() == InputOutcome.Status.failed || outcome.status() == InputOutcome.Status.deferred) {
                out.printf("  %s: %s: %s%n", outcome.status(), outcome.input(), outcome.reason());
            }
        }
        out.println("Report: " + report.file());
        return failed > 0 ? 1 : deferred > 0 ? DEFERRED : 0;
    }
}
