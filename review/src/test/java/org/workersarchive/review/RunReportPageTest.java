package org.workersarchive.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.review.report.RunReportPage;

/** report.html made from a run's report.json, as a run writes it, over an archive the writer made. */
class RunReportPageTest {

    @TempDir
    Path root;

    @Test
    void theReportStandsAloneWithItsChartsPagesToCheckFailuresAndNewNames() throws Exception {
        ArchiveLayout archive = ArchiveFixture.make(root.resolve("archive"));
        Path run = Files.createDirectories(archive.runs().resolve("2026-01-01T00-00-00Z-batch"));
        Path folder = archive.document(ArchiveFixture.ID).root();
        Files.writeString(run.resolve("report.json"), """
                {"started": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:02:00Z",
                 "summary": {"inputs": 2, "ok": 1, "failed": 1, "duplicate": 0},
                 "inputs": [
                  {"path": "/scans/tract_1923.png", "status": "ok", "documentId": "%s", "pages": 1,
                   "pageDetails": [{"number": 1, "languages": ["fra"], "meanConfidence": 88.5, "words": 24,
                                    "script": "Latin"}],
                   "outputs": {"folder": "%s"}},
                  {"path": "/scans/<script>x</script>.pdf", "status": "failed", "reason": "damaged PDF: <b>no EOF</b>",
                   "pages": 0, "pageDetails": [], "outputs": {}}]}
                """.formatted(ArchiveFixture.ID, folder));
        Files.writeString(run.resolve("new-names.json"), """
                {"names": [{"type": "PERSON", "surface": "Jean <Lettre>", "count": 2, "documents": ["%s"],
                            "contexts": ["de Jean Lettre au"]}]}""".formatted(ArchiveFixture.ID));
        Path page = new RunReportPage().write(run, "http://127.0.0.1:8080/", 60);
        String html = Files.readString(page);
        assertEquals(run.resolve("report.html"), page);
        assertTrue(html.contains("<td class=\"n\">0.5</td>"), "1 page in 2 minutes");
        assertTrue(html.contains("<svg"), "charts inline");
        assertTrue(html.contains("src=\"data:image/jpeg;base64,"), "the page's thumbnail inline");
        assertTrue(html.contains("href=\"http://127.0.0.1:8080/view/" + ArchiveFixture.ID + "/1\""), "linked to the server");
        assertTrue(html.contains("<td class=\"n\">1</td><td class=\"n\">24</td>"), "one doubtful word of 24");
        assertTrue(html.contains("damaged PDF: &lt;b&gt;no EOF&lt;/b&gt;"));
        assertTrue(html.contains("Jean &lt;Lettre&gt;"));
        assertFalse(html.contains("<script"), "no script, not even from a file's name");
        assertFalse(html.contains(" src=\"http"), "nothing from elsewhere");
        assertEquals(List.of(), List.of(Files.list(run).filter(f -> f.getFileName().toString().startsWith("."))
                .toArray()), "nothing half-written left");
    }
}
