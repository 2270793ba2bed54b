package org.workersarchive.export;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.workersarchive.core.Document;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;

/**
 * Writes a document as TEI P5: a header that describes the scan and how it was processed, a
 * facsimile with a surface per page and zones per block and line in the page image's pixels, and
 * the text with pb/lb pointing at them and entities marked with @ref into the authority list.
 * Streams with StAX; never builds XML from strings. Thread-safe.
 */
public final class TeiWriter {

    static final String TEI_NS = "http://www.tei-c.org/ns/1.0";
    private static final Pattern VERSION_NUMBER = Pattern.compile("\\d+(\\.\\d+)*");

    private final TeiConfig config;
    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    public TeiWriter(TeiConfig config) {
        this.config = config;
    }

    /** Writes the TEI as UTF-8. The stream is written to but not closed. */
    public void write(Document document, OutputStream out) {
        try {
            XMLStreamWriter writer = factory.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            writer.writeCharacters("\n");
            writer.setDefaultNamespace(TEI_NS);
            TeiXml xml = new TeiXml(writer);
            String language = mainLanguage(document);
            xml.open("TEI", "xml:lang", language);
            writer.writeDefaultNamespace(TEI_NS);
            writeHeader(xml, document);
            TeiBodyWriter body = new TeiBodyWriter(xml, document, config, language);
            body.writeFacsimile();
            body.writeText();
            xml.close();
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the TEI of " + document.id() + ": " + e.getMessage(), e);
        }
    }

    private void writeHeader(TeiXml xml, Document document) throws XMLStreamException {
        String title = document.source().metadata().getOrDefault("title", document.source().fileName());
        xml.open("teiHeader").open("fileDesc");
        xml.open("titleStmt").leaf("title", title);
        xml.open("respStmt").leaf("resp", "Text recognition, entity annotation and TEI encoding")
                .leaf("name", "Archive pipeline").close();
        xml.close();
        xml.open("publicationStmt")
                .leaf("p", "Produced by the archive pipeline from a scan; an unpublished working transcription.")
                .close();
        writeSourceDesc(xml, document, title);
        xml.close();
        writeEncodingDesc(xml, document);
        writeProfileDesc(xml, document);
        xml.open("revisionDesc")
                .leaf("change", "Made by the archive pipeline in " + document.provenance().size() + " processing steps.",
                        "when", LocalDate.now(ZoneOffset.UTC).toString())
                .close();
        xml.close();
    }

    private static void writeSourceDesc(TeiXml xml, Document document, String title) throws XMLStreamException {
        int pages = document.pages().size();
        xml.open("sourceDesc").open("bibl").leaf("title", title);
        String author = document.source().metadata().get("author");
        if (author != null) {
            xml.leaf("author", author);
        }
        xml.leaf("idno", document.source().fileName(), "type", "fileName")
                .leaf("idno", document.source().sha256(), "type", "sha256")
                .open("extent")
                .leaf("measure", pages + (pages == 1 ? " page" : " pages"), "unit", "pages",
                        "quantity", String.valueOf(pages))
                .close()
                .leaf("note", "Scanned file of type " + document.source().mediaType(), "type", "mediaType")
                .close().close();
    }

    private static void writeEncodingDesc(TeiXml xml, Document document) throws XMLStreamException {
        xml.open("encodingDesc").open("appInfo");
        for (ProcessingStep step : document.provenance()) {
            StringBuilder details = new StringBuilder("Stage " + step.stage() + ", " + step.took().toMillis() + " ms");
            step.details().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> details.append("; ").append(e.getKey()).append(": ").append(e.getValue()));
            xml.open("application", "xml:id", applicationId(step.stage()), "ident", step.stage(),
                            "version", versionNumber(step.toolVersion()))
                    .leaf("label", step.tool() + " " + step.toolVersion())
                    .leaf("desc", details.toString())
                    .close();
        }
        xml.close().close();
    }

    private static void writeProfileDesc(TeiXml xml, Document document) throws XMLStreamException {
        Set<String> tags = languageTags(document);
        if (tags.isEmpty()) {
            return;
        }
        Map<String, Long> wordsByTag = new HashMap<>();
        long words = 0;
        for (Page page : document.pages()) {
            long pageWords = page.words().count();
            words += pageWords;
            if (!page.languages().isEmpty()) {
                wordsByTag.merge(Languages.tag(page.languages().get(0)), pageWords, Long::sum);
            }
        }
        xml.open("profileDesc").open("langUsage");
        for (String tag : tags) {
            // usage: the share of the document's words on pages mainly in this language, in percent.
            String usage = words == 0 ? null : String.valueOf(Math.round(100.0 * wordsByTag.getOrDefault(tag, 0L) / words));
            xml.leaf("language", Languages.name(tag), "ident", tag, "usage", usage);
        }
        xml.close().close();
    }

    /** The xml:id of a processing stage's application in the header, e.g. {@code app-ocr}. */
    static String applicationId(String stage) {
        return "app-" + stage;
    }

    /** The languages the pages were read as, in first-seen order, as xml:lang tags. */
    static Set<String> languageTags(Document document) {
        Set<String> tags = new LinkedHashSet<>();
        for (Page page : document.pages()) {
            page.languages().forEach(language -> tags.add(Languages.tag(language)));
        }
        return tags;
    }

    /**
     * The language of the whole document: the main language of its pages when they agree, "mul"
     * (several) when they do not, "und" (undetermined) when no page says.
     */
    private static String mainLanguage(Document document) {
        Set<String> mainOfPages = new LinkedHashSet<>();
        for (Page page : document.pages()) {
            if (!page.languages().isEmpty()) {
                mainOfPages.add(Languages.tag(page.languages().get(0)));
            }
        }
        return mainOfPages.size() == 1 ? mainOfPages.iterator().next() : mainOfPages.isEmpty() ? "und" : "mul";
    }

    /** TEI wants a bare version number in application/@version; the full string goes in the label. */
    private static String versionNumber(String version) {
        Matcher number = VERSION_NUMBER.matcher(version);
        return number.find() ? number.group() : "0";
    }
}
