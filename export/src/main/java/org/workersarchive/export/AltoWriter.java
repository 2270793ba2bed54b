package org.workersarchive.export;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

/**
 * Writes one page as ALTO 4.4, the layout format of library OCR (METS/ALTO viewers, Solr OCR
 * highlighting): text blocks, lines and words (String) with their boxes in the page image's pixels,
 * each word's confidence as WC (0 to 1), and the model's block, line and word ids as IDs, so that
 * stand-off annotations point into the ALTO as they do into the TEI. The page image is named
 * relative to the ALTO file ({@code ../pages/p0001.png}), each block carries the page's language
 * (LANG, BCP 47), the named entities are NamedEntityTags that the words they cover point at
 * (TAGREFS), and a word broken over a line's end is marked as ALTO marks hyphenation: the part
 * before the break (HypPart1), a HYP, the part after it (HypPart2), each with the whole word as
 * SUBS_CONTENT. Streams with StAX; never builds XML from strings. Thread-safe.
 */
public final class AltoWriter {

    static final String ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#";
    static final String SCHEMA_LOCATION = ALTO_NS + " http://www.loc.gov/standards/alto/v4/alto-4-4.xsd";
    static final String SCHEMA_VERSION = "4.4";
    /** A line's last word ends so when it is broken over the line's end (hyphen, not-sign of old prints). */
    private static final Pattern BROKEN = Pattern.compile(".*\\p{L}[-\u00AC\u2010]$");
    /** What ends a word but is not part of it, left out of the whole word of a broken one. */
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?»“”\"'’)\\]]+$");
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
            writer.writeAttribute("SCHEMAVERSION", SCHEMA_VERSION);
            writeDescription(xml, document, page);
            Map<String, String> tagsOfWords = writeTags(xml, document, page);
            new PageLayout(xml, page, tagsOfWords).write();
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
        // From alto/p0001.xml, the image in pages/ is one folder up; the document's id lets a file
        // corrected elsewhere find its way back (./archive import).
        xml.open("sourceImageInformation").leaf("fileName", imageFromAltoFolder(page))
                .leaf("documentIdentifier", document.id()).close();
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

    /**
     * The Tags element with a NamedEntityTag per entity on this page: its type, the words it covers
     * as LABEL, its ISO value (a date) as DESCRIPTION, and as URI its entry in the standOff of the
     * document's TEI beside this folder. Returns the TAGREFS of each tagged word.
     */
    private static Map<String, String> writeTags(TeiXml xml, Document document, Page page) throws XMLStreamException {
        Map<String, Word> words = page.words().collect(Collectors.toMap(Word::id, word -> word));
        List<Annotation> onPage = document.annotations().stream().filter(a -> words.containsKey(a.firstWordId()))
                .toList();
        Map<String, String> tagsOfWords = new HashMap<>();
        if (onPage.isEmpty()) {
            return tagsOfWords;
        }
        xml.open("Tags");
        for (Annotation annotation : onPage) {
            String id = "ne_" + annotation.id();
            String label = annotation.wordIds().stream().map(words::get).map(Word::text).collect(Collectors.joining(" "));
            xml.empty("NamedEntityTag", "ID", id, "TYPE", annotation.type().name().toLowerCase(java.util.Locale.ROOT),
                    "LABEL", label, "DESCRIPTION", annotation.value(),
                    "URI", annotation.key() == null ? null : "../" + DocumentFolder.TEI + "#" + annotation.key());
            annotation.wordIds().forEach(word -> tagsOfWords.merge(word, id, (a, b) -> a + " " + b));
        }
        xml.close();
        return tagsOfWords;
    }

    /**
     * The page image as the ALTO file reaches it: from alto/p0001.xml, an image of the document
     * folder (pages/p0001.png) is one folder up; an image elsewhere is named by its absolute URI.
     */
    static String imageFromAltoFolder(Page page) {
        java.nio.file.Path image = page.image().path();
        return image.isAbsolute() ? image.toUri().toString() : "../" + DocumentFolder.asUrl(image);
    }

    /** Whether a line's last word and the next line's first are one word broken over the line's end. */
    static boolean brokenOver(Word last, Word next) {
        return BROKEN.matcher(last.text()).matches() && Character.isLowerCase(next.text().codePointAt(0));
    }

    /** The whole of a word broken over a line's end: both parts, without the hyphen and the punctuation after it. */
    static String wholeWord(Word first, Word second) {
        String head = first.text().substring(0, first.text().length() - 1);
        return head + TRAILING_PUNCTUATION.matcher(second.text()).replaceFirst("");
    }

    /** The Layout of one page: its blocks, lines and words, with hyphenation and entity tags. */
    private static final class PageLayout {
        private final TeiXml xml;
        private final Page page;
        private final Map<String, String> tagsOfWords;
        private final String language;
        /** The second parts of broken words, by their ids, with the whole word. */
        private final Map<String, String> secondParts = new HashMap<>();

        PageLayout(TeiXml xml, Page page, Map<String, String> tagsOfWords) {
            this.xml = xml;
            this.page = page;
            this.tagsOfWords = tagsOfWords;
            this.language = page.languages().isEmpty() ? null : page.languages().get(0).tag();
        }

        void write() throws XMLStreamException {
            String width = String.valueOf(page.image().width());
            String height = String.valueOf(page.image().height());
            xml.open("Layout").open("Page", "ID", "page_" + page.number(),
                    "PHYSICAL_IMG_NR", String.valueOf(page.number()), "WIDTH", width, "HEIGHT", height);
            xml.open("PrintSpace", "HPOS", "0", "VPOS", "0", "WIDTH", width, "HEIGHT", height);
            for (Block block : page.blocks()) {
                List<String> attributes = new ArrayList<>(List.of(positioned(block.id(), block.box())));
                attributes.addAll(Arrays.asList("LANG", language)); // no LANG when the page's language is unknown
                xml.open("TextBlock", attributes.toArray(String[]::new));
                for (int i = 0; i < block.lines().size(); i++) {
                    Line next = i + 1 < block.lines().size() ? block.lines().get(i + 1) : null;
                    writeLine(block.lines().get(i), next);
                }
                xml.close();
            }
            xml.close().close().close();
        }

        private void writeLine(Line line, Line nextLine) throws XMLStreamException {
            xml.open("TextLine", positioned(line.id(), line.box()));
            List<Word> words = line.words();
            Word last = words.get(words.size() - 1);
            Word continued = nextLine == null ? null : nextLine.words().get(0);
            boolean broken = continued != null && brokenOver(last, continued);
            String whole = broken ? wholeWord(last, continued) : null;
            if (broken) {
                secondParts.put(continued.id(), whole);
            }
            for (int i = 0; i < words.size(); i++) {
                Word word = words.get(i);
                writeWord(word, broken && word == last ? whole : null);
                if (i + 1 < words.size()) {
                    int gap = Math.max(0, words.get(i + 1).box().x() - word.box().right());
                    xml.empty("SP", "HPOS", String.valueOf(word.box().right()), "VPOS", String.valueOf(line.box().y()),
                            "WIDTH", String.valueOf(gap));
                }
            }
            if (broken) {
                String text = last.text();
                xml.empty("HYP", "CONTENT", text.substring(text.length() - 1));
            }
            xml.close();
        }

        /** @param brokenWhole the whole word when this is the first part of a word broken over the line's end */
        private void writeWord(Word word, String brokenWhole) throws XMLStreamException {
            BoundingBox box = word.box();
            boolean firstPart = brokenWhole != null;
            String content = firstPart ? word.text().substring(0, word.text().length() - 1) : word.text();
            String subsType = firstPart ? "HypPart1" : secondParts.containsKey(word.id()) ? "HypPart2" : null;
            String whole = firstPart ? brokenWhole : secondParts.get(word.id());
            // TeiXml passes every attribute value through XmlText.clean: OCR's control characters go.
            xml.empty("String", "ID", word.id(), "CONTENT", content, "SUBS_TYPE", subsType, "SUBS_CONTENT", whole,
                    "TAGREFS", tagsOfWords.get(word.id()), "WC", wordConfidence(word.confidence()),
                    "HPOS", String.valueOf(box.x()), "VPOS", String.valueOf(box.y()),
                    "WIDTH", String.valueOf(box.width()), "HEIGHT", String.valueOf(box.height()));
        }
    }

    private static String[] positioned(String id, BoundingBox box) {
        return new String[] {"ID", id, "HPOS", String.valueOf(box.x()), "VPOS", String.valueOf(box.y()),
                "WIDTH", String.valueOf(box.width()), "HEIGHT", String.valueOf(box.height())};
    }
}
