package org.workersarchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.DocumentInvariants;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.PagePreparation;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceFile;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

class TeiWriterTest {

    private static TeiValidator teiAll;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() {
        teiAll = TeiValidator.forSchema(Path.of(System.getProperty("archive.shared.dir"), "tei", "tei_all.rng"));
    }

    @Test
    void theTeiIsValidAndLinksTextToFacsimileAndAuthority() throws Exception {
        Path tei = dir.resolve("document.tei.xml");
        try (OutputStream out = Files.newOutputStream(tei)) {
            new TeiWriter(TeiConfig.defaults()).write(sampleDocument(dir), out);
        }
        assertEquals(List.of(), teiAll.validate(tei));
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(tei), "the archive's own customisation");

        XPath xpath = teiXPath();
        org.w3c.dom.Document xml = parse(tei);
        assertEquals("2", xpath.evaluate("count(//tei:surface)", xml));
        assertEquals("pages/p0001.png", xpath.evaluate("//tei:surface[1]/tei:graphic/@url", xml));
        assertEquals("100 50 400 90", xpath.evaluate(
                "concat(//tei:zone[@xml:id='zone-p1_l1']/@ulx,' ',//tei:zone[@xml:id='zone-p1_l1']/@uly,' ',"
                        + "//tei:zone[@xml:id='zone-p1_l1']/@lrx,' ',//tei:zone[@xml:id='zone-p1_l1']/@lry)", xml));
        assertEquals("#surface-p2", xpath.evaluate("//tei:pb[@n='2']/@facs", xml));
        assertEquals("#zone-p1_l2", xpath.evaluate("(//tei:lb)[2]/@facs", xml));
        assertEquals("../../authority.xml#myasnikov", xpath.evaluate("//tei:persName/@ref", xml));
        assertEquals("G. Mias-\nnikov", xpath.evaluate("//tei:persName", xml));
        assertEquals("1923-06-05", xpath.evaluate("//tei:date/@when", xml));
        assertEquals("Le camarade G. Mias- nikov, 5 juin 1923 exclu", xpath.evaluate("normalize-space(//tei:ab[1])", xml));
        assertEquals("fr", xpath.evaluate("//tei:langUsage/tei:language/@ident", xml));
        assertEquals("100", xpath.evaluate("//tei:langUsage/tei:language/@usage", xml));
        assertEquals("The scan was turned 90° clockwise to stand upright, then straightened by -1.25° (clockwise "
                + "positive); zones refer to the image as shown.",
                xpath.evaluate("//tei:surface[1]/tei:desc[@type='preparation']", xml));
        assertEquals("", xpath.evaluate("//tei:surface[2]/tei:desc", xml), "an unturned page needs no note");
        assertEquals("2", xpath.evaluate("count(//tei:unclear)", xml), "the words under 60% confidence");
        assertEquals("nikov", xpath.evaluate("//tei:persName/tei:unclear", xml), "nested in the name, comma outside");
        assertEquals("0.45", xpath.evaluate("//tei:persName/tei:unclear/@cert", xml));
        assertEquals("#app-ocr", xpath.evaluate("(//tei:unclear)[2]/@resp", xml));
        assertEquals("ocr", xpath.evaluate("//tei:application[@xml:id='app-ocr']/@ident", xml));
        assertEquals("a" + "b".repeat(63), xpath.evaluate("//tei:idno[@type='sha256']", xml));
    }

    @Test
    void punctuationOfTheSentenceStaysOutsideTheName() {
        assertEquals(5, TeiBodyWriter.nameEnd("nikov,"));
        assertEquals(6, TeiBodyWriter.nameEnd("Moscou."));
        assertEquals(2, TeiBodyWriter.nameEnd("G."));
        assertEquals(6, TeiBodyWriter.nameEnd("РКП(б)"));
        assertEquals(6, TeiBodyWriter.nameEnd("РКП(б),"));
        assertEquals(4, TeiBodyWriter.nameEnd("KAPD»."));
        assertEquals(1, TeiBodyWriter.nameEnd("."));
    }

    @Test
    void theArchiveCustomisationIsStricterThanTeiAll() throws IOException {
        Path tei = dir.resolve("document.tei.xml");
        try (OutputStream out = Files.newOutputStream(tei)) {
            new TeiWriter(TeiConfig.defaults()).write(sampleDocument(dir), out);
        }
        String written = Files.readString(tei);
        // Fractions of a pixel are valid TEI but not what the archive writes: a hand edit gone astray.
        Path edited = Files.writeString(dir.resolve("edited.tei.xml"), written.replace("ulx=\"100\"", "ulx=\"1.5\""));

        List<String> errors = TeiValidator.forArchiveSchema().validate(edited);

        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().allMatch(error -> error.contains("\"ulx\" is invalid")), errors.toString());
        assertEquals(List.of(), teiAll.validate(edited), "tei_all accepts it");
    }

    @Test
    void theValidatorReportsWhatIsWrong() throws IOException {
        Path invalid = Files.writeString(dir.resolve("invalid.xml"),
                "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text/></TEI>");
        List<String> errors = teiAll.validate(invalid);
        assertFalse(errors.isEmpty());
        assertTrue(errors.get(0).startsWith("1:"), errors.toString());
        Path hostile = Files.writeString(dir.resolve("hostile.xml"),
                "<!DOCTYPE TEI [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><TEI>&x;</TEI>");
        assertTrue(teiAll.validate(hostile).get(0).contains("DOCTYPE"), teiAll.validate(hostile).toString());
    }

    @Test
    void theArchiveFolderAppearsWholeWithItsPagesMovedIn() throws IOException {
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Document document = sampleDocument(staging);
        WrittenDocument written = new ArchiveWriter(dir.resolve("archive"), TeiConfig.defaults()).write(document);

        Path folder = dir.resolve("archive/documents/oc-1930-abababababab");
        assertEquals(folder, written.folder());
        assertEquals(List.of(), teiAll.validate(written.tei()));
        assertEquals(List.of(folder.resolve("pages/p0001.png"), folder.resolve("pages/p0002.png")), written.pageImages());
        assertTrue(Files.isRegularFile(folder.resolve("pages/p0002.png")));
        assertFalse(Files.exists(staging.resolve("p0001.png")), "page images are moved, not copied");
        assertEquals("Le camarade G. Mias-\nnikov, 5 juin 1923 exclu\n\f\n", Files.readString(written.text()));
        JsonNode provenance = new ObjectMapper().readTree(written.provenance().toFile());
        assertEquals("oc-1930.png", provenance.get("source").get("fileName").asText());
        assertEquals("pages/p0001.png", provenance.get("pages").get(0).get("image").asText());
        assertEquals("OCR", provenance.get("pages").get(0).get("textOrigin").asText());
        assertEquals(9, provenance.get("pages").get(0).get("words").asInt());
        assertEquals("ingest", provenance.get("steps").get(0).get("stage").asText());
        try (Stream<Path> left = Files.list(dir.resolve("archive/documents"))) {
            assertEquals(List.of(folder), left.toList(), "no partial folder is left");
        }
        assertThrows(IllegalStateException.class,
                () -> new ArchiveWriter(dir.resolve("archive"), TeiConfig.defaults()).write(sampleDocument(staging)));
        assertTrue(Files.isRegularFile(written.tei()), "the first document is intact");
    }

    /**
     * Two pages: the first with a person spanning a line break and a date, a word with a control
     * character OCR may produce; the second with no text at all.
     */
    static Document sampleDocument(Path imageDir) throws IOException {
        Files.createDirectories(imageDir);
        Path one = Files.write(imageDir.resolve("p0001.png"), new byte[] {1});
        Path two = Files.write(imageDir.resolve("p0002.png"), new byte[] {2});
        Line first = new Line("p1_l1", new BoundingBox(100, 50, 300, 40), List.of(
                word("p1_w1", "Le", 100), word("p1_w2", "camarade", 160), word("p1_w3", "G.", 300),
                word("p1_w4", "Mias-", 340)));
        Line second = new Line("p1_l2", new BoundingBox(100, 100, 400, 40), List.of(
                new Word("p1_w5", "nikov,", new BoundingBox(100, 100, 80, 40), 45),
                new Word("p1_w6", "5", new BoundingBox(200, 100, 20, 40), 90),
                new Word("p1_w7", "juin", new BoundingBox(230, 100, 60, 40), 90),
                new Word("p1_w8", "1923", new BoundingBox(300, 100, 70, 40), 90),
                new Word("p1_w9", "ex\u0001clu", new BoundingBox(380, 100, 70, 40), 40)));
        Block block = new Block("p1_b1", new BoundingBox(100, 50, 400, 90), List.of(first, second));
        PageImage upright = new PageImage(one, 1000, 1400, 300);
        Page page1 = Page.unread(1, upright).withPreparedImage(upright, new PagePreparation(90, -1.25, "Latin", "otsu"))
                .withText(TextOrigin.OCR, List.of("fra"), List.of(block));
        Page page2 = Page.unread(2, new PageImage(two, 1000, 1400, 300)).withText(TextOrigin.OCR, List.of("fra"), List.of());
        SourceFile source = new SourceFile(imageDir.resolve("oc-1930.png"), "oc-1930.png", "a" + "b".repeat(63),
                "image/png", 1234, Map.of("fileName", "oc-1930.png"));
        Document document = Document.ofPages("oc-1930-abababababab", source, List.of(page1, page2),
                new ProcessingStep("ingest", "Apache Tika + Apache PDFBox", "Tika 3.2.3, PDFBox 3.0.6", Map.of(),
                        Duration.ofMillis(12)))
                .withStep(new ProcessingStep("ocr", "Tesseract", "5.3.0", Map.of("languages", "fra"), Duration.ofSeconds(2)))
                .withAnnotations(List.of(
                        new Annotation("e1", EntityType.PERSON, List.of("p1_w3", "p1_w4", "p1_w5"), "myasnikov", null, 0.9,
                                "test"),
                        new Annotation("e2", EntityType.DATE, List.of("p1_w6", "p1_w7", "p1_w8"), null, "1923-06-05", 1,
                                "test")));
        return DocumentInvariants.requireSound(document);
    }

    private static Word word(String id, String text, int x) {
        return new Word(id, text, new BoundingBox(x, 50, 50, 40), 90);
    }

    private static org.w3c.dom.Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    static XPath teiXPath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "tei" -> TeiWriter.TEI_NS;
                    case "xml" -> XMLConstants.XML_NS_URI;
                    default -> XMLConstants.NULL_NS_URI;
                };
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return xpath;
    }
}
