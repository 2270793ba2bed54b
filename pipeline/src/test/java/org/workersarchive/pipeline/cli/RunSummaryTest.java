package org.workersarchive.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.pipeline.report.InputOutcome;
import org.workersarchive.pipeline.report.Outcomes;
import org.workersarchive.pipeline.report.RunReport;

/** The end of a run: a short table, the pages to check first, what failed, the exit status. */
class RunSummaryTest {

    @TempDir
    Path archive;

    @Test
    void aShortTableThenThePagesToCheckFirst() throws Exception {
        RunReport report = new RunReport(archive, "batch", outcome -> { });
        report.record(Outcomes.of("/box/a.tif", InputOutcome.Status.ok, "doc-a", 95, 41.5, 88));
        report.record(Outcomes.of("/box/b.png", InputOutcome.Status.ok, "doc-b", 62));
        report.record(Outcomes.of("/box/b-copy.png", InputOutcome.Status.duplicate, "doc-b"));
        report.record(Outcomes.of("/box/c.pdf", InputOutcome.Status.failed, null));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = RunSummary.print(report, new PrintStream(printed, true, StandardCharsets.UTF_8));

        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, status, "an input failed");
        assertEquals(List.of("4 input(s)", "  ok                    2", "  duplicate             1",
                "  failed                1", "  deferred              0", "  pages                 4",
                "  mean confidence    71.6", "Pages to check first (lowest mean word confidence):",
                "   41.5  doc-a page 2", "   62.0  doc-b page 1", "   88.0  doc-a page 3", "   95.0  doc-a page 1",
                "  failed: /box/c.pdf: why"), lines.subList(0, 13));
        assertTrue(lines.get(13).startsWith("Report: " + archive.resolve("runs")), lines.get(13));
    }
}
