package org.workersarchive.export;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.Language;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.Word;

/**
 * Writes one page as PAGE XML (PRImA, 2019-07-15), what Transkribus, eScriptorium and OCR-D read
 * and write: the page image's name and size, the reading order of the text regions, and per region
 * (a block of the model), line and word its outline in the image's pixels and its text with a
 * confidence (0 to 1; a line's and a region's the mean of their words'). Ids are the model's, as in
 * the TEI's zones and the ALTO, and {@code pcGtsId} names the document and page
 * ({@link #pcGtsId}), so that a file corrected elsewhere finds its way back
 * ({@code ./archive import}). No baselines: the OCR stage records none (Tesseract's TSV has
 * none), and PAGE leaves them optional. Streams with StAX. Thread-safe.
 */
public final class PageXmlWriter {

    static final String PAGE_NS = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15";
    static final String SCHEMA_LOCATION = PAGE_NS + " " + PAGE_NS + "/pagecontent.xsd";
    /** The MetadataItem that names the document, for a reader whose tool kept it but changed the id. */
    static final String DOCUMENT_ITEM = "documentId";

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    /**
     * Writes the page's PAGE XML as UTF-8. The stream is written to but not closed.
     *
     * @param imageFilename the page image as the file will reach it (relative to where it is written)
     * @param made          when the file is made: PAGE's {@code Created} and {@code LastChange}
     */
    public void write(Document document, Page page, String imageFilename, Instant made, OutputStream out) {
        try {
            XMLStreamWriter writer = TeiXml.utf8Writer(factory, out);
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            writer.writeCharacters("\n");
            writer.setDefaultNamespace(PAGE_NS);
            TeiXml xml = new TeiXml(writer);
            xml.open("PcGts", "pcGtsId", pcGtsId(document.id(), page.number()));
            writer.writeDefaultNamespace(PAGE_NS);
            writer.writeNamespace("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
            writer.writeAttribute("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "schemaLocation", SCHEMA_LOCATION);
            writeMetadata(xml, document, made);
            writePage(xml, page, imageFilename);
            xml.close();
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the PAGE XML of page " + page.number() + " of "
                    + document.id() + ": " + e.getMessage(), e);
        }
    }

    /** The id of a page's PAGE file: the document's id and the page, {@code ID.p0001}. */
    public static String pcGtsId(String documentId, int pageNumber) {
        return documentId + String.format(".p%04d", pageNumber);
    }

    /** A confidence of Tesseract's (0 to 100) as PAGE's 0 to 1, at most four decimals. */
    static String confidence(double confidence) {
        return BigDecimal.valueOf(confidence / 100).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private static void writeMetadata(TeiXml xml, Document document, Instant made) throws XMLStreamException {
        String time = made.truncatedTo(ChronoUnit.SECONDS).toString();
        xml.open("Metadata")
                .leaf("Creator", "Archive pipeline " + TeiHeaderWriter.PIPELINE_VERSION)
                .leaf("Created", time).leaf("LastChange", time)
                .leaf("Comments", "Page of " + TeiHeaderWriter.fileTitle(document) + "; its TEI is ../"
                        + org.workersarchive.core.ArchiveLayout.DocumentFolder.TEI)
                .empty("MetadataItem", "type", "other", "name", DOCUMENT_ITEM, "value", document.id())
                .close();
    }

    private static void writePage(TeiXml xml, Page page, String imageFilename) throws XMLStreamException {
        Optional<Language> language = page.languages().stream().findFirst();
        xml.open("Page", "imageFilename", imageFilename, "imageWidth", String.valueOf(page.image().width()),
                "imageHeight", String.valueOf(page.image().height()),
                "primaryLanguage", language.flatMap(PageVocabulary::language).orElse(null),
                "primaryScript", language.flatMap(l -> PageVocabulary.script(l.script())).orElse(null));
        if (!page.blocks().isEmpty()) {
            xml.open("ReadingOrder").open("OrderedGroup", "id", "ro_p" + page.number(), "caption", "reading order");
            for (int i = 0; i < page.blocks().size(); i++) {
                xml.empty("RegionRefIndexed", "index", String.valueOf(i), "regionRef", page.blocks().get(i).id());
            }
            xml.close().close();
        }
        for (Block block : page.blocks()) {
            writeRegion(xml, block);
        }
        xml.close();
    }

    private static void writeRegion(TeiXml xml, Block block) throws XMLStreamException {
        xml.open("TextRegion", "id", block.id(), "type", "paragraph");
        coords(xml, block.box());
        for (Line line : block.lines()) {
            xml.open("TextLine", "id", line.id());
            coords(xml, line.box());
            for (Word word : line.words()) {
                xml.open("Word", "id", word.id());
                coords(xml, word.box());
                textEquiv(xml, word.text(), word.confidence());
                xml.close();
            }
            textEquiv(xml, line.text(), mean(line.words()));
            xml.close();
        }
        textEquiv(xml, block.text(), mean(block.lines().stream().flatMap(l -> l.words().stream()).toList()));
        xml.close();
    }

    private static double mean(List<Word> words) {
        return words.stream().mapToDouble(Word::confidence).average().orElse(0);
    }

    private static void textEquiv(TeiXml xml, String text, double confidence) throws XMLStreamException {
        xml.open("TextEquiv", "conf", confidence(confidence)).leaf("Unicode", text).close();
    }

    /** A box as PAGE's polygon: its four corners, clockwise from the top left. */
    static void coords(TeiXml xml, BoundingBox box) throws XMLStreamException {
        xml.empty("Coords", "points", points(box));
    }

    static String points(BoundingBox box) {
        return List.of(box.x() + "," + box.y(), box.right() + "," + box.y(), box.right() + "," + box.bottom(),
                box.x() + "," + box.bottom()).stream().collect(Collectors.joining(" "));
    }
}
