package org.workersarchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.xpath.XPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.ArchiveLayout;
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
import org.workersarchive.core.TeiXPath;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

/**
 * Characters XML 1.0 forbids, as OCR, PDF text layers, PDF metadata and file names bring them:
 * every file the export writes stays well-formed and valid, with them dropped or replaced by
 * U+FFFD in the one place that decides it, {@link XmlText}.
 */
class XmlTextTest {

    /** Anything XML 1.0 does not allow in text: C0 controls but tab, LF and CR; surrogates; U+FFFE, U+FFFF. */
    private static final Pattern FORBIDDEN = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uD800-\\uDFFF\\uFFFE\\uFFFF]");

    @TempDir
    Path dir;

    @Test
    void controlCharactersAreDroppedAndMangledCharactersReplaced() {
        assertEquals("exclu", XmlText.clean("ex\u0000\u0001\u0008clu"));
        assertEquals("a b", XmlText.clean("a\u000B\u000C\u000E\u001F b"));
        assertEquals("\ta\nb\r", XmlText.clean("\ta\nb\r"), "the whitespace XML allows is kept");
        assertEquals("a\uFFFDb\uFFFDc", XmlText.clean("a\uFFFEb\uFFFFc"));
        assertEquals("\uFFFD|\uFFFD|\uFFFD\uFFFD", XmlText.clean("\uD800|\uDC00|\uDC00\uD800"),
                "a surrogate alone, or a pair in the wrong order");
        assertEquals("a😀b", XmlText.clean("a\uD83D\uDE00b"), "a pair is one character beyond the BMP");
        String allowed = "Рабочая группа «Правда» \u007F\u0085\uE000\uFFFD";
        assertSame(allowed, XmlText.clean(allowed), "text XML allows is returned as it is");
    }

    @Test
    void aDocumentFullOfForbiddenCharactersIsWrittenWellFormedAndValid() throws Exception {
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Document document = documentWithForbiddenCharacters(staging, SourceDescription.NONE);

        WrittenDocument written = new ArchiveWriter(new ArchiveLayout(dir.resolve("archive")), TeiConfig.defaults().withWordZones(true),
                AuthorityEntries.NONE).write(document, "run-1");

        assertEquals(List.of(), FormatChecks.teiAll().validate(written.tei()));
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(written.tei()));
        XPath xpath = TeiXPath.xpath();
        org.w3c.dom.Document tei = TeiXPath.parse(written.tei());
        assertEquals("Le camarade Mias\uFFFDnikov exclu\uFFFD \uFFFD", xpath.evaluate("normalize-space(//tei:ab)", tei));
        assertEquals("5", xpath.evaluate("count(//tei:w)", tei), "the word of control characters only is gone");
        assertEquals("Mias\uFFFDnikov", xpath.evaluate("normalize-space(//tei:persName)", tei));
        assertEquals("Manifeste du groupe ouvrier\uFFFD", xpath.evaluate("//tei:titleStmt/tei:title", tei),
                "the title from the PDF's metadata");
        assertEquals("G. Myasnikov\uFFFD", xpath.evaluate("//tei:sourceDesc/tei:bibl/tei:author", tei));
        assertEquals("scan.pdf", xpath.evaluate("//tei:idno[@type='fileName']", tei), "a file name with a BEL in it");

        String text = Files.readString(written.text());
        assertCleanAndHas(text, "Mias\uFFFDnikov exclu\uFFFD");
        org.w3c.dom.Document alto = TeiXPath.parse(written.folder().resolve("alto/p0001.xml"));
        assertEquals("Mias\uFFFDnikov", TeiXPath.xpath(Map.of("a", AltoWriter.ALTO_NS))
                .evaluate("//a:String[@ID='p1_w4']/@CONTENT", alto));
        try (PDDocument pdf = Loader.loadPDF(written.folder().resolve(DocumentFolder.PDF).toFile())) {
            assertEquals("Manifeste du groupe ouvrier\uFFFD", pdf.getDocumentInformation().getTitle());
            assertEquals(collapsed(text), collapsed(new PDFTextStripper().getText(pdf)),
                    "the searchable PDF's text is the plain text's");
        }
        JsonNode provenance = new ObjectMapper().readTree(written.provenance().toFile());
        assertEquals("Manifeste\u0001 du groupe ouvrier\uFFFE",
                provenance.get("sources").get(0).get("metadata").get("title").asText(),
                "JSON escapes what XML cannot hold: the provenance keeps the metadata as it was");
    }

    @Test
    void aDescriptionWithForbiddenCharactersMakesAValidHeader() throws Exception {
        Path sidecar = Files.writeString(dir.resolve("manifeste.yaml"), "title: Manifeste\n");
        SourceDescription description = new SourceDescription(Kind.PAMPHLET, "Manifeste\u0002 du groupe", false, null,
                "G.\u0003 Myasnikov", "1\u0004", null, "1923", "Moscou\u000B", "Groupe\uFFFF ouvrier", List.of(),
                "Note\u001F \uDBFF", Origin.SIDECAR, sidecar);
        Document document = documentWithForbiddenCharacters(Files.createDirectories(dir.resolve("staging")), description);
        Path tei = dir.resolve("document.tei.xml");
        try (var out = Files.newOutputStream(tei)) {
            new TeiWriter(TeiConfig.defaults()).write(document, "run\u0005-1", out);
        }

        assertEquals(List.of(), FormatChecks.teiAll().validate(tei));
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(tei));
        XPath xpath = TeiXPath.xpath();
        org.w3c.dom.Document xml = TeiXPath.parse(tei);
        String monogr = "//tei:biblStruct/tei:monogr";
        assertEquals("G. Myasnikov: Manifeste du groupe, 1923", xpath.evaluate("//tei:titleStmt/tei:title", xml));
        assertEquals("Moscou", xpath.evaluate(monogr + "/tei:imprint/tei:pubPlace", xml));
        assertEquals("Groupe\uFFFD ouvrier", xpath.evaluate(monogr + "/tei:imprint/tei:publisher", xml));
        assertEquals("Note \uFFFD", xpath.evaluate("//tei:biblStruct/tei:note[not(@type)]", xml));
        assertEquals("run-1", xpath.evaluate("//tei:revisionDesc/tei:change/@n", xml), "an attribute too");
    }

    /**
     * One page whose words hold forbidden characters, one of them nothing else, and a person over
     * that word and the next; the scan's name and its PDF metadata hold them too.
     */
    private static Document documentWithForbiddenCharacters(Path staging, SourceDescription description)
            throws IOException {
        List<String> texts = List.of("Le\u0001", "camarade", "\u0000\u0008", "Mias\uD800nikov", "exclu\uFFFE",
                "\u001B\uDC00");
        List<Word> words = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            words.add(new Word("p1_w" + (i + 1), texts.get(i), new BoundingBox(100 + 150 * i, 100, 120, 40), 90));
        }
        Line line = new Line("p1_l1", BoundingBox.enclosing(words.stream().map(Word::box).toList()), words);
        Block block = new Block("p1_b1", line.box(), List.of(line));
        Page page = Page.unread(1, new PageImage(whitePage(staging.resolve("p0001.png")), 1200, 400, 300))
                .withText(TextOrigin.OCR, Language.listOf("fra"), List.of(block));
        SourceFile source = new SourceFile(staging.resolve("scan\u0007.pdf"), "scan\u0007.pdf", "0123456789ab" + "c".repeat(52),
                "application/pdf", 1234, 1, Map.of("title", "Manifeste\u0001 du groupe ouvrier\uFFFE",
                "author", "G.\u0000 Myasnikov\uD800"));
        Document document = Document.ofPages("manifeste-0123456789ab", description, List.of(source), List.of(page),
                        new ProcessingStep("ocr", "Tesseract", "5.3.0", Map.of("languages", "fra"), Duration.ofSeconds(1)))
                .withAnnotations(List.of(new Annotation("e1", EntityType.PERSON, List.of("p1_w3", "p1_w4"), null, null,
                        0.9, "test")));
        return DocumentInvariants.requireSound(document);
    }

    private static Path whitePage(Path file) throws IOException {
        BufferedImage image = new BufferedImage(1200, 400, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static void assertCleanAndHas(String text, String expected) {
        assertTrue(text.contains(expected), text);
        assertFalse(FORBIDDEN.matcher(text).find(), "no forbidden character in " + text);
    }

    private static String collapsed(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
