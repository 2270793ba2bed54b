package org.workersarchive.export;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.Document;

/**
 * Writes a document as TEI P5: a header that describes the scan and how it was processed, a
 * facsimile with a surface per page and zones per block and line in the page image's pixels, the
 * text with pb/lb pointing at them and entities marked with @ref, and a standOff with a copy of
 * each authority-list entry the document mentions: the @ref point at these copies, which carry
 * @sameAs into the list, so that the file stands alone.
 * Streams with StAX; never builds XML from strings. Thread-safe.
 */
public final class TeiWriter {

    static final String TEI_NS = "http://www.tei-c.org/ns/1.0";

    private final TeiConfig config;
    private final TeiHeaderWriter header;
    private final AuthorityEntries authority;
    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    /** This pipeline's version, as the build wrote it: what the TEI's header names as the application. */
    public static String pipelineVersion() {
        return TeiHeaderWriter.PIPELINE_VERSION;
    }

    /** A writer whose documents carry no standOff copies of the authority list's entries. */
    public TeiWriter(TeiConfig config) {
        this(config, AuthorityEntries.NONE);
    }

    /** @param authority the entries to copy into each document's standOff when the document mentions them */
    public TeiWriter(TeiConfig config, AuthorityEntries authority) {
        this.config = config;
        this.header = new TeiHeaderWriter();
        this.authority = authority;
    }

    /**
     * Writes the TEI as UTF-8. The stream is written to but not closed.
     *
     * @param runId the processing run that made it, for the revision history; null when none
     */
    public void write(Document document, String runId, OutputStream out) {
        write(document, runId, LocalDate.now(ZoneOffset.UTC), out);
    }

    /**
     * Writes the TEI of a document corrected by a person: its revision history is the correction,
     * then the changes of the TEI it corrects (most recent first, as TEI lists them). The stream is
     * written to but not closed.
     *
     * @param earlier the revisions of the TEI it corrects, most recent first
     */
    public void writeCorrection(Document document, TeiRevision correction, List<TeiRevision> earlier,
                                OutputStream out) {
        List<TeiRevision> history = new ArrayList<>();
        history.add(correction);
        history.addAll(earlier);
        write(document, history, out);
    }

    /** Writes the TEI as made on the given day (the revision's date), so that tests can compare whole files. */
    void write(Document document, String runId, LocalDate made, OutputStream out) {
        String run = runId == null ? "" : " in run " + runId;
        write(document, List.of(new TeiRevision(made, runId, "Made by the archive pipeline" + run + ", in "
                + document.provenance().size() + " processing steps (" + TeiHeaderWriter.stages(document) + ").",
                false)), out);
    }

    private void write(Document document, List<TeiRevision> history, OutputStream out) {
        try {
            XMLStreamWriter writer = TeiXml.utf8Writer(factory, out);
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            writer.writeCharacters("\n");
            writer.setDefaultNamespace(TEI_NS);
            TeiXml xml = new TeiXml(writer);
            String language = TeiHeaderWriter.mainLanguage(document);
            xml.open("TEI", "xml:lang", language);
            writer.writeDefaultNamespace(TEI_NS);
            header.write(xml, document, history, this::refOf);
            TeiBodyWriter body = new TeiBodyWriter(xml, document, config, language, this::refOf);
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

    /**
     * Where an entity of the authority list points: at its copy in this document's standOff
     * ({@code #kapd}), which points on into the list, so that the TEI keeps its links when it is read
     * without its folder; at the list itself for a key the writer has no entry of.
     */
    private String refOf(String key) {
        return authority.contains(key) ? "#" + key : config.authorityUri() + "#" + key;
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
}
