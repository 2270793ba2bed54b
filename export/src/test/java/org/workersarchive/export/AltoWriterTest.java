package org.workersarchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.xpath.XPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.TeiXPath;
import org.workersarchive.core.XmlParsers;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

/**
 * The ALTO is checked for its structure with XPath: no ALTO 4 schema could be had offline (none in
 * the local Maven repository, none known on Maven Central), and validating against the schema on
 * the web would fail in CI.
 */
class AltoWriterTest {

    @TempDir
    Path dir;

    @Test
    void thePageIsBlocksLinesAndWordsWithTheModelsIdsAndBoxes() throws Exception {
        Document document = SearchablePdfWriterTest.sampleDocument(dir);
        Page page = document.pages().get(0);
        org.w3c.dom.Document alto = write(document, page);
        XPath xpath = altoXPath();

        assertEquals(AltoWriter.ALTO_NS, alto.getDocumentElement().getNamespaceURI());
        assertEquals("alto", alto.getDocumentElement().getLocalName());
        assertEquals("pixel", xpath.evaluate("/a:alto/a:Description/a:MeasurementUnit", alto));
        assertEquals(page.image().path().toUri().toString(), xpath.evaluate("//a:sourceImageInformation/a:fileName", alto),
                "an image outside a document folder by its absolute URI");
        assertEquals("Tesseract 5.3.0", xpath.evaluate("concat(//a:OCRProcessing/a:ocrProcessingStep/a:processingSoftware"
                + "/a:softwareName, ' ', //a:processingSoftware/a:softwareVersion)", alto));
        assertEquals("page_1 1 1000 700", xpath.evaluate("concat(//a:Page/@ID, ' ', //a:Page/@PHYSICAL_IMG_NR, ' ', "
                + "//a:Page/@WIDTH, ' ', //a:Page/@HEIGHT)", alto));
        assertEquals("0 0 1000 700", xpath.evaluate("concat(//a:PrintSpace/@HPOS, ' ', //a:PrintSpace/@VPOS, ' ', "
                + "//a:PrintSpace/@WIDTH, ' ', //a:PrintSpace/@HEIGHT)", alto));

        assertEquals("2", xpath.evaluate("count(/a:alto/a:Layout/a:Page/a:PrintSpace/a:TextBlock)", alto));
        assertEquals("3", xpath.evaluate("count(//a:TextBlock/a:TextLine)", alto));
        assertEquals(String.valueOf(page.words().count()), xpath.evaluate("count(//a:TextLine/a:String)", alto));
        assertEquals(String.valueOf(page.words().count() - 3), xpath.evaluate("count(//a:TextLine/a:SP)", alto),
                "a space between the words of each line");
        for (Block block : page.blocks()) {
            assertBox(xpath, alto, "TextBlock", block.id(), block.box());
            for (Line line : block.lines()) {
                assertBox(xpath, alto, "TextLine", line.id(), line.box());
                assertEquals(block.id(), xpath.evaluate("//a:TextLine[@ID='" + line.id() + "']/../@ID", alto));
            }
        }
        for (Word word : page.words().toList()) {
            assertBox(xpath, alto, "String", word.id(), word.box());
            assertEquals(word.text(), xpath.evaluate("//a:String[@ID='" + word.id() + "']/@CONTENT", alto));
        }
        assertEquals("p1_w1 p1_w2", xpath.evaluate("concat(//a:TextLine[1]/*[1]/@ID, ' ', //a:TextLine[1]/*[3]/@ID)",
                alto), "String, SP, String in reading order");
        assertEquals("Straße,", xpath.evaluate("//a:TextBlock[2]//a:String[3]/@CONTENT", alto));
    }

