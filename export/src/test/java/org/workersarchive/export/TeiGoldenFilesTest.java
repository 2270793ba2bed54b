package org.workersarchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.DocumentInvariants;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Language;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceDescription.Kind;
import org.workersarchive.core.SourceDescription.Origin;
import org.workersarchive.core.SourceDescription;
import org.workersarchive.core.SourceFile;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

/**
 * Whole TEI files as the writer writes them, kept in {@code src/test/resources/golden/} for a
 * reviewer to read, and compared byte for byte: any change of the TEI shows here as a change of
 * one of these files. After a change meant to alter the TEI, write them anew with
 * {@code ./mvnw -pl export -am test -Dtest=TeiGoldenFilesTest -Dgolden.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and read the difference ({@code git diff}) before committing.
 */
class TeiGoldenFilesTest {

    private static final String RUN = "2026-11-25T10-00-00Z-batch";
    private static final LocalDate MADE = LocalDate.of(2026, 11, 25);
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final Path TEI_ALL = Path.of(System.getProperty("archive.shared.dir"), "tei", "tei_all.rng");

    @TempDir
    Path dir;

    /** A periodical's issue described by its sidecar: a turned page, a name across a line break, a date, doubtful words. */
    @Test
    void anIssueDescribedByItsSidecar() throws IOException {
        assertGolden("issue-from-sidecar.tei.xml", TeiConfig.defaults(), TeiWriterTest.sampleDocument(dir));
    }

    /** The same issue with a zone per word, each word of the text pointing at its own. */
    @Test
    void anIssueWithWordZones() throws IOException {
        assertGolden("issue-with-word-zones.tei.xml", TeiConfig.defaults().withWordZones(true),
                TeiWriterTest.sampleDocument(dir));
    }

    /**
     * A pamphlet known by its file name only, in two languages: a Russian page with a name the list
     * knows and one it does not, a German page, and a page whose text came from the PDF's text layer.
     */
    @Test
    void aPamphletInTwoLanguagesWithATextLayerPage() throws IOException {
        assertGolden("pamphlet-two-languages.tei.xml", TeiConfig.defaults(), pamphlet());
    }

    private void assertGolden(String name, TeiConfig config, Document document) throws IOException {
        Path written = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(written)) {
            new TeiWriter(config, TeiWriterTest.authority(dir)).write(placedInFolder(document), RUN, MADE, out);
        }
        assertEquals(List.of(), TeiValidator.forSchema(TEI_ALL).validate(written), name);
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(written), name);
        String actual = Files.readString(written, StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail(golden.toAbsolutePath() + " is missing: write it with -Dgolden.update=true and read it");
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail(name + " differs from the golden file " + golden.toAbsolutePath() + " first at " + firstDifference(
                    expected, actual) + "; if the change is meant, write it anew with -Dgolden.update=true");
        }
    }

    /** The line where two texts first differ, both versions of it. */
    private static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            String a = i < want.length ? want[i] : "(end of file)";
            String b = i < got.length ? got[i] : "(end of file)";
            if (!a.equals(b)) {
                return "line " + (i + 1) + ":\n  golden:  " + a + "\n  written: " + b;
            }
        }
        return "(no line differs: line endings?)";
    }

    /** The document as ArchiveWriter hands it to the TEI writer: each page image named by its place in the folder. */
    private static Document placedInFolder(Document document) {
        return document.withPages(document.pages().stream().map(page -> page.withImage(page.image().withPath(
                DocumentFolder.pageImage(page.number(), ".png")))).toList());
    }

    private Document pamphlet() {
        Page russian = page(1, TextOrigin.OCR, "rus", List.of(
                List.of("Рабочая", "группа", "и", "товарищ", "Мясников"),
                List.of("против", "бюрократии", "в", "партии.")));
        Page german = page(2, TextOrigin.OCR, "deu", List.of(List.of("Die", "Arbeitergruppe", "in", "Moskau.")));
        Page layer = page(3, TextOrigin.TEXT_LAYER, null, List.of(List.of("Workers", "of", "the", "world.")));
        SourceFile pdf = new SourceFile(dir.resolve("manifest-rabochei-gruppy_1923.pdf"),
                "manifest-rabochei-gruppy_1923.pdf", "c".repeat(64), "application/pdf", 52_000, 3,
                Map.of("title", "Манифест"));
        SourceDescription description = new SourceDescription(Kind.PAMPHLET, "Manifest Rabochei Gruppy", true, null,
                null, null, null, "1923", null, null, List.of(), null, Origin.FILE_NAME, null);
        Document document = Document.ofPages("manifest-rabochei-gruppy-1923-cccccccccccc", description, List.of(pdf),
                        List.of(russian, german, layer),
                        new ProcessingStep("ingest", "Apache Tika + Apache PDFBox", "Tika 3.2.3, PDFBox 3.0.6", Map.of(),
                                Duration.ofMillis(20)))
                .withStep(new ProcessingStep("ocr", "Tesseract", "5.3.0", Map.of("languages", "rus+deu"),
                        Duration.ofSeconds(3)))
                .withAnnotations(List.of(
                        new Annotation("e1", EntityType.ORGANISATION, List.of("p1_w1", "p1_w2"), null, null, 0.6, "test"),
                        new Annotation("e2", EntityType.PERSON, List.of("p1_w5"), "myasnikov", null, 0.95, "test"),
                        new Annotation("e3", EntityType.PLACE, List.of("p2_w4"), null, null, 0.7, "test")));
        return DocumentInvariants.requireSound(document);
    }

    /**
     * A page of 1000x1400 pixels with one block of lines, laid out from the top left: each word 80
     * pixels wide, each line 50 below the last; confidences fall by one a word from 95.
     *
     * @param model the model that read it; null for a text layer, whose language is not known
     */
    private static Page page(int number, TextOrigin origin, String model, List<List<String>> lines) {
        int y = 60;
        int wordCount = 0;
        List<Line> blockLines = new ArrayList<>();
        for (List<String> texts : lines) {
            List<Word> words = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                wordCount++;
                words.add(new Word("p" + number + "_w" + wordCount, texts.get(i),
                        new BoundingBox(100 + 90 * i, y, 80, 40), 95 - wordCount));
            }
            blockLines.add(new Line("p" + number + "_l" + (blockLines.size() + 1),
                    BoundingBox.enclosing(words.stream().map(Word::box).toList()), words));
            y += 50;
        }
        Block block = new Block("p" + number + "_b1",
                BoundingBox.enclosing(blockLines.stream().map(Line::box).toList()), blockLines);
        return Page.unread(number, new PageImage(Path.of("p" + number + ".png"), 1000, 1400, 300))
                .withText(origin, model == null ? List.of() : Language.listOf(model), List.of(block));
    }
}
