package org.workersarchive.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.Document;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceDescription;
import org.workersarchive.core.SourceFile;

/**
 * Writes a document as TEI P5: a header that describes the scan and how it was processed, a
 * facsimile with a surface per page and zones per block and line in the page image's pixels, and
 * the text with pb/lb pointing at them and entities marked with @ref into the authority list.
 * Streams with StAX; never builds XML from strings. Thread-safe.
 */
public final class TeiWriter {

    static final String TEI_NS = "http://www.tei-c.org/ns/1.0";
    private static final Pattern VERSION_NUMBER = Pattern.compile("\\d+(\\.\\d+)*");
    /** This pipeline's version, as the build wrote it into pipeline-version.properties. */
    static final String PIPELINE_VERSION = pipelineVersion();

    private final TeiConfig config;
    private final AuthorityEntries authority;
    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    /** A writer whose documents carry no standOff copies of the authority list's entries. */
    public TeiWriter(TeiConfig config) {
        this(config, AuthorityEntries.NONE);
    }

    /** @param authority the entries to copy into each document's standOff when the document mentions them */
    public TeiWriter(TeiConfig config, AuthorityEntries authority) {
        this.config = config;
        this.authority = authority;
    }

    /**
     * Writes the TEI as UTF-8. The stream is written to but not closed.
     *
     * @param runId the processing run that made it, for the revision history; null when none
     */
    public void write(Document document, String runId, OutputStream out) {
        try {
            XMLStreamWriter writer = TeiXml.utf8Writer(factory, out);
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            writer.writeCharacters("\n");
            writer.setDefaultNamespace(TEI_NS);
            TeiXml xml = new TeiXml(writer);
            String language = mainLanguage(document);
            xml.open("TEI", "xml:lang", language);
            writer.writeDefaultNamespace(TEI_NS);
            writeHeader(xml, document, runId);
            TeiBodyWriter body = new TeiBodyWriter(xml, document, config, language);
            body.writeFacsimile();
            body.writeText();
            writeStandOff(xml, document);
            xml.close();
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the TEI of " + document.id() + ": " + e.getMessage(), e);
        }
    }

    private void writeHeader(TeiXml xml, Document document, String runId) throws XMLStreamException {
        xml.open("teiHeader").open("fileDesc");
        xml.open("titleStmt").leaf("title", fileTitle(document));
        xml.open("respStmt").leaf("resp", "Text recognition, entity annotation and TEI encoding")
                .leaf("name", "Archive pipeline").close();
        xml.close();
        xml.open("publicationStmt")
                .leaf("p", "Produced by the archive pipeline from a scan; an unpublished working transcription.")
                .close();
        xml.open("sourceDesc");
        writeSourceDescription(xml, document);
        writeScanFiles(xml, document);
        xml.close();
        xml.close();
        writeEncodingDesc(xml, document);
        writeProfileDesc(xml, document);
        String run = runId == null ? "" : " in run " + runId;
        xml.open("revisionDesc")
                .leaf("change", "Made by the archive pipeline" + run + ", in " + document.provenance().size()
                        + " processing steps (" + stages(document) + ").", "when", LocalDate.now(ZoneOffset.UTC).toString(),
                        "n", runId)
                .close();
        xml.close();
    }

    /**
     * The publication the scans are of: a biblStruct when a sidecar or the file name says what it
     * is, else a bibl with the title the PDF or the file name gives.
     */
    private void writeSourceDescription(TeiXml xml, Document document) throws XMLStreamException {
        SourceDescription source = document.description();
        if (source.title() == null) {
            xml.open("bibl").leaf("title", fallbackTitle(document));
            String author = document.firstSource().metadata().get("author");
            if (author != null) {
                xml.leaf("author", author);
            }
            xml.close();
            return;
        }
        xml.open("biblStruct").open("monogr");
        if (source.author() != null) {
            xml.leaf("author", source.author());
        }
        String level = switch (source.kind()) {
            case PERIODICAL_ISSUE -> "j";
            case PAMPHLET -> "m";
            case UNKNOWN -> null;
        };
        xml.leaf("title", source.title(), "level", level,
                "ref", source.titleKey() == null ? null : config.authorityUri() + "#" + source.titleKey());
        xml.open("imprint");
        if (source.place() != null) {
            xml.leaf("pubPlace", source.place());
        }
        if (source.publisher() != null) {
            xml.leaf("publisher", source.publisher());
        }
        if (source.volume() != null) {
            xml.leaf("biblScope", source.volume(), "unit", "volume");
        }
        if (source.issue() != null) {
            xml.leaf("biblScope", source.issue(), "unit", "issue");
        }
        xml.leaf("date", source.date() == null ? "undated" : source.date(), "when", source.date());
        xml.close();
        int pages = document.pages().size();
        xml.open("extent").leaf("measure", pages + (pages == 1 ? " page" : " pages"), "unit", "pages",
                "quantity", String.valueOf(pages)).close();
        xml.close();
        if (source.note() != null) {
            xml.leaf("note", source.note());
        }
        String origin = source.origin() == SourceDescription.Origin.SIDECAR
                ? "the sidecar file " + source.sidecar().getFileName() : "the scan's file name";
        xml.leaf("note", "Described from " + origin + ".", "type", "descriptionSource");
        xml.close();
    }

