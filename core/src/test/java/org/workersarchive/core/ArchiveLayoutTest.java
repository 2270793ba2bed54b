package org.workersarchive.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;

class ArchiveLayoutTest {

    /** The names ArchiveLayout gives the archive's folders and files. */
    private static final Set<String> ARCHIVE_NAMES = Set.of("documents", "originals", "failed", "runs", "state",
            "tmp", "logs", "engine-crashes", "authority.xml", ".pipeline.lock", "document.tei.xml", "document.txt",
            "document.pdf", "provenance.json", "checksums.sha256", "pages", "alto", "versions", "page", "mets.xml",
            "manifest.json", "placed.sha256");

    /**
     * Literals that spell one of those names but name no folder or file of an archive, each with
     * why; the key is the source file's name and the literal.
     */
    private static final Map<String, String> NOT_ARCHIVE_PATHS = Map.ofEntries(
            Map.entry("AuthorityList.java \"authority.xml\"", "the bundled list, a classpath resource"),
            Map.entry("TeiHeaderWriter.java \"pages\"", "a TEI measure's unit"),
            Map.entry("CorpusExporter.java \"documents\"", "a TEI measure's unit"),
            Map.entry("ProvenanceWriter.java \"pages\"", "a JSON key of provenance.json"),
            Map.entry("AltoWriter.java \"alto\"", "the ALTO root element"),
            Map.entry("FormatSchemas.java \"alto/alto-4-4.xsd\"", "the ALTO schema's place among the schemas"),
            Map.entry("FormatSchemas.java \"page/pagecontent-2019-07-15.xsd\"", "the PAGE schema's place among the schemas"),
            Map.entry("MetsWriter.java \"page\"", "a METS div's type"),
            Map.entry("CorrectionImport.java \"pages\"", "a detail of the import step"),
            Map.entry("ImportReport.java \"failed\"", "an import's status"),
            Map.entry("ImportReport.java \"documents\"", "a JSON key of the import report"),
            Map.entry("ImportReport.java \"page\"", "a JSON key of the import report"),
            Map.entry("ArchivedDocumentReader.java \"pages\"", "a JSON key of provenance.json"),
            Map.entry("FormatSchemas.java \"alto\"", "the ALTO root element"),
            Map.entry("CorrectedPageReader.java \"alto\"", "the ALTO root element"),
            Map.entry("CorpusExporter.java \"page\"", "a key of the entity index"),
            Map.entry("IiifManifestWriter.java \"/page\"", "the id of a canvas's painting annotations"),
            Map.entry("OcrComparison.java \"s/page\"", "a unit: seconds a page"),
            Map.entry("Ingestor.java \"pages\"", "a detail of the ingest step"),
            Map.entry("RunReport.java \"pages\"", "a JSON key of report.json"),
            Map.entry("InputOutcome.java \"alto\"", "a report's name of an output"),
            Map.entry("NewNames.java \"documents\"", "a JSON key of the new-names report"),
            Map.entry("OcrComparison.java \"pages\"", "a table heading"),
            Map.entry("BenchmarkPages.java \"pages\"", "the benchmark's folder of drawn pages, not an archive"),
            Map.entry("ThroughputPages.java \"pages\"", "the benchmark's folder of drawn pages, not an archive"),
            Map.entry("ThroughputReport.java \"pages\"", "the kind of a benchmark run"),
            Map.entry("DocumentRoutes.java \"page\"", "the review server's path and form parameter: a page number"),
            Map.entry("IiifRoutes.java \"page\"", "the review server's path parameter: a page number"),
            Map.entry("DocumentPage.java \"page\"", "the review server's form field: the page a correction is made on"),
            Map.entry("SearchIndex.java \"page\"", "a field of the search index"),
            Map.entry("RunReportPage.java \"pages\"", "a JSON key of report.json"),
            Map.entry("RunReportPage.java \"failed\"", "an input's status in report.json"),
            Map.entry("RunReportPage.java \"documents\"", "a JSON key of new-names.json"),
            Map.entry("NewName.java \"documents\"", "a JSON key of new-names.json"),
            Map.entry("CatalogQuery.java \"pages\"", "a sort order of the review server's list"));
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    @Test
    void namesEveryFolderAndFileOfTheArchiveAndOfADocument() {
        ArchiveLayout archive = new ArchiveLayout(Path.of("/srv/archive"));
        assertEquals(Path.of("/srv/archive/state/inputs"), archive.journal());
        assertEquals(Path.of("/srv/archive/tmp/abc"), archive.staging("abc"));
        assertEquals(Path.of("/srv/archive/logs/engine-crashes"), archive.engineCrashes());
        DocumentFolder document = archive.document("kapd-1924-0123456789ab");
        assertEquals(Path.of("/srv/archive/documents/kapd-1924-0123456789ab/alto/p0012.xml"), document.alto(12));
        assertEquals(Path.of("/srv/archive/documents/kapd-1924-0123456789ab/versions/run-1/document.tei.xml"),
                document.version("run-1").tei());
        assertEquals("pages/p0003.png", DocumentFolder.asUrl(DocumentFolder.pageImage(3, ".png")));
    }

    @Test
    void aDocumentOrVersionNameThatWouldLeaveItsFolderIsRefused() {
        ArchiveLayout archive = new ArchiveLayout(Path.of("/srv/archive"));
        assertThrows(IllegalArgumentException.class, () -> archive.document("../failed"));
        assertThrows(IllegalArgumentException.class, () -> archive.document("x").version("../../y"));
    }

    @Test
    void theScanFindsAnArchiveNameInALiteral() {
        assertEquals(List.of("\"documents\"", "\"pages/\""),
                archiveNamesIn("Path p = root.resolve(\"documents\"); String u = \"pages/\" + name; \"mypages\";"
                        + " help(\"see ARCHIVE/failed/ for them\"); \"http://example.org/alto\""));
    }

    @Test
    void noMainClassButArchiveLayoutSpellsAnArchiveName() throws IOException {
        Path project = Path.of("").toAbsolutePath().getParent();
        List<String> found = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(project, 12)) {
            sources = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> project.relativize(f).toString().matches("[^/]+/src/main/java/.*"))
                    .filter(f -> !f.getFileName().toString().equals("ArchiveLayout.java")).toList();
        }
        for (Path source : sources) {
            for (String literal : archiveNamesIn(Files.readString(source, StandardCharsets.UTF_8))) {
                String key = source.getFileName() + " " + literal;
                if (!NOT_ARCHIVE_PATHS.containsKey(key)) {
                    found.add(project.relativize(source) + ": " + literal);
                }
            }
        }
        assertTrue(sources.size() > 100, "the scan read the modules' sources: " + sources.size());
        assertEquals(List.of(), found, "archive names belong in ArchiveLayout");
    }

    /**
     * The string literals of a source that are an archive name, or a path that has one as a part.
     * A literal with a space (a help text) or a URL is no path.
     */
    private static List<String> archiveNamesIn(String source) {
        List<String> found = new ArrayList<>();
        Matcher literal = STRING_LITERAL.matcher(source);
        while (literal.find()) {
            if (literal.group(1).contains(" ") || literal.group(1).contains("://")) {
                continue;
            }
            for (String part : literal.group(1).split("/", -1)) {
                if (ARCHIVE_NAMES.contains(part)) {
                    found.add(literal.group());
                    break;
                }
            }
        }
        return found;
    }
}