    @Test
    void confidenceIsZeroToOneAndSpacesFillTheGaps() throws Exception {
        Document document = SearchablePdfWriterTest.sampleDocument(dir);
        Page page = document.pages().get(1);
        org.w3c.dom.Document alto = write(document, page);
        XPath xpath = altoXPath();

        // DrawnPages gives the words 96.5, 100 and 45 in turn.
        assertEquals("0.965 1 0.45", xpath.evaluate("concat(//a:String[@ID='p2_w1']/@WC, ' ', "
                + "//a:String[@ID='p2_w2']/@WC, ' ', //a:String[@ID='p2_w3']/@WC)", alto));
        assertEquals("«Правда»", xpath.evaluate("//a:String[@ID='p2_w3']/@CONTENT", alto));
        Word first = page.words().toList().get(0);
        Word second = page.words().toList().get(1);
        assertEquals(first.box().right() + " " + (second.box().x() - first.box().right()) + " "
                        + page.blocks().get(0).lines().get(0).box().y(),
                xpath.evaluate("concat(//a:SP[1]/@HPOS, ' ', //a:SP[1]/@WIDTH, ' ', //a:SP[1]/@VPOS)", alto));
        assertEquals("0.1234", AltoWriter.wordConfidence(12.3449));
        assertEquals("0", AltoWriter.wordConfidence(0));
    }

    @Test
    void controlCharactersGoAndATextLayerPageNamesNoOcrEngine() throws Exception {
        Word word = new Word("p1_w1", "ex\u0001clu", new BoundingBox(10, 10, 50, 20), 100);
        Line line = new Line("p1_l1", word.box(), List.of(word));
        Page page = Page.unread(1, new PageImage(dir.resolve("p0001.png"), 100, 100, 300))
                .withText(TextOrigin.TEXT_LAYER, List.of(), List.of(new Block("p1_b1", word.box(), List.of(line))));
        Document document = Document.ofPages("text-layer-0123456789ab", SearchablePdfWriterTest.source(1, Map.of()),
                List.of(page), SearchablePdfWriterTest.ocrStep());
        org.w3c.dom.Document alto = write(document, page);
        XPath xpath = altoXPath();

        assertEquals("exclu", xpath.evaluate("//a:String/@CONTENT", alto));
        assertEquals("0", xpath.evaluate("count(//a:OCRProcessing)", alto),
                "Tesseract did not read a page taken from the PDF's text layer");
        assertEquals("0", xpath.evaluate("count(//a:SP)", alto));
    }

    @Test
    void anEmptyPageHasAnEmptyPrintSpaceAndTheStreamStaysOpen() throws Exception {
        Document document = SearchablePdfWriterTest.sampleDocument(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AltoWriter().write(document, document.pages().get(2), out);
        out.write('!');
        String xml = out.toString(StandardCharsets.UTF_8);
        assertTrue(xml.endsWith("</alto>\n!"), "the stream is written to but not closed");
        org.w3c.dom.Document alto = parse(xml.substring(0, xml.length() - 1).getBytes(StandardCharsets.UTF_8));
        assertEquals("0", altoXPath().evaluate("count(//a:PrintSpace/*)", alto));
        assertEquals("3", altoXPath().evaluate("//a:Page/@PHYSICAL_IMG_NR", alto));
    }

    private static org.w3c.dom.Document write(Document document, Page page) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AltoWriter().write(document, page, out);
        return parse(out.toByteArray());
    }

    private static org.w3c.dom.Document parse(byte[] xml) throws Exception {
        return XmlParsers.documentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static void assertBox(XPath xpath, org.w3c.dom.Document alto, String element, String id, BoundingBox box)
            throws Exception {
        String at = "//a:" + element + "[@ID='" + id + "']";
        assertEquals("1", xpath.evaluate("count(" + at + ")", alto), id);
        assertEquals(box.x() + " " + box.y() + " " + box.width() + " " + box.height(), xpath.evaluate(
                "concat(" + at + "/@HPOS, ' ', " + at + "/@VPOS, ' ', " + at + "/@WIDTH, ' ', " + at + "/@HEIGHT)", alto),
                id);
    }

    private static XPath altoXPath() {
        return TeiXPath.xpath(Map.of("a", AltoWriter.ALTO_NS));
    }
}