    /** The title of the TEI file: the publication's, with its issue and date, e.g. "L'Ouvrier Communiste, no. 6-7, 1930-03". */
    static String fileTitle(Document document) {
        SourceDescription source = document.description();
        if (source.title() == null) {
            return fallbackTitle(document);
        }
        StringBuilder title = new StringBuilder();
        if (source.author() != null && source.kind() != SourceDescription.Kind.PERIODICAL_ISSUE) {
            title.append(source.author()).append(": ");
        }
        title.append(source.title());
        if (source.issue() != null) {
            title.append(", no. ").append(source.issue());
        }
        if (source.date() != null) {
            title.append(", ").append(source.date());
        }
        return title.toString();
    }

    /** When nothing describes the source: the title in the PDF's own metadata, else the file name. */
    private static String fallbackTitle(Document document) {
        return document.firstSource().metadata().getOrDefault("title", document.firstSource().fileName());
    }

    /** Each scan file: its name, checksum, type and the pages it gave. */
    private static void writeScanFiles(TeiXml xml, Document document) throws XMLStreamException {
        xml.open("listBibl", "type", "scans");
        for (SourceFile file : document.sources()) {
            xml.open("bibl", "type", "scan")
                    .leaf("idno", file.fileName(), "type", "fileName")
                    .leaf("idno", file.sha256(), "type", "sha256")
                    .open("extent")
                    .leaf("measure", file.pageCount() + (file.pageCount() == 1 ? " page" : " pages"), "unit", "pages",
                            "quantity", String.valueOf(file.pageCount()))
                    .close()
                    .leaf("note", file.mediaType(), "type", "mediaType")
                    .close();
        }
        xml.close();
    }

    /** Copies of the authority list's entries that the text mentions, in the order of first mention. */
    private void writeStandOff(TeiXml xml, Document document) throws XMLStreamException {
        Map<String, List<String>> keysByList = new LinkedHashMap<>();
        for (String key : mentionedKeys(document)) {
            keysByList.computeIfAbsent(authority.listOf(key), l -> new ArrayList<>()).add(key);
        }
        if (keysByList.isEmpty()) {
            return;
        }
        xml.open("standOff");
        for (Map.Entry<String, List<String>> list : keysByList.entrySet()) {
            xml.open(list.getKey());
            for (String key : list.getValue()) {
                authority.writeCopy(key, config.authorityUri(), xml);
            }
            xml.close();
        }
        xml.close();
    }

    private Set<String> mentionedKeys(Document document) {
        Set<String> keys = new LinkedHashSet<>();
        if (document.description().titleKey() != null && authority.contains(document.description().titleKey())) {
            keys.add(document.description().titleKey());
        }
        document.annotations().stream().map(Annotation::key).filter(key -> key != null && authority.contains(key))
                .forEach(keys::add);
        return keys;
    }

    private static String stages(Document document) {
        return document.provenance().stream().map(ProcessingStep::stage).collect(Collectors.joining(", "));
    }

    private static void writeEncodingDesc(TeiXml xml, Document document) throws XMLStreamException {
        xml.open("encodingDesc").open("appInfo");
        xml.open("application", "xml:id", applicationId("pipeline"), "ident", "archive-pipeline",
                        "version", versionNumber(PIPELINE_VERSION))
                .leaf("label", "Archive pipeline " + PIPELINE_VERSION)
                .leaf("desc", "Turned the scans into this TEI, in the stages below.")
                .close();
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

    private static String pipelineVersion() {
        try (InputStream in = TeiWriter.class.getResourceAsStream("pipeline-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("the build left out pipeline-version.properties");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pipeline-version.properties", e);
        }
    }

    /** TEI wants a bare version number in application/@version; the full string goes in the label. */
    private static String versionNumber(String version) {
        Matcher number = VERSION_NUMBER.matcher(version);
        return number.find() ? number.group() : "0";
    }
}
