package org.workersarchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
import org.workersarchive.core.Fixity;
import org.workersarchive.core.Language;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.PagePreparation;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.Script;
import org.workersarchive.core.SourceDescription.Kind;
import org.workersarchive.core.SourceDescription.Origin;
import org.workersarchive.core.SourceDescription;
import org.workersarchive.core.SourceFile;
import org.workersarchive.core.TeiXPath;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

class TeiWriterTest {

    @TempDir
    Path dir;

    private static final String RUN = "2026-11-25T10-00-00Z-batch";

    @Test
    void theTeiIsValidAndLinksTextToFacsimileAndAuthority() throws Exception {
        Path tei = writeSample(new TeiWriter(TeiConfig.defaults(), authority(dir)), "document.tei.xml");
        assertEquals(List.of(), FormatChecks.teiAll().validate(tei));
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(tei), "the archive's own customisation");

        XPath xpath = TeiXPath.xpath();
        org.w3c.dom.Document xml = TeiXPath.parse(tei);
        assertEquals("2", xpath.evaluate("count(//tei:surface)", xml));
        assertEquals("pages/p0001.png", xpath.evaluate("//tei:surface[1]/tei:graphic/@url", xml));
        assertEquals("100 50 400 90", xpath.evaluate(
                "concat(//tei:zone[@xml:id='zone-p1_l1']/@ulx,' ',//tei:zone[@xml:id='zone-p1_l1']/@uly,' ',"
                        + "//tei:zone[@xml:id='zone-p1_l1']/@lrx,' ',//tei:zone[@xml:id='zone-p1_l1']/@lry)", xml));
        assertEquals("#surface-p2", xpath.evaluate("//tei:pb[@n='2']/@facs", xml));
        assertEquals("#zone-p1_l2", xpath.evaluate("(//tei:lb)[2]/@facs", xml));
        assertEquals("#myasnikov", xpath.evaluate("//tei:persName/@ref", xml), "its copy in the standOff");
        assertEquals("../../authority.xml#myasnikov",
                xpath.evaluate("//tei:standOff//tei:person[@xml:id='myasnikov']/@sameAs", xml), "which points on");
        assertEquals("L'Ouvrier Communiste, no. 6-7, 1930-03",
                xpath.evaluate("//tei:div[@type='transcription']/tei:head", xml), "the transcription's heading");
        assertEquals("G. Mias-\nnikov", xpath.evaluate("//tei:persName", xml));
        assertEquals("1923-06-05", xpath.evaluate("//tei:text//tei:date/@when", xml));
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
        assertTrue(xpath.evaluate("//tei:application[@xml:id='app-pipeline']/tei:label", xml)
                .matches("Archive pipeline \\d+\\.\\d+\\.\\d+.*"), "the build's version, filled in");
        assertEquals("a" + "b".repeat(63), xpath.evaluate("//tei:idno[@type='sha256']", xml));
    }

    @Test
    void aNameATrainedModelFoundHasNoRefButItsCertaintyAndItsModelAndStaysValid() throws Exception {
        Document sample = sampleDocument(dir);
        List<Annotation> annotations = new java.util.ArrayList<>(sample.annotations());
        annotations.add(new Annotation("e3", EntityType.ORGANISATION, List.of("p1_w9"), null, null, 0.7349,
                "archive-annotator/names-fr"));
        Document withModel = sample.withStep(new ProcessingStep("annotate", "Archive annotator", "2.0.0",
                Map.of("nameModels", "fr 31e1869a394e"), Duration.ofMillis(3))).withAnnotations(annotations);
        Path tei = dir.resolve("model.tei.xml");
        try (OutputStream out = Files.newOutputStream(tei)) {
            new TeiWriter(TeiConfig.defaults(), authority(dir)).write(placedInFolder(withModel), RUN, out);
        }
        assertEquals(List.of(), FormatChecks.teiAll().validate(tei));
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(tei), "the archive's own customisation");
        XPath xpath = TeiXPath.xpath();
        org.w3c.dom.Document xml = TeiXPath.parse(tei);
        assertEquals("0.73", xpath.evaluate("//tei:orgName/@cert", xml));
        assertEquals("#app-names-fr", xpath.evaluate("//tei:orgName/@resp", xml));
        assertEquals("false", xpath.evaluate("boolean(//tei:orgName/@ref)", xml), "the list does not know it");
        assertTrue(xpath.evaluate("//tei:application[@xml:id='app-names-fr']/tei:label", xml).contains("31e1869a394e"));
        assertEquals("#myasnikov", xpath.evaluate("//tei:persName/@ref", xml), "the list's name as before");
        assertEquals("false", xpath.evaluate("boolean(//tei:persName/@cert)", xml));
    }

    @Test
    void withWordZonesEachWordHasAZoneAndTheTextPointsAtIt() throws Exception {
        Path tei = writeSample(new TeiWriter(TeiConfig.defaults().withWordZones(true)), "words.tei.xml");
        assertEquals(List.of(), FormatChecks.teiAll().validate(tei));
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(tei));
        XPath xpath = TeiXPath.xpath();
        org.w3c.dom.Document xml = TeiXPath.parse(tei);
        assertEquals("9", xpath.evaluate("count(//tei:zone[@type='line']/tei:zone[@type='word'])", xml));
        assertEquals("9", xpath.evaluate("count(//tei:w)", xml));
        assertEquals("0", xpath.evaluate("count(//tei:w[not(substring(@facs, 2) = //tei:zone/@xml:id)])", xml),
                "every word points at a zone");
        assertEquals("340 50 390 90", xpath.evaluate("concat(//tei:zone[@xml:id='zone-p1_w4']/@ulx,' ',"
                + "//tei:zone[@xml:id='zone-p1_w4']/@uly,' ',//tei:zone[@xml:id='zone-p1_w4']/@lrx,' ',"
                + "//tei:zone[@xml:id='zone-p1_w4']/@lry)", xml));
        assertEquals("#zone-p1_w5", xpath.evaluate("//tei:persName/tei:w[tei:unclear]/@facs", xml),
                "an unsure word inside a name: persName/w/unclear");
        assertEquals("Le camarade G. Mias- nikov, 5 juin 1923 exclu", xpath.evaluate("normalize-space(//tei:ab[1])", xml));
    }

    @Test
    void theHeaderDescribesThePublicationAndTheStandOffHoldsTheEntriesMentioned() throws Exception {
        Path tei = writeSample(new TeiWriter(TeiConfig.defaults(), authority(dir)), "document.tei.xml");
        assertEquals(List.of(), FormatChecks.teiAll().validate(tei));
        assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(tei));
        XPath xpath = TeiXPath.xpath();
        org.w3c.dom.Document xml = TeiXPath.parse(tei);
        assertEquals("L'Ouvrier Communiste, no. 6-7, 1930-03", xpath.evaluate("//tei:titleStmt/tei:title", xml));
        String monogr = "//tei:sourceDesc/tei:biblStruct/tei:monogr";
        assertEquals("L'Ouvrier Communiste", xpath.evaluate(monogr + "/tei:title[@level='j']", xml));
        assertEquals("#ouvrier-communiste", xpath.evaluate(monogr + "/tei:title/@ref", xml));
        assertEquals("Paris", xpath.evaluate(monogr + "/tei:imprint/tei:pubPlace", xml));
        assertEquals("6-7", xpath.evaluate(monogr + "/tei:imprint/tei:biblScope[@unit='issue']", xml));
        assertEquals("1930-03", xpath.evaluate(monogr + "/tei:imprint/tei:date/@when", xml));
        assertEquals("2", xpath.evaluate(monogr + "/tei:extent/tei:measure/@quantity", xml));
        assertEquals("Described from the sidecar file oc-1930.json.",
                xpath.evaluate("//tei:biblStruct/tei:note[@type='descriptionSource']", xml));
        assertEquals("oc-1930.png", xpath.evaluate("//tei:listBibl[@type='scans']/tei:bibl/tei:idno[@type='fileName']", xml));
        assertEquals(RUN, xpath.evaluate("//tei:revisionDesc/tei:change/@n", xml));
        assertEquals("bibl person", xpath.evaluate("concat(local-name(//tei:standOff/*[1]/*), ' ', "
                + "local-name(//tei:standOff/*[2]/*))", xml), "the publication, then the people, in order of mention");
        assertEquals("../../authority.xml#myasnikov", xpath.evaluate("//tei:standOff//tei:person/@sameAs", xml));
        assertEquals("Gavriil Ilyich Myasnikov", xpath.evaluate("//tei:standOff//tei:person/tei:persName", xml));
        assertEquals("", xpath.evaluate("//tei:standOff//*[@xml:id='kapd']", xml), "entries not mentioned stay out");
    }

    @Test
    void aNameInsideAPrintedWordIsMarkedWithoutItsElisionAndPunctuation() throws Exception {
        Document sample = sampleDocument(dir);
        Page first = sample.pages().get(0);
        Line line = new Line("p1_l1", new BoundingBox(100, 50, 420, 40), List.of(word("p1_w1", "vers", 100),
                word("p1_w2", "l'Allemagne,", 160), word("p1_w3", "«Humanité»", 300), word("p1_w4", "d'avril", 360),
                word("p1_w5", "1930,", 470)));
        Document elided = sample.withPages(List.of(first.withText(TextOrigin.OCR, first.languages(),
                List.of(new Block("p1_b1", new BoundingBox(100, 50, 420, 40), List.of(line)))), sample.pages().get(1)))
                .withAnnotations(List.of(new Annotation("e1", EntityType.PLACE, List.of("p1_w2"), null, null, 0.8, "test"),
                        new Annotation("e2", EntityType.PUBLICATION, List.of("p1_w3"), null, null, 0.8, "test"),
                        new Annotation("e3", EntityType.DATE, List.of("p1_w4", "p1_w5"), null, "1930-04", 1, "test")));
        for (boolean wordZones : new boolean[] {false, true}) {
            Path tei = dir.resolve("elided-" + wordZones + ".tei.xml");
            try (OutputStream out = Files.newOutputStream(tei)) {
                new TeiWriter(TeiConfig.defaults().withWordZones(wordZones)).write(placedInFolder(elided), RUN, out);
            }
            assertEquals(List.of(), FormatChecks.teiAll().validate(tei));
            assertEquals(List.of(), TeiValidator.forArchiveSchema().validate(tei));
            org.w3c.dom.Document xml = TeiXPath.parse(tei);
            XPath xpath = TeiXPath.xpath();
            assertEquals("Allemagne", xpath.evaluate("//tei:placeName", xml), "word zones " + wordZones);
            assertEquals("Humanité", xpath.evaluate("//tei:title[ancestor::tei:body]", xml));
            assertEquals("avril 1930", xpath.evaluate("//tei:date[ancestor::tei:body]", xml),
                    "a date leaves out its elided preposition, before a small letter too");
            assertEquals("vers l'Allemagne, «Humanité» d'avril 1930,", xpath.evaluate("normalize-space(//tei:ab[1])", xml),
                    "the word's other letters stay in the text");
        }
        assertEquals("#zone-p1_w2", TeiXPath.xpath().evaluate("//tei:placeName/tei:w/@facs",
                TeiXPath.parse(dir.resolve("elided-true.tei.xml"))), "the name's word keeps the printed word's zone");
    }

    @Test
    void theArchiveCustomisationIsStricterThanTeiAll() throws IOException {
        Path tei = writeSample(new TeiWriter(TeiConfig.defaults()), "document.tei.xml");
        String written = Files.readString(tei);
        // Fractions of a pixel are valid TEI but not what the archive writes: a hand edit gone astray.
        Path edited = Files.writeString(dir.resolve("edited.tei.xml"), written.replace("ulx=\"100\"", "ulx=\"1.5\""));

        List<String> errors = TeiValidator.forArchiveSchema().validate(edited);

        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().allMatch(error -> error.contains("\"ulx\" is invalid")), errors.toString());
        assertEquals(List.of(), FormatChecks.teiAll().validate(edited), "tei_all accepts it");
    }

    @Test
    void theValidatorReportsWhatIsWrong() throws IOException {
        Path invalid = Files.writeString(dir.resolve("invalid.xml"),
                "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text/></TEI>");
        List<String> errors = FormatChecks.teiAll().validate(invalid);
        assertFalse(errors.isEmpty());
        assertTrue(errors.get(0).startsWith("1:"), errors.toString());
        Path hostile = Files.writeString(dir.resolve("hostile.xml"),
                "<!DOCTYPE TEI [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><TEI>&x;</TEI>");
        assertTrue(FormatChecks.teiAll().validate(hostile).get(0).contains("DOCTYPE"), FormatChecks.teiAll().validate(hostile).toString());
    }

    @Test
    void theArchiveFolderAppearsWholeWithItsPagesMovedIn() throws IOException {
        Path staging = Files.createDirectories(dir.resolve("staging"));
        Document document = sampleDocument(staging);
        WrittenDocument written = archiveWriter().write(document, RUN);

        Path folder = dir.resolve("archive/documents/oc-1930-abababababab");
        assertEquals(folder, written.folder());
        assertEquals(WrittenDocument.Outcome.NEW, written.outcome());
        assertEquals(List.of(), FormatChecks.teiAll().validate(written.tei()));
        assertEquals(List.of(folder.resolve("pages/p0001.png"), folder.resolve("pages/p0002.png")), written.pageImages());
        assertTrue(Files.isRegularFile(folder.resolve("pages/p0002.png")));
        assertFalse(Files.exists(staging.resolve("p0001.png")), "page images are moved, not copied");
        assertEquals("Le camarade G. Mias-\nnikov, 5 juin 1923 exclu\n\f\n", Files.readString(written.text()));
        JsonNode provenance = new ObjectMapper().readTree(written.provenance().toFile());
        assertEquals("oc-1930.png", provenance.get("sources").get(0).get("fileName").asText());
        assertEquals("6-7", provenance.get("description").get("issue").asText());
        assertEquals("pages/p0001.png", provenance.get("pages").get(0).get("image").asText());
        assertEquals("OCR", provenance.get("pages").get(0).get("textOrigin").asText());
        assertEquals(9, provenance.get("pages").get(0).get("words").asInt());
        assertEquals("ingest", provenance.get("steps").get(0).get("stage").asText());
        assertEquals(Files.readString(staging.resolve("oc-1930.json")), Files.readString(folder.resolve("oc-1930.json")),
                "the sidecar is kept with the document");
        try (PDDocument pdf = Loader.loadPDF(folder.resolve(DocumentFolder.PDF).toFile())) {
            assertEquals(2, pdf.getNumberOfPages());
            String extracted = new PDFTextStripper().getText(pdf);
            assertEquals(Files.readString(written.text()).replaceAll("\\s+", " ").strip(),
                    extracted.replaceAll("\\s+", " ").strip(), "the searchable PDF's text is the document's");
        }
        assertTrue(Files.readString(folder.resolve("alto/p0001.xml")).contains("ID=\"p1_w4\""));
        assertTrue(Files.isRegularFile(folder.resolve("alto/p0002.xml")));
        assertManifestHolds(folder);
        try (Stream<Path> left = Files.list(dir.resolve("archive/documents"))) {
            assertEquals(List.of(folder), left.toList(), "no partial folder is left");
        }
    }

    @Test
    void aDocumentProcessedAgainReplacesAnUntouchedOneAndGoesBesideACorrectedOne() throws IOException {
        Path archive = dir.resolve("archive");
        WrittenDocument first = archiveWriter().write(sampleDocument(dir.resolve("run1")), RUN);

        WrittenDocument second = archiveWriter().write(sampleDocument(dir.resolve("run2")), "run-2");
        assertEquals(WrittenDocument.Outcome.REPLACED, second.outcome());
        assertEquals(first.folder(), second.folder());
        assertTrue(Files.readString(second.tei()).contains("n=\"run-2\""), "the new output replaced the untouched one");

        String corrected = Files.readString(second.tei()).replace("Le camarade", "Le camarade (corrected)");
        assertNotEquals(Files.readString(second.tei()), corrected);
        Files.writeString(second.tei(), corrected);
        WrittenDocument third = archiveWriter().write(sampleDocument(dir.resolve("run3")), "run-3");

        assertEquals(WrittenDocument.Outcome.VERSION_BESIDE_CORRECTION, third.outcome());
        assertEquals(corrected, Files.readString(second.tei()), "the scholar's correction is kept as it is");
        assertEquals(first.folder().resolve("versions/run-3"), third.folder());
        assertEquals(List.of(), FormatChecks.teiAll().validate(third.tei()));
        assertTrue(Files.readString(third.tei()).contains("sameAs=\"../../../../authority.xml#myasnikov\""),
                "a version points at the same authority list from two folders deeper");
        assertTrue(Files.isRegularFile(third.folder().resolve("pages/p0001.png")));
        assertManifestHolds(third.folder());
        try (Stream<Path> left = Files.list(archive.resolve("documents"))) {
            assertEquals(List.of(first.folder()), left.toList(), "no partial or replaced folder is left");
        }
    }

    @Test
    void aSidecarNamedLikeAFileOfTheFolderIsRefusedAndNothingIsWritten() throws IOException {
        Document document = sampleDocument(dir.resolve("staging"));
        Path sidecar = Files.writeString(dir.resolve("staging/provenance.json"), "{\"title\": \"x\"}");
        SourceDescription d = document.description();
        Document named = document.withDescription(new SourceDescription(d.kind(), d.title(), false, d.titleKey(),
                null, null, d.issue(), d.date(), null, null, List.of(), null, Origin.SIDECAR, sidecar));

        RejectedInputException refused = assertThrows(RejectedInputException.class,
                () -> archiveWriter().write(named, RUN));

        assertTrue(refused.reason().startsWith("sidecar provenance.json has the name of a file the archive writes"),
                refused.reason());
        try (Stream<Path> left = Files.list(dir.resolve("archive/documents"))) {
            assertEquals(List.of(), left.toList(), "no folder, whole or partial, is left");
        }
        assertEquals("{\"title\": \"x\"}", Files.readString(sidecar), "the sidecar is untouched");
    }

    @Test
    void aDocumentThatBreaksItsInvariantsIsNotWritten() throws IOException {
        Document document = sampleDocument(dir.resolve("staging"));
        // An annotation over words of two pages could only come from a broken stage.
        Document broken = document.withAnnotations(List.of(new Annotation("e9", EntityType.PERSON,
                List.of("p1_w9", "p2_w1"), null, null, 0.5, "test")));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> archiveWriter().write(broken, RUN));

        assertTrue(refused.getMessage().contains("e9 points at missing word p2_w1"), refused.getMessage());
        Path documents = dir.resolve("archive/documents");
        if (Files.exists(documents)) {
            try (Stream<Path> left = Files.list(documents)) {
                assertEquals(List.of(), left.toList(), "nothing is written");
            }
        }
    }

    /** Every line of checksums.sha256 matches its file, as {@code sha256sum -c} would find. */
    private static void assertManifestHolds(Path folder) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve(DocumentFolder.CHECKSUMS));
        assertTrue(lines.contains(Fixity.sha256(folder.resolve("document.tei.xml")) + "  document.tei.xml"), lines.toString());
        for (String line : lines) {
            String[] parts = line.split("  ", 2);
            assertEquals(parts[0], Fixity.sha256(folder.resolve(parts[1])), line);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            assertEquals(lines.size() + 1, files.filter(Files::isRegularFile).count(), "every file but the manifest");
        }
    }

    private ArchiveWriter archiveWriter() throws IOException {
        return new ArchiveWriter(new ArchiveLayout(dir.resolve("archive")), TeiConfig.defaults(), authority(dir));
    }

    /** A small authority list, as TEI, with a publication, a person, and an organisation no sample mentions. */
    static AuthorityEntries authority(Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("authority.xml"), """
                <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>
                  <listPerson><person xml:id="myasnikov"><persName type="preferred">Gavriil Ilyich Myasnikov</persName>
                    <idno type="wikidata">Q1394</idno></person></listPerson>
                  <listOrg><org xml:id="kapd"><orgName>KAPD</orgName></org></listOrg>
                  <listBibl><bibl xml:id="ouvrier-communiste"><title type="preferred">L'Ouvrier Communiste</title></bibl></listBibl>
                </body></text></TEI>
                """);
        return AuthorityEntries.read(file);
    }

    /**
     * Two pages: the first with a person spanning a line break and a date, a word with a control
     * character OCR may produce; the second with no text at all.
     */
    static Document sampleDocument(Path imageDir) throws IOException {
        Files.createDirectories(imageDir);
        Path one = blankPage(imageDir.resolve("p0001.png"), 1);
        Path two = blankPage(imageDir.resolve("p0002.png"), 2);
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
        Page page1 = Page.unread(1, upright).withPreparedImage(upright, new PagePreparation(90, -1.25, Script.LATIN, "otsu",
                PagePreparation.OrientationSource.DETECTED))
                .withText(TextOrigin.OCR, Language.listOf("fra"), List.of(block));
        Page page2 = Page.unread(2, new PageImage(two, 1000, 1400, 300)).withText(TextOrigin.OCR, Language.listOf("fra"), List.of());
        SourceFile source = new SourceFile(imageDir.resolve("oc-1930.png"), "oc-1930.png", "a" + "b".repeat(63),
                "image/png", 1234, 2, Map.of());
        Path sidecar = Files.writeString(imageDir.resolve("oc-1930.json"), "{\"title\": \"L'Ouvrier Communiste\"}");
        SourceDescription description = new SourceDescription(Kind.PERIODICAL_ISSUE, "L'Ouvrier Communiste", false,
                "ouvrier-communiste", null, null, "6-7", "1930-03", "Paris", null, List.of(), null, Origin.SIDECAR, sidecar);
        Document document = Document.ofPages("oc-1930-abababababab", description, List.of(source), List.of(page1, page2),
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

    /** The sample document's TEI, as the writer writes it, in a file of the test folder. */
    private Path writeSample(TeiWriter writer, String fileName) throws IOException {
        Path tei = dir.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(tei)) {
            writer.write(placedInFolder(sampleDocument(dir)), RUN, out);
        }
        return tei;
    }

    /** The document as ArchiveWriter hands it to the TEI writer: each page image named by its place in the folder. */
    private static Document placedInFolder(Document document) {
        return document.withPages(document.pages().stream().map(page -> page.withImage(page.image().withPath(
                DocumentFolder.pageImage(page.number(), ".png")))).toList());
    }

    /** A white 1000×1400 page image, a pixel of it set so that no two pages have the same bytes. */
    private static Path blankPage(Path file, int mark) throws IOException {
        BufferedImage image = new BufferedImage(1000, 1400, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1000, 1400);
        g.dispose();
        image.setRGB(mark, 0, 0);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static Word word(String id, String text, int x) {
        return new Word(id, text, new BoundingBox(x, 50, 50, 40), 90);
    }


}
