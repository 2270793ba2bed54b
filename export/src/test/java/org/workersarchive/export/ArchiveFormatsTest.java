package org.workersarchive.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.xpath.XPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.TeiXPath;

/**
 * A document folder as ArchiveWriter writes it, every format checked by the official schemas and
 * validators ({@link FormatChecks}), and what each format must say checked in it.
 */
class ArchiveFormatsTest {

    @TempDir
    Path dir;

    @Test
    void everyFileOfTheFolderIsValidAgainstItsOfficialSchema() throws Exception {
        DocumentFolder folder = writtenFolder();
        FormatChecks.Report report = FormatChecks.check(folder.root());
        assertEquals(List.of(), report.problems());
        assertEquals(List.of(1, 1, 2, 2, 1, 1), List.of(report.pdf(), report.tei(), report.alto(), report.page(),
                report.mets(), report.iiif()), "every file of each format was checked");
    }

    @Test
    void theProjectShipsTheOfficialSchemasUnchanged() throws Exception {
        for (FormatSchemas.Format format : FormatSchemas.Format.values()) {
            assertArrayEquals(Files.readAllBytes(FormatChecks.officialSchemas().resolve(format.schemaPath())),
                    FormatSchemas.class.getResourceAsStream("schemas/" + format.schemaPath()).readAllBytes(),
                    format.schemaPath());
        }
        assertArrayEquals(Files.readAllBytes(FormatChecks.officialSchemas().resolve("xlink/xlink.xsd")),
                FormatSchemas.class.getResourceAsStream("schemas/xlink/xlink.xsd").readAllBytes());
        DocumentFolder folder = writtenFolder();
        assertEquals(List.of(), FormatSchemas.bundled().validate(FormatSchemas.Format.METS, folder.mets()),
                "what ./archive validate checks with");
    }

    @Test
    void theTeiCopiedAloneIntoAnEmptyFolderResolvesEveryRef() throws Exception {
        DocumentFolder folder = writtenFolder();
        Path alone = Files.createDirectories(dir.resolve("alone")).resolve("document.tei.xml");
        Files.copy(folder.tei(), alone);
        assertEquals(List.of(), FormatChecks.standAloneProblems(alone));
        XPath xpath = TeiXPath.xpath();
        org.w3c.dom.Document tei = TeiXPath.parse(alone);
        assertEquals("2", xpath.evaluate("count(//@ref)", tei), "the publication and the person");
    }

