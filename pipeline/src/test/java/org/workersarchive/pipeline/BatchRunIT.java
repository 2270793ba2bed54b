package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.EntityType;
import org.workersarchive.export.FormatChecks;
import org.workersarchive.export.FormatSchemas;
import org.workersarchive.export.TeiValidator;
import org.workersarchive.core.Fixity;
import org.workersarchive.pipeline.cli.ArchiveCli;
import org.workersarchive.samples.DocumentScore;
import org.workersarchive.samples.EvaluationReport;
import org.workersarchive.samples.Evaluator;
import org.workersarchive.samples.GroundTruth;
import org.workersarchive.samples.Prf;

/**
 * The whole path through the real Camel routes, with the real Tesseract, on the bundled samples:
 * one batch run, checked for text quality, valid TEI, entities, the report, and untouched inputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchRunIT {

    /**
     * Bounds above what is measured on the bundled samples (README: at most 0.4% per document,
     * 0.2% overall; entity precision 1.0, recall 0.95 or more): a regression beyond them fails.
     */
    private static final double MAX_CER_PER_DOCUMENT = 0.03;
    private static final double MAX_CER_OVERALL = 0.01;
    private static final double MIN_AUTHORITY_ENTITY_RECALL = 0.90;
    private static final double MIN_ENTITY_PRECISION = 0.95;

    /** An entity element of the transcription: with its key, its date, or (found by a name model) its certainty. */
    private static final Pattern ENTITY_ELEMENT =
            Pattern.compile("<(persName|orgName|placeName|title|eventName|date) (ref|when|cert)=");

    private static final Path SAMPLES = Path.of("..", "samples", "bundled").toAbsolutePath().normalize();
    /** The five sample scans make four documents: the two files of L'Ouvrier Communiste no. 6-7 are one issue. */
    private static final int DOCUMENTS = 4;

    @TempDir
    static Path work;

    private Path inputs;
    private Path archive;
    private Map<Path, String> checksumsBefore;
    private Map<Path, FileTime> modifiedBefore;
    private int exitStatus;

    @BeforeAll
    void runBatchOverSamplesAndOneBadFile() throws IOException {
        inputs = work.resolve("box with spaces");
        copyTree(SAMPLES.resolve("scans"), inputs);
        Files.writeString(inputs.resolve("not-a-scan.pdf"), "just a note, not a PDF", StandardCharsets.UTF_8);
        checksumsBefore = new HashMap<>();
        modifiedBefore = new HashMap<>();
        for (Path file : files(inputs)) {
            checksumsBefore.put(file, Fixity.sha256(file));
            modifiedBefore.put(file, Files.getLastModifiedTime(file));
        }
        archive = work.resolve("archive");
        exitStatus = ArchiveCli.commandLine().execute("batch", inputs.toString(), "--archive", archive.toString(),
                "--workers", "2");
    }

    @Test
    void exitStatusSaysSomeInputFailed() {
        assertEquals(1, exitStatus);
    }

    @Test
    void inputsAreUntouched() throws IOException {
        for (Path file : files(inputs)) {
            assertEquals(checksumsBefore.get(file), Fixity.sha256(file), file.toString());
            assertEquals(modifiedBefore.get(file), Files.getLastModifiedTime(file), file.toString());
        }
        assertEquals(checksumsBefore.size(), files(inputs).size());
    }

    @Test
    void reportListsEveryInputWithItsOutcome() throws IOException {
        JsonNode report = new ObjectMapper().readTree(reportFile().toFile());
        JsonNode entries = report.get("inputs");
        assertEquals(DOCUMENTS + 1, entries.size());
        List<Path> reported = new ArrayList<>();
        for (JsonNode entry : entries) {
            Path path = Path.of(entry.get("path").asText());
            entry.get("files").forEach(file -> reported.add(Path.of(file.asText())));
            if (entry.get("files").size() == 1) {
                assertEquals(checksumsBefore.get(path), entry.get("sha256").asText(), path.toString());
            }
            if (path.getFileName().toString().equals("not-a-scan.pdf")) {
                assertEquals("failed", entry.get("status").asText());
                assertEquals("text/plain", entry.get("mediaType").asText());
                assertEquals("unsupported type text/plain", entry.get("reason").asText());
                assertTrue(Files.isRegularFile(archive.resolve("failed/not-a-scan.pdf")));
                assertEquals("unsupported type text/plain", Files.readAllLines(
                        archive.resolve("failed/not-a-scan.pdf.reason.txt")).get(1));
            } else {
                assertEquals("ok", entry.get("status").asText(), entry.toString());
                assertTrue(entry.get("pages").asInt() >= 1);
                assertTrue(entry.get("meanConfidence").asDouble() > 50, entry.toString());
                assertPagesReadInTheirLanguage(path, entry);
                assertTrue(entry.get("mediaType").asText().matches(
                        "(application/pdf|image/(png|jpeg|tiff))(, (application/pdf|image/(png|jpeg|tiff)))?"),
                        entry.get("mediaType").asText());
                String id = entry.get("documentId").asText();
                for (String output : List.of("tei", "text", "provenance", "folder")) {
                    assertTrue(Files.exists(Path.of(entry.get("outputs").get(output).asText())), output + " of " + id);
                }
            }
        }
        assertEquals(new HashSet<>(checksumsBefore.keySet()), new HashSet<>(reported), "every file, each once");
        assertEquals(checksumsBefore.size(), reported.size());
        assertEquals(DOCUMENTS, report.get("summary").get("ok").asInt());
    }

    /** Each page was read with the one model of the sample's language, found without being told. */
    private static void assertPagesReadInTheirLanguage(Path input, JsonNode entry) throws IOException {
        String language = GroundTruth.read(SAMPLES.resolve("truth").resolve(input.getFileName() + ".json"))
                .languages().get(0);
        JsonNode pages = entry.get("pageDetails");
        assertEquals(entry.get("pages").asInt(), pages.size());
        for (JsonNode page : pages) {
            assertEquals(List.of(language), List.of(page.get("languages").get(0).asText()), page.toString());
            assertEquals(1, page.get("languages").size(), page.toString());
            assertEquals(language.equals("rus") ? "Cyrillic" : "Latin", page.get("script").asText(), page.toString());
            assertTrue(page.get("meanConfidence").asDouble() > 50, page.toString());
            assertEquals(0, page.get("rotationDegrees").asInt(), page.toString());
        }
    }

    @Test
    void everyTeiIsValidTeiP5() throws IOException {
        TeiValidator validator = FormatChecks.teiAll();
        List<Path> teis = documentFolders().stream().map(folder -> folder.resolve("document.tei.xml")).toList();
        assertEquals(DOCUMENTS, teis.size());
        TeiValidator archiveSchema = TeiValidator.forArchiveSchema();
        for (Path tei : teis) {
            assertEquals(List.of(), validator.validate(tei), tei.toString());
            assertEquals(List.of(), archiveSchema.validate(tei), tei.toString());
        }
        assertEquals(0, ArchiveCli.commandLine().execute("validate", archive.toString()));
        assertEquals(0, ArchiveCli.commandLine().execute("validate", "--schema",
                sharedDir().resolve("tei/tei_all.rng").toString(), archive.resolve("documents").toString()));
        assertEquals(1, ArchiveCli.commandLine().execute("validate", archive.resolve("authority.xml").toString()),
                "the authority list is TEI but not a document of the archive");
    }

    @Test
    void everyFileOfEveryFormatIsValidAgainstItsOfficialSchemaAndEveryTeiStandsAlone() {
        FormatChecks.Report report = FormatChecks.check(archive.resolve("documents"));
        assertEquals(List.of(), report.problems());
        int pages = 7;
        assertEquals(List.of(DOCUMENTS, DOCUMENTS, pages, pages, DOCUMENTS, DOCUMENTS), List.of(report.pdf(),
                report.tei(), report.alto(), report.page(), report.mets(), report.iiif()),
                "PDF/A (veraPDF), TEI (tei_all, every @ref within the file), ALTO, PAGE, METS, IIIF of every document");
    }

    @Test
    void aTeiCopiedAloneIntoAnEmptyFolderResolvesEveryRef() throws IOException {
        for (Path folder : documentFolders()) {
            Path alone = Files.createDirectories(work.resolve("alone").resolve(folder.getFileName()))
                    .resolve("document.tei.xml");
            Files.copy(folder.resolve("document.tei.xml"), alone);
            assertEquals(List.of(), FormatChecks.standAloneProblems(alone), alone.toString());
        }
    }

    @Test
    void pdftotextReadsTheTwoColumnsOfTheFrenchPageEachWhole() throws Exception {
        Path folder = documentFolders().stream().filter(f -> f.getFileName().toString().startsWith("ouvrier"))
                .findFirst().orElseThrow();
        Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1",
                folder.resolve("document.pdf").toString(), "-").redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertEquals(0, process.waitFor());
        // The left column's last line, then the right column's first: not interleaved line by line.
        assertTrue(text.contains("Nous apprenons que le camarade Miasnikov, fondateur du Groupe ouvrier, est de "
                + "nouveau entre les mains du Guépéou."), text);
        assertTrue(text.indexOf("Pour cela ses membres") < text.indexOf("furent chassés des usines de Perm"), text);
    }

    @Test
    void theCorpusExportIsValidTeiWithAnIndexOfEveryEntity() throws IOException {
        Path corpus = work.resolve("corpus");
        assertEquals(0, ArchiveCli.commandLine().execute("export", "--archive", archive.toString(),
                "--out", corpus.toString()));

        TeiValidator teiAll = FormatChecks.teiAll();
        assertEquals(List.of(), teiAll.validate(corpus.resolve("corpus.tei.xml")));
        String corpusTei = Files.readString(corpus.resolve("corpus.tei.xml"));
        long entityElements = 0;
        for (Path folder : documentFolders()) {
            String id = folder.getFileName().toString();
            Path copy = corpus.resolve("documents").resolve(id);
            assertEquals(-1L, Files.mismatch(folder.resolve("document.tei.xml"), copy.resolve("document.tei.xml")));
            assertTrue(Files.isRegularFile(copy.resolve("pages/p0001.png")), id);
            assertTrue(corpusTei.contains("xml:id=\"d-" + id + "-surface-p1\""), id);
            assertTrue(corpusTei.contains("url=\"documents/" + id + "/pages/p0001.png\""), id);
            String tei = Files.readString(folder.resolve("document.tei.xml"));
            entityElements += ENTITY_ELEMENT.matcher(tei.substring(tei.indexOf("<text"))).results().count();
        }
        List<String> index = Files.readAllLines(corpus.resolve("entities.csv"));
        assertEquals("document,page,type,key,surface,zone", index.get(0));
        assertEquals(entityElements, index.size() - 1);
        // The Russian model's person takes in the form of address before the name ("Товарищ Мясников"),
        // as a model's name around a listed one takes the list's key over the model's span.
        assertTrue(index.stream().anyMatch(row -> row.matches("put-rabochikh-k-vlasti-1923-\\w+,1,persName,myasnikov,"
                + "(Товарищ )?Мясников\\w*,zone-p1_l\\d+")), index.toString());
        assertEquals(entityElements, new ObjectMapper().readTree(corpus.resolve("entities.json").toFile()).size());
        assertTrue(Files.isRegularFile(corpus.resolve("authority.xml")));
        FormatSchemas official = FormatSchemas.from(FormatChecks.officialSchemas());
        assertEquals(List.of(), official.validate(FormatSchemas.Format.IIIF, corpus.resolve("collection.json")));
        JsonNode collection = new ObjectMapper().readTree(corpus.resolve("collection.json").toFile());
        assertEquals(DOCUMENTS, collection.get("items").size(), "a manifest per document");
        for (JsonNode item : collection.get("items")) {
            String path = item.get("id").asText().replace("http://127.0.0.1:8080/", "");
            assertTrue(Files.isRegularFile(corpus.resolve(path)), "served from the corpus folder: " + path);
        }
    }

    @Test
    void textIsReadWellAndEntitiesAreFound() throws IOException {
        EvaluationReport evaluation = new Evaluator().evaluate(archive, SAMPLES.resolve("truth"));
        System.out.println(evaluation.format());
        for (DocumentScore document : evaluation.documents()) {
            assertTrue(document.cer() <= MAX_CER_PER_DOCUMENT, document.toString());
        }
        assertTrue(evaluation.overallCer() <= MAX_CER_OVERALL, "overall CER " + evaluation.overallCer());
        for (EntityType type : List.of(EntityType.PERSON, EntityType.ORGANISATION, EntityType.PLACE,
                EntityType.PUBLICATION)) {
            Prf scores = evaluation.entities().get(type);
            assertTrue(scores.recall() >= MIN_AUTHORITY_ENTITY_RECALL, type + " " + scores);
        }
        assertTrue(evaluation.overall().precision() >= MIN_ENTITY_PRECISION, evaluation.overall().toString());
    }

    @Test
    void originalsAreKeptUnderTheirChecksum() throws IOException {
        for (Map.Entry<Path, String> input : checksumsBefore.entrySet()) {
            if (input.getKey().getFileName().toString().equals("not-a-scan.pdf")) {
                continue;
            }
            try (Stream<Path> originals = Files.list(archive.resolve("originals"))) {
                Path kept = originals.filter(p -> p.getFileName().toString().startsWith(input.getValue()))
                        .findFirst().orElseThrow(() -> new AssertionError("no original for " + input.getKey()));
                assertEquals(input.getValue(), Fixity.sha256(kept));
            }
        }
    }

    @Test
    void theSameBytesAgainAreDuplicates() throws IOException {
        Path again = work.resolve("again");
        Files.createDirectories(again);
        Path first = files(inputs).stream().filter(p -> !p.toString().endsWith("not-a-scan.pdf")).findFirst().orElseThrow();
        Files.copy(first, again.resolve("renamed copy" + first.getFileName()));
        int status = ArchiveCli.commandLine().execute("batch", again.toString(), "--archive", archive.toString());
        assertEquals(0, status);
        assertEquals(DOCUMENTS, documentFolders().size());
        assertFalse(documentFolders().isEmpty());
    }

    private Path reportFile() throws IOException {
        try (Stream<Path> runs = Files.list(archive.resolve("runs"))) {
            return runs.sorted().findFirst().orElseThrow().resolve("report.json");
        }
    }

    private List<Path> documentFolders() throws IOException {
        try (Stream<Path> folders = Files.list(archive.resolve("documents"))) {
            return folders.filter(Files::isDirectory).toList();
        }
    }

    static Path sharedDir() {
        return Path.of(System.getProperty("archive.shared.dir", "../../shared"));
    }

    static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        for (Path file : files(from)) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
    }
}
