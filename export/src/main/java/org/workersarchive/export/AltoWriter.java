package org.workersarchive.export;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

/**
 * Writes one page as ALTO v4, the layout format of library OCR (METS/ALTO viewers, Solr OCR
 * highlighting): text blocks, lines and words (String) with their boxes in the page image's pixels,
 * each word's confidence as WC (0 to 1), and the model's block, line and word ids as IDs, so that
 * stand-off annotations point into the ALTO as they do into the TEI. Streams with StAX; never
 * builds XML from strings. Thread-safe.
 */
public final class AltoWriter {

    static final String ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#";
    static final String SCHEMA_LOCATION = ALTO_NS + " http://www.loc.gov/standards/alto/v4/alto-4-2.xsd";
    /** The processing step that recognised the text, in the document's provenance. */
    static final String OCR_STAGE = "ocr";

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    /**
     * Writes the page's ALTO as UTF-8. The stream is written to but not closed.
     *
     * @param document the document the page belongs to; its provenance names the OCR engine
     * @param page     one of the document's pages; its number is the ALTO page's PHYSICAL_IMG_NR
     */
    public void write(Document document, Page page, OutputStream out) {
        try {
            XMLStreamWriter writer = TeiXml.utf8Writer(factory, out);
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            writer.writeCharacters("\n");
            writer.setDefaultNamespace(ALTO_NS);
            TeiXml xml = new TeiXml(writer);
            xml.open("alto");
            writer.writeDefaultNamespace(ALTO_NS);
            writer.writeNamespace("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
            writer.writeAttribute("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "schemaLocation", SCHEMA_LOCATION);
            writeDescription(xml, document, page);
            writeLayout(xml, page);
            xml.close();
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the ALTO of page " + page.number() + " of " + document.id()
                    + ": " + e.getMessage(), e);
        }
    }

    /** WC: a Tesseract confidence (0 to 100) as ALTO's 0 to 1, at most four decimals. */
    static String wordConfidence(double confidence) {
        return BigDecimal.valueOf(confidence / 100).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static void writeDescription(TeiXml xml, Document document, Page page) throws XMLStreamException {
        xml.open("Description").leaf("MeasurementUnit", "pixel");
        xml.open("sourceImageInformation").leaf("fileName", page.image().path().getFileName().toString()).close();
        Optional<ProcessingStep> ocr = ocrStep(document, page);
        if (ocr.isPresent()) {
            xml.open("OCRProcessing", "ID", "ocr").open("ocrProcessingStep").open("processingSoftware")
                    .leaf("softwareName", ocr.get().tool()).leaf("softwareVersion", ocr.get().toolVersion())
                    .close().close().close();
        }
        xml.close();
    }

    /**
     * The OCR step, when this page's text came from OCR: the step is recorded for the whole
     * document, also when some pages were taken from the PDF's text layer instead.
     */
    private static Optional<ProcessingStep> ocrStep(Document document, Page page) {
        if (page.textOrigin() != TextOrigin.OCR) {
            return Optional.empty();
        }
        return document.provenance().stream().filter(step -> step.stage().equals(OCR_STAGE))
                .reduce((first, later) -> later);
    }

    private static void writeLayout(TeiXml xml, Page page) throws XMLStreamException {
        String width = String.valueOf(page.image().width());
        String height = String.valueOf(page.image().height());
        xml.open("Layout").open("Page", "ID", "page_" + page.number(),
                "PHYSICAL_IMG_NR", String.valueOf(page.number()), "WIDTH", width, "HEIGHT", height);
        xml.open("PrintSpace", "HPOS", "0", "VPOS", "0", "WIDTH", width, "HEIGHT", height);
        for (Block block : page.blocks()) {
            xml.open("TextBlock", positioned(block.id(), block.box()));
            for (Line line : block.lines()) {
                writeLine(xml, line);
            }
            xml.close();
        }
        xml.close().close().close();
    }

    private static void writeLine(TeiXml xml, Line line) throws XMLStreamException {
        xml.open("TextLine", positioned(line.id(), line.box()));
        List<Word> words = line.words();
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            BoundingBox box = word.box();
            // TeiXml passes every attribute value through XmlText.clean: OCR's control characters go.
            xml.empty("String", "ID", word.id(), "CONTENT", word.text(),
                    "WC", wordConfidence(word.confidence()), "HPOS", String.valueOf(box.x()),
                    "VPOS", String.valueOf(box.y()), "WIDTH", String.valueOf(box.width()),
                    "HEIGHT", String.valueOf(box.height()));
            if (i + 1 < words.size()) {
                int gap = Math.max(0, words.get(i + 1).box().x() - box.right());
                xml.empty("SP", "HPOS", String.valueOf(box.right()), "VPOS", String.valueOf(line.box().y()),
                        "WIDTH", String.valueOf(gap));
            }
        }
        xml.close();
    }

    private static String[] positioned(String id, BoundingBox box) {
        return new String[] {"ID", id, "HPOS", String.valueOf(box.x()), "VPOS", String.valueOf(box.y()),
                "WIDTH", String.valueOf(box.width()), "HEIGHT", String.valueOf(box.height())};
    }
}