    @Test
    void thePdfIsPdfA2bWithTheHeadersDescriptionAndLanguage() throws Exception {
        DocumentFolder folder = writtenFolder();
        assertEquals(List.of(), PdfAValidation.pdfA2bViolations(folder.pdf()));
        try (PDDocument pdf = Loader.loadPDF(folder.pdf().toFile())) {
            assertEquals("fr", pdf.getDocumentCatalog().getLanguage());
            assertEquals(1, pdf.getDocumentCatalog().getOutputIntents().size());
            String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), "UTF-8");
            assertTrue(xmp.contains("<pdfaid:part>2</pdfaid:part>"), xmp);
            assertTrue(xmp.contains("L'Ouvrier Communiste, no. 6-7, 1930-03"), "dc:title as the TEI's title");
            assertTrue(xmp.contains("<rdf:li>1930-03</rdf:li>"), "dc:date as the publication's");
        }
    }

    @Test
    void altoNamesItsImageRelativelyAndMarksEntitiesHyphenationAndLanguage() throws Exception {
        DocumentFolder folder = writtenFolder();
        XPath xpath = TeiXPath.xpath(Map.of("a", AltoWriter.ALTO_NS));
        org.w3c.dom.Document alto = TeiXPath.parse(folder.alto(1));
        String image = xpath.evaluate("//a:sourceImageInformation/a:fileName", alto);
        assertEquals("../pages/p0001.png", image);
        assertTrue(Files.isRegularFile(folder.alto(1).getParent().resolve(image)), "it resolves from the ALTO file");
        assertEquals("fr", xpath.evaluate("//a:TextBlock/@LANG", alto));
        assertEquals("Mias HypPart1 Miasnikov", xpath.evaluate("concat(//a:String[@ID='p1_w4']/@CONTENT, ' ', "
                + "//a:String[@ID='p1_w4']/@SUBS_TYPE, ' ', //a:String[@ID='p1_w4']/@SUBS_CONTENT)", alto),
                "the hyphen is the HYP's; the whole word without it or the comma after it");
        assertEquals("-", xpath.evaluate("//a:TextLine[@ID='p1_l1']/a:HYP/@CONTENT", alto));
        assertEquals("HypPart2", xpath.evaluate("//a:String[@ID='p1_w5']/@SUBS_TYPE", alto));
        assertEquals("person ../document.tei.xml#myasnikov G. Mias- nikov,", xpath.evaluate(
                "concat(//a:NamedEntityTag[@ID='ne_e1']/@TYPE, ' ', //a:NamedEntityTag[@ID='ne_e1']/@URI, ' ', "
                        + "//a:NamedEntityTag[@ID='ne_e1']/@LABEL)", alto));
        assertEquals("ne_e1", xpath.evaluate("//a:String[@ID='p1_w3']/@TAGREFS", alto));
        assertEquals("date 1923-06-05", xpath.evaluate("concat(//a:NamedEntityTag[@ID='ne_e2']/@TYPE, ' ', "
                + "//a:NamedEntityTag[@ID='ne_e2']/@DESCRIPTION)", alto));
    }

    @Test
    void pageXmlHasRegionsInReadingOrderLinesWordsAndConfidences() throws Exception {
        DocumentFolder folder = writtenFolder();
        XPath xpath = TeiXPath.xpath(Map.of("p", PageXmlWriter.PAGE_NS));
        org.w3c.dom.Document page = TeiXPath.parse(folder.pageXml(1));
        assertEquals("oc-1930-abababababab.p0001", xpath.evaluate("/p:PcGts/@pcGtsId", page));
        assertEquals("../pages/p0001.png 1000 1400 French Latn - Latin", xpath.evaluate("concat(//p:Page/@imageFilename,"
                + " ' ', //p:Page/@imageWidth, ' ', //p:Page/@imageHeight, ' ', //p:Page/@primaryLanguage, ' ', "
                + "//p:Page/@primaryScript)", page));
        assertEquals("p1_b1", xpath.evaluate("//p:ReadingOrder//p:RegionRefIndexed[@index='0']/@regionRef", page));
        assertEquals("100,50 500,50 500,140 100,140", xpath.evaluate("//p:TextRegion/p:Coords/@points", page));
        assertEquals("nikov, 0.45", xpath.evaluate("concat(//p:Word[@id='p1_w5']/p:TextEquiv/p:Unicode, ' ', "
                + "//p:Word[@id='p1_w5']/p:TextEquiv/@conf)", page));
        assertEquals("Le camarade G. Mias-", xpath.evaluate("//p:TextLine[@id='p1_l1']/p:TextEquiv/p:Unicode", page));
        assertEquals("0", xpath.evaluate("count(//p:TextRegion)", TeiXPath.parse(folder.pageXml(2))), "a blank page");
    }

    @Test
    void metsListsEveryFileAndThePhysicalSequence() throws Exception {
        DocumentFolder folder = writtenFolder();
        XPath xpath = TeiXPath.xpath(Map.of("m", MetsWriter.METS_NS, "mods", ModsWriter.MODS_NS,
                "xlink", TeiXml.XLINK_NS));
        org.w3c.dom.Document mets = TeiXPath.parse(folder.mets());
        assertEquals("2 2 2 1 1", xpath.evaluate("concat(count(//m:fileGrp[@USE='DEFAULT']/m:file), ' ', "
                + "count(//m:fileGrp[@USE='FULLTEXT']/m:file), ' ', count(//m:fileGrp[@USE='PAGE']/m:file), ' ', "
                + "count(//m:fileGrp[@USE='TEI']/m:file), ' ', count(//m:fileGrp[@USE='DOWNLOAD']/m:file))", mets));
        for (String href : List.of("pages/p0001.png", "alto/p0002.xml", "page/p0001.xml", "document.tei.xml",
                "document.pdf")) {
            assertEquals("1", xpath.evaluate("count(//m:FLocat[@xlink:href='" + href + "'])", mets), href);
            assertTrue(Files.isRegularFile(folder.root().resolve(href)));
        }
        assertEquals("img_2 alto_2 pagexml_2", xpath.evaluate("concat(//m:div[@ID='phys_2']/m:fptr[1]/@FILEID, ' ', "
                + "//m:div[@ID='phys_2']/m:fptr[2]/@FILEID, ' ', //m:div[@ID='phys_2']/m:fptr[3]/@FILEID)", mets));
        assertEquals("L'Ouvrier Communiste, no. 6-7, 1930-03", xpath.evaluate("//mods:mods/mods:titleInfo/mods:title", mets));
        assertEquals("6-7", xpath.evaluate("//mods:part/mods:detail[@type='issue']/mods:number", mets));
    }

    @Test
    void theManifestHasACanvasPerPageAndTheLinesAsAnnotations() throws Exception {
        DocumentFolder folder = writtenFolder();
        com.fasterxml.jackson.databind.JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(folder.iiifManifest().toFile());
        String base = "https://iiif.example.org/archive/documents/oc-1930-abababababab/";
        assertEquals(base + "manifest.json", manifest.get("id").asText());
        assertEquals(2, manifest.get("items").size());
        com.fasterxml.jackson.databind.JsonNode canvas = manifest.get("items").get(0);
        assertEquals(List.of(1000, 1400), List.of(canvas.get("width").asInt(), canvas.get("height").asInt()));
        assertEquals(base + "pages/p0001.png", canvas.at("/items/0/items/0/body/id").asText());
        assertEquals(2, canvas.at("/annotations/0/items").size(), "a supplementing annotation per line");
        assertEquals("Le camarade G. Mias-", canvas.at("/annotations/0/items/0/body/value").asText());
        assertEquals(base + "canvas/p1#xywh=100,50,300,40", canvas.at("/annotations/0/items/0/target").asText());
    }

    /** The sample document written into an archive, its manifests under a base URL of its own. */
    private DocumentFolder writtenFolder() throws Exception {
        ArchiveWriter writer = new ArchiveWriter(new ArchiveLayout(dir.resolve("archive")), TeiConfig.defaults(),
                TeiWriterTest.authority(dir), new IiifConfig("https://iiif.example.org/archive"));
        WrittenDocument written = writer.write(TeiWriterTest.sampleDocument(dir.resolve("staging")), "run-1");
        return new DocumentFolder(written.folder());
    }
}
