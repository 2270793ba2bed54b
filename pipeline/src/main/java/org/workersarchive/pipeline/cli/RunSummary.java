package org.workersarchive.pipeline.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workersarchive.pipeline.archive.ArchiveBusyException;
import org.workersarchive.pipeline.report.InputOutcome;
import org.workersarchive.pipeline.report.RunProgress;
import org.workersarchive.pipeline.report.RunReport;
import org.workersarchive.core.FileNames;

/** The closing lines of a run, and its exit status. */
final class RunSummary {

    /** Exit status of a run some of whose inputs were deferred (the archive or the broker unavailable), none failed. */
    static final int DEFERRED = 3;
    /** What became of the inputs, from the best to the worst news. */
    private static final List<InputOutcome.Status> TABLE_ORDER = List.of(InputOutcome.Status.ok,
            InputOutcome.Status.duplicate, InputOutcome.Status.failed, InputOutcome.Status.deferred,
            InputOutcome.Status.withdrawn);
    /** Pages named to be looked at first: a handful, so that the list is read. */
    private static final int PAGES_TO_CHECK = 5;

    private RunSummary() {
    }

    /**
     * A new run's report in the archive; an archive where it cannot be made (a file where the
     * folder should be, no permission) is said in one line, as for an archive another run holds.
     */
    static RunReport newReport(Path archiveDir, String command, RunProgress listener) {
        try {
            return new RunReport(archiveDir, command, listener);
        } catch (IOException e) {
            String why = e instanceof FileSystemException fs && fs.getReason() != null
                    ? fs.getReason() + " (" + fs.getFile() + ")" : String.valueOf(e.getMessage());
            throw new ArchiveBusyException("cannot write in the archive " + archiveDir + ": " + why
                    + ": give an archive folder you can write", e);
        }
    }

    /**
     * Writes the report, prints the summary table (inputs by outcome, pages, mean word confidence,
     * the pages to check first) and the inputs that failed or were put off; returns 0 when every
     * input is done with, 1 when some failed, {@link #DEFERRED} when some were put off (to be run
     * again) and none failed.
     */
    static int print(RunReport report, PrintStream out) throws IOException {
        report.flush();
        Map<InputOutcome.Status, Integer> counts = report.counts();
        List<InputOutcome> outcomes = report.outcomes();
        List<InputOutcome.PageOutcome> pages = outcomes.stream().flatMap(o -> o.pages().stream()).toList();
        out.printf("%d input(s)%n", outcomes.size());
        for (InputOutcome.Status status : TABLE_ORDER) {
            // Withdrawn inputs are rare (removed while processed): their row only when there are some.
            if (status != InputOutcome.Status.withdrawn || counts.get(status) > 0) {
                row(out, status.name(), String.valueOf(counts.get(status)));
            }
        }
        row(out, "pages", String.valueOf(pages.size()));
        row(out, "mean confidence", meanWordConfidence(pages));
        List<String> toCheck = pagesToCheckFirst(outcomes);
        if (!toCheck.isEmpty()) {
            out.println("Pages to check first (lowest mean word confidence):");
            toCheck.forEach(line -> out.println("  " + line));
        }
        for (InputOutcome outcome : outcomes) {
            if (outcome.status() != InputOutcome.Status.ok && outcome.status() != InputOutcome.Status.duplicate) {
                out.printf("  %s: %s: %s%n", outcome.status(), FileNames.printable(outcome.input().toString()),
                        FileNames.printable(outcome.reason()));
            }
        }
        out.println("Report: " + report.file());
        int failed = counts.get(InputOutcome.Status.failed);
        return failed > 0 ? 1 : counts.get(InputOutcome.Status.deferred) > 0 ? DEFERRED : 0;
    }

    private static void row(PrintStream out, String label, String value) {
        out.printf(Locale.ROOT, "  %-16s %6s%n", label, value);
    }

    /** Tesseract's word confidence over every word read, as a page's own mean weighs its words. */
    private static String meanWordConfidence(List<InputOutcome.PageOutcome> pages) {
        double sum = 0;
        long words = 0;
        for (InputOutcome.PageOutcome page : pages) {
            if (page.meanConfidence() != null && page.words() > 0) {
                sum += page.meanConfidence() * page.words();
                words += page.words();
            }
        }
        return words == 0 ? "-" : String.format(Locale.ROOT, "%.1f", sum / words);
    }

    /** The pages of the documents made whose reading Tesseract was least sure of: a person's first look. */
    private static List<String> pagesToCheckFirst(List<InputOutcome> outcomes) {
        record Checked(String documentId, InputOutcome.PageOutcome page) {
        }
        return outcomes.stream().filter(o -> o.status() == InputOutcome.Status.ok && o.documentId() != null)
                .flatMap(o -> o.pages().stream().filter(p -> p.meanConfidence() != null)
                        .map(p -> new Checked(o.documentId(), p)))
                .sorted(Comparator.comparingDouble((Checked c) -> c.page().meanConfidence()))
                .limit(PAGES_TO_CHECK)
                .map(c -> String.format(Locale.ROOT, "%5.1f  %s page %d", c.page().meanConfidence(), c.documentId(),
                        c.page().number()))
                .toList();
    }
}
