package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.xpath.XPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Fixity;
import org.workersarchive.core.TeiXPath;
import org.workersarchive.export.FormatChecks;
import org.workersarchive.export.TeiValidator;
import org.workersarchive.pipeline.cli.ArchiveCli;

/**
 * Issues as documents, end to end with the real Tesseract: three page files of one issue and
 * their sidecar become one TEI with three surfaces, described by the sidecar and the file name;
 * a scan alone is described by its file name; a TEI corrected by hand survives processing again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IssueDocumentsIT {

    private static final Path SCANS = Path.of("..", "samples", "bundled", "scans").toAbsolutePath().normalize();
    private static final String ISSUE = "ouvrier-communiste_1930-03_n06-07";

    @TempDir
    static Path work;

    private Path box;
    private Path archive;
    private int exitStatus;

    @BeforeAll
    void runBatchOverAnIssueOfThreeFilesAndALeaflet() throws IOException {
        box = Files.createDirectories(work.resolve("box"));
        // Three different pages, as an archivist would name the scans of one issue's pages.
        Files.copy(SCANS.resolve(ISSUE + "_p01.png"), box.resolve(ISSUE + "_p01.png"));
        Files.copy(SCANS.resolve("put-rabochikh-k-vlasti_1923.jpg"), box.resolve(ISSUE + "_p02.jpg"));
        Files.copy(SCANS.resolve("workers-group-report_1927-06.png"), box.resolve(ISSUE + "_p03.png"));
        Files.writeString(box.resolve(ISSUE + ".yaml"), """
                # L'Ouvrier Communiste, double issue of March-April 1930
                type: issue
                place: Paris
                publisher: Groupe ouvrier communiste
                note: Pages 2 and 3 of the scans are inserts found with the issue.
                """);
        Files.copy(SCANS.resolve("kapd-flugblatt_1924-04.tif"), box.resolve("kapd-flugblatt_1924-04.tif"));
        archive = work.resolve("archive");
        exitStatus = ArchiveCli.commandLine().execute("batch", box.toString(), "--archive", archive.toString());
    }

    @Test
    @Order(1)
    void threeFilesOfOneIssueMakeOneTeiWithThreeSurfaces() throws Exception {
        assertEquals(0, exitStatus);
        assertEquals(2, documentFolders().size(), "the issue and the leaflet");
        Path folder = folderOf(ISSUE.replace('_', '-'));
        Path tei = folder.resolve("document.tei.xml");
        assertEquals(List.of(), FormatChecks.teiAll().validate(tei));
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(tei));
        org.w3c.dom.Document xml = TeiXPath.parse(tei);
        XPath xpath = TeiXPath.xpath();
        assertEquals("3", xpath.evaluate("count(//tei:facsimile/tei:surface)", xml));
        assertEquals("3", xpath.evaluate("count(//tei:text//tei:pb)", xml));
        for (int page = 1; page <= 3; page++) {
            assertTrue(xpath.evaluate("//tei:listBibl[@type='scans']/tei:bibl[" + page + "]/tei:idno[@type='fileName']",
                    xml).startsWith(ISSUE + "_p0" + page + "."), "the scans in page order");
        }
        assertTrue(Files.isRegularFile(folder.resolve(ISSUE + ".yaml")), "the sidecar is kept with the document");
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("document.pdf").toFile())) {
            assertEquals(3, pdf.getNumberOfPages());
            assertEquals(Files.readString(folder.resolve("document.txt")).replaceAll("\\s+", " ").strip(),
                    new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ").strip(),
                    "the searchable PDF gives back the document's text");
        }
        for (int page = 1; page <= 3; page++) {
            assertTrue(Files.isRegularFile(folder.resolve("alto/p000" + page + ".xml")));
        }

        JsonNode entry = reportEntries(firstRun()).stream()
                .filter(e -> e.get("files").size() == 3).findFirst().orElseThrow();
        assertEquals("ok", entry.get("status").asText());
        assertEquals(3, entry.get("pages").asInt());
    }

    @Test
    @Order(2)
    void theHeaderTakesTheSidecarsFieldsAndTheFileNamesAndLinksThePublication() throws Exception {
        org.w3c.dom.Document issue = TeiXPath.parse(folderOf(ISSUE.replace('_', '-')).resolve("document.tei.xml"));
        XPath xpath = TeiXPath.xpath();
        String monogr = "//tei:sourceDesc/tei:biblStruct/tei:monogr";
        assertEquals("L'Ouvrier Communiste, no. 6-7, 1930-03", xpath.evaluate("//tei:titleStmt/tei:title", issue));
        assertEquals("L'Ouvrier Communiste", xpath.evaluate(monogr + "/tei:title[@level='j']", issue),
                "the authority list's title for the file name's key");
        assertEquals("#ouvrier-communiste", xpath.evaluate(monogr + "/tei:title/@ref", issue),
                "its copy in the standOff, which points on into the list");
        assertEquals("Paris", xpath.evaluate(monogr + "/tei:imprint/tei:pubPlace", issue), "from the sidecar");
        assertEquals("Groupe ouvrier communiste", xpath.evaluate(monogr + "/tei:imprint/tei:publisher", issue));
        assertEquals("6-7", xpath.evaluate(monogr + "/tei:imprint/tei:biblScope[@unit='issue']", issue), "from the name");
        assertEquals("1930-03", xpath.evaluate(monogr + "/tei:imprint/tei:date/@when", issue));
        assertEquals("3", xpath.evaluate(monogr + "/tei:extent/tei:measure/@quantity", issue));
        assertEquals("Described from the sidecar file " + ISSUE + ".yaml.",
                xpath.evaluate("//tei:biblStruct/tei:note[@type='descriptionSource']", issue));
        assertEquals("../../authority.xml#ouvrier-communiste",
                xpath.evaluate("//tei:standOff/tei:listBibl/tei:bibl[@xml:id='ouvrier-communiste']/@sameAs", issue));
        assertTrue(Integer.parseInt(xpath.evaluate("count(//tei:standOff/tei:listPerson/tei:person)", issue)) >= 1,
                "the people the text names");
        assertTrue(xpath.evaluate("//tei:revisionDesc/tei:change/@n", issue).endsWith("-batch"));

        org.w3c.dom.Document leaflet = TeiXPath.parse(folderOf("kapd-flugblatt-1924-04").resolve("document.tei.xml"));
        assertEquals("KAPD Flugblatt, 1924-04", xpath.evaluate("//tei:titleStmt/tei:title", leaflet),
                "the file name's words, the acronym as the authority list spells it");
        assertEquals("KAPD Flugblatt, 1924-04", xpath.evaluate("//tei:div[@type='transcription']/tei:head", leaflet));
        assertEquals("1924-04", xpath.evaluate(monogr + "/tei:imprint/tei:date/@when", leaflet));
        assertEquals("Described from the scan's file name.",
                xpath.evaluate("//tei:biblStruct/tei:note[@type='descriptionSource']", leaflet));
    }

    @Test
    @Order(3)
    void aCorrectedTeiSurvivesProcessingAgainAndTheNewOutputGoesBesideIt() throws Exception {
        Path issueTei = folderOf(ISSUE.replace('_', '-')).resolve("document.tei.xml");
        String original = Files.readString(issueTei);
        String corrected = original.replaceFirst("<ab ", "<ab corresp=\"#corrected\" ");
        Files.writeString(issueTei, corrected);
        Path leafletTei = folderOf("kapd-flugblatt-1924-04").resolve("document.tei.xml");
        // An entry added to the archive's own list (by hand, or in the review server) outlives the next run.
        Path authority = archive.resolve("authority.xml");
        String added = "<org xml:id=\"rote-hilfe\"><orgName type=\"preferred\">Rote Hilfe</orgName></org>";
        Files.writeString(authority, Files.readString(authority).replaceFirst("<org ", added + "<org "));

        int status = ArchiveCli.commandLine().execute("batch", box.toString(), "--archive", archive.toString(),
                "--reprocess");

        assertEquals(0, status);
        assertTrue(Files.readString(authority).contains(added), "the archive's own authority list is kept");
        assertEquals(corrected, Files.readString(issueTei), "the scholar's corrected TEI is kept as it is");
        List<JsonNode> entries = reportEntries(lastRun());
        JsonNode issue = entries.stream().filter(e -> e.get("files").size() == 3).findFirst().orElseThrow();
        String run = lastRun().getFileName().toString();
        assertEquals("made again; the archive's TEI had been corrected by hand and is kept; this run's output is "
                + "stored beside it in versions/" + run, issue.get("reason").asText());
        Path version = issueTei.resolveSibling("versions").resolve(run).resolve("document.tei.xml");
        assertEquals(version.toString(), issue.get("outputs").get("tei").asText());
        assertEquals(List.of(), FormatChecks.teiAll()
                .validate(version));
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(version));
        JsonNode leaflet = entries.stream().filter(e -> e.get("files").size() == 1).findFirst().orElseThrow();
        assertEquals("made again; replaced the earlier output, which had not been corrected",
                leaflet.get("reason").asText());
        assertTrue(Files.readString(leafletTei).contains("n=\"" + run + "\""), "the untouched TEI was replaced");
        assertEquals(2, documentFolders().size(), "no document was duplicated");
    }

    @Test
    @Order(4)
    void aPageFileWithAWordChangedComesBackThroughImportAsANewTeiVersionWithThatWord() throws Exception {
        Path leaflet = folderOf("kapd-flugblatt-1924-04");
        String id = leaflet.getFileName().toString();
        // As a Transkribus export lays a document out: its own folder, the PAGE files in page/.
        Path exported = Files.createDirectories(work.resolve("transkribus-export").resolve("Flugblatt").resolve("page"));
        Path page = exported.resolve("p0001.xml");
        String original = Files.readString(leaflet.resolve("page/p0001.xml"));
        String word = wordOf(original, "p1_w3");
        Files.writeString(page, original.replaceFirst("(<Word id=\"p1_w3\">[\\s\\S]*?<Unicode>)[^<]*(</Unicode>)",
                "$1Korrektur$2"));
        assertTrue(Files.readString(page).contains("Korrektur") && !word.equals("Korrektur"));

        int status = ArchiveCli.commandLine().execute("import", "--archive", archive.toString(),
                work.resolve("transkribus-export").toString());

        assertEquals(0, status);
        Path run = lastRun();
        assertTrue(run.getFileName().toString().endsWith("-import"));
        Path version = leaflet.resolve("versions").resolve(run.getFileName());
        for (Path tei : List.of(leaflet.resolve("document.tei.xml"), version.resolve("document.tei.xml"))) {
            org.w3c.dom.Document xml = TeiXPath.parse(tei);
            XPath xpath = TeiXPath.xpath();
            assertTrue(xpath.evaluate("normalize-space(//tei:text)", xml).contains("Korrektur"), tei.toString());
            assertEquals("correction", xpath.evaluate("//tei:revisionDesc/tei:change[1]/@type", xml));
            assertEquals(run.getFileName().toString(), xpath.evaluate("//tei:revisionDesc/tei:change[1]/@n", xml));
            assertTrue(xpath.evaluate("//tei:revisionDesc/tei:change[2]/@n", xml).endsWith("-batch"),
                    "the history of the TEI it corrects goes on");
        }
        assertTrue(org.workersarchive.export.ArchiveWriter.correctedSinceWritten(leaflet),
                "the new TEI counts as a correction: a later --reprocess keeps it");
        FormatChecks.Report checked = FormatChecks.check(version);
        assertEquals(List.of(), checked.problems());
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(leaflet.resolve("document.tei.xml")));
        assertTrue(Files.readString(version.resolve("alto/p0001.xml")).contains("CONTENT=\"Korrektur\""));
        JsonNode report = new ObjectMapper().readTree(run.resolve("report.json").toFile());
        JsonNode entry = report.get("files").get(0);
        assertEquals(List.of("ok", id, "1", "1"), List.of(entry.get("status").asText(), entry.get("documentId").asText(),
                entry.get("page").asText(), entry.get("wordsChanged").asText()), entry.toString());
        assertEquals(word + " → Korrektur", entry.get("examples").get(0).asText());
    }

    @Test
    @Order(5)
    void anAltoFileCorrectedForADocumentWhoseTeiWasCorrectedByHandGoesBesideIt() throws Exception {
        Path issue = folderOf(ISSUE.replace('_', '-'));
        String handCorrected = Files.readString(issue.resolve("document.tei.xml"));
        Path alto = Files.createDirectories(work.resolve("escriptorium")).resolve("export_p2.xml");
        String original = Files.readString(issue.resolve("alto/p0002.xml"));
        Files.writeString(alto, original.replaceFirst("(<String ID=\"p2_w2\" CONTENT=\")[^\"]*", "$1Исправлено"));

        assertEquals(0, ArchiveCli.commandLine().execute("import", "--archive", archive.toString(), alto.toString()));

        assertEquals(handCorrected, Files.readString(issue.resolve("document.tei.xml")), "a hand correction is never replaced");
        Path version = issue.resolve("versions").resolve(lastRun().getFileName());
        assertTrue(Files.readString(version.resolve("document.tei.xml")).contains("Исправлено"));
        assertEquals(List.of(), FormatChecks.check(version).problems());
        JsonNode entry = new ObjectMapper().readTree(lastRun().resolve("report.json").toFile()).get("files").get(0);
        assertTrue(entry.get("reason").asText().startsWith("the document's TEI had been corrected by hand and is kept"),
                entry.toString());

        Path stray = Files.writeString(work.resolve("stray.xml"), original.replaceAll("<documentIdentifier>[^<]*"
                + "</documentIdentifier>", ""));
        assertEquals(1, ArchiveCli.commandLine().execute("import", "--archive", archive.toString(), stray.toString()),
                "a file that names no document fails");
        assertTrue(new ObjectMapper().readTree(lastRun().resolve("report.json").toFile()).get("files").get(0)
                .get("reason").asText().startsWith("no document of the archive is named in the file"));
    }

    @Test
    @Order(6)
    void aSecondImportBuildsOnTheFirstAndTakesItsPlace() throws Exception {
        Path leaflet = folderOf("kapd-flugblatt-1924-04");
        Path firstVersion = leaflet.resolve("versions").resolve(runs().stream()
                .filter(r -> r.getFileName().toString().endsWith("-import")).findFirst().orElseThrow().getFileName());
        // The tool's export of the first correction, with one more word changed.
        String exported = Files.readString(firstVersion.resolve("page/p0001.xml"));
        assertTrue(exported.contains("Korrektur"), "the first version's PAGE has the first correction");
        Path page = Files.createDirectories(work.resolve("second-export")).resolve("p0001.xml");
        Files.writeString(page, exported.replaceFirst("(<Word id=\"p1_w5\">[\\s\\S]*?<Unicode>)[^<]*(</Unicode>)",
                "$1Zweitkorrektur$2"));

        assertEquals(0, ArchiveCli.commandLine().execute("import", "--archive", archive.toString(), page.toString()));

        String tei = Files.readString(leaflet.resolve("document.tei.xml"));
        assertTrue(tei.contains("Korrektur") && tei.contains("Zweitkorrektur"),
                "the document's TEI reads both corrections: the second import built on the first and took its place");
        org.w3c.dom.Document xml = TeiXPath.parse(leaflet.resolve("document.tei.xml"));
        assertEquals("3", TeiXPath.xpath().evaluate("count(//tei:revisionDesc/tei:change)", xml),
                "the second correction, the first, the batch");
        Path secondVersion = leaflet.resolve("versions").resolve(lastRun().getFileName());
        assertEquals(List.of(), FormatChecks.check(secondVersion).problems());
        assertEquals(Fixity.sha256(leaflet.resolve("document.tei.xml")) + "  ../../document.tei.xml",
                Files.readString(secondVersion.resolve("placed.sha256")).strip());
        assertTrue(org.workersarchive.export.ArchiveWriter.correctedSinceWritten(leaflet));
    }

    @Test
    @Order(7)
    void aPageFileWithCoordinatesOutsideThePageOrNotNumbersFailsNamingTheElement() throws Exception {
        Path leaflet = folderOf("kapd-flugblatt-1924-04");
        String tei = Files.readString(leaflet.resolve("document.tei.xml"));
        String exported = Files.readString(leaflet.resolve("page/p0001.xml"));
        java.util.regex.Matcher region = java.util.regex.Pattern.compile(
                "<TextRegion id=\"(p1_b\\d+)\"[^>]*>\\s*<Coords points=\"(\\d+),").matcher(exported);
        assertTrue(region.find(), "the page's first region and its first x");
        Path folder = Files.createDirectories(work.resolve("stray-coordinates"));
        for (String bad : List.of("-500", "NaN")) {
            String edited = exported.substring(0, region.start(2)) + bad + exported.substring(region.end(2));
            Path page = Files.writeString(folder.resolve("p0001.xml"), edited.replaceFirst(
                    "(<Word id=\"p1_w3\">[\\s\\S]*?<Unicode>)[^<]*(</Unicode>)", "$1Anders$2"));

            assertEquals(1, ArchiveCli.commandLine().execute("import", "--archive", archive.toString(), page.toString()));

            JsonNode entry = new ObjectMapper().readTree(lastRun().resolve("report.json").toFile()).get("files").get(0);
            String reason = bad.equals("NaN") ? "x 'NaN' is not a number" : "x -500 is outside the page";
            assertEquals(List.of("failed", page + ": TextRegion " + region.group(1) + ": " + reason),
                    List.of(entry.get("status").asText(), entry.get("reason").asText()), entry.toString());
            assertEquals(tei, Files.readString(leaflet.resolve("document.tei.xml")), "the document is as it was");
        }
    }

    private static String wordOf(String pageXml, String id) {
        java.util.regex.Matcher word = java.util.regex.Pattern.compile("<Word id=\"" + id
                + "\">[\\s\\S]*?<Unicode>([^<]*)</Unicode>").matcher(pageXml);
        assertTrue(word.find(), id);
        return word.group(1);
    }

    private Path folderOf(String idPrefix) throws IOException {
        return documentFolders().stream().filter(f -> f.getFileName().toString().startsWith(idPrefix + "-"))
                .findFirst().orElseThrow(() -> new AssertionError("no document " + idPrefix));
    }

    private List<Path> documentFolders() throws IOException {
        try (Stream<Path> folders = Files.list(archive.resolve("documents"))) {
            return folders.filter(Files::isDirectory).filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList();
        }
    }

    private Path firstRun() throws IOException {
        return runs().get(0);
    }

    private Path lastRun() throws IOException {
        List<Path> runs = runs();
        return runs.get(runs.size() - 1);
    }

    private List<Path> runs() throws IOException {
        try (Stream<Path> runs = Files.list(archive.resolve("runs"))) {
            return runs.sorted().toList();
        }
    }

    private static List<JsonNode> reportEntries(Path run) throws IOException {
        JsonNode report = new ObjectMapper().readTree(run.resolve("report.json").toFile());
        List<JsonNode> entries = new java.util.ArrayList<>();
        report.get("inputs").forEach(entries::add);
        return entries;
    }


}
