package org.workersarchive.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Document;
import org.workersarchive.core.Fixity;
import org.workersarchive.core.Page;

/**
 * Writes a document's METS (1.12.1), so that DFG-Viewer, Kitodo and Goobi take the document as one
 * object: a MODS description made from the same description as the TEI header ({@link ModsWriter}),
 * file groups of the page images ({@code DEFAULT}), ALTO ({@code FULLTEXT}), PAGE XML
 * ({@code PAGE}), the TEI ({@code TEI}) and the PDF ({@code DOWNLOAD}), each file with its size and
 * SHA-256, the physical sequence of pages pointing at each page's image, ALTO and PAGE, and the
 * logical unit (the issue, the pamphlet) linked to its pages. Paths are relative to the METS file,
 * which lies in the document folder. Streams with StAX. Thread-safe.
 */
public final class MetsWriter {

    static final String METS_NS = "http://www.loc.gov/METS/";
    static final String SCHEMA_LOCATION = METS_NS + " http://www.loc.gov/standards/mets/version1121/mets.xsd "
            + ModsWriter.MODS_NS + " http://www.loc.gov/standards/mods/v3/mods-3-8.xsd";
    private static final String DMD = "dmd";
    private static final String LOGICAL = "log";

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    /**
     * Writes the METS as UTF-8. The files it lists must be in the folder already: their sizes and
     * checksums are read. The stream is written to but not closed.
     *
     * @param folder the document folder the files are in, and the METS will be
     * @param made   when: the METS header's CREATEDATE
     */
    public void write(Document document, Path folder, Instant made, OutputStream out) throws IOException {
        try {
            XMLStreamWriter writer = TeiXml.utf8Writer(factory, out);
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            writer.writeCharacters("\n");
            writer.setDefaultNamespace(METS_NS);
            TeiXml xml = new TeiXml(writer);
            xml.open("mets", "OBJID", document.id(), "TYPE", ModsWriter.genre(document), "LABEL",
                    TeiHeaderWriter.fileTitle(document));
            writer.writeDefaultNamespace(METS_NS);
            writer.writeNamespace("xlink", TeiXml.XLINK_NS);
            writer.writeNamespace("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
            writer.writeAttribute("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "schemaLocation", SCHEMA_LOCATION);
            writeHeader(xml, made);
            xml.open("dmdSec", "ID", DMD).open("mdWrap", "MDTYPE", "MODS").open("xmlData");
            ModsWriter.write(xml, document);
            xml.close().close().close();
            List<FileGroup> groups = fileGroups(document);
            writeFiles(xml, groups, folder);
            writePhysical(xml, document);
            writeLogical(xml, document);
            xml.close();
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the METS of " + document.id() + ": " + e.getMessage(), e);
        }
    }

    private static void writeHeader(TeiXml xml, Instant made) throws XMLStreamException {
        xml.open("metsHdr", "CREATEDATE", made.truncatedTo(ChronoUnit.SECONDS).toString())
                .open("agent", "ROLE", "CREATOR", "TYPE", "OTHER", "OTHERTYPE", "SOFTWARE")
                .leaf("name", "Archive pipeline " + TeiHeaderWriter.PIPELINE_VERSION)
                .close().close();
    }

    /** The document's files by use, as DFG-Viewer and Kitodo name the groups. */
    private static List<FileGroup> fileGroups(Document document) {
        List<MetsFile> images = new ArrayList<>();
        List<MetsFile> alto = new ArrayList<>();
        List<MetsFile> page = new ArrayList<>();
        for (Page p : document.pages()) {
            images.add(new MetsFile(imageId(p), mediaType(p.image().path()), p.image().path()));
            alto.add(new MetsFile(altoId(p), "text/xml", DocumentFolder.altoFile(p.number())));
            page.add(new MetsFile(pageId(p), "application/vnd.prima.page+xml", DocumentFolder.pageXmlFile(p.number())));
        }
        return List.of(new FileGroup("DEFAULT", images), new FileGroup("FULLTEXT", alto), new FileGroup("PAGE", page),
                new FileGroup("TEI", List.of(new MetsFile("tei", "application/tei+xml", Path.of(DocumentFolder.TEI)))),
                new FileGroup("DOWNLOAD", List.of(new MetsFile("pdf", "application/pdf", Path.of(DocumentFolder.PDF)))));
    }

    private static void writeFiles(TeiXml xml, List<FileGroup> groups, Path folder)
            throws XMLStreamException, IOException {
        xml.open("fileSec");
        for (FileGroup group : groups) {
            xml.open("fileGrp", "USE", group.use());
            for (MetsFile file : group.files()) {
                Path onDisk = folder.resolve(file.path());
                xml.open("file", "ID", file.id(), "MIMETYPE", file.mediaType(), "SIZE", String.valueOf(Files.size(onDisk)),
                                "CHECKSUM", Fixity.sha256(onDisk), "CHECKSUMTYPE", "SHA-256")
                        .empty("FLocat", "LOCTYPE", "URL", "xlink:href", DocumentFolder.asUrl(file.path()))
                        .close();
            }
            xml.close();
        }
        xml.close();
    }

    private static void writePhysical(TeiXml xml, Document document) throws XMLStreamException {
        xml.open("structMap", "TYPE", "PHYSICAL").open("div", "ID", "phys", "TYPE", "physSequence");
        for (Page page : document.pages()) {
            String n = String.valueOf(page.number());
            xml.open("div", "ID", physicalId(page), "TYPE", "page", "ORDER", n, "ORDERLABEL", n)
                    .empty("fptr", "FILEID", imageId(page)).empty("fptr", "FILEID", altoId(page))
                    .empty("fptr", "FILEID", pageId(page)).close();
        }
        xml.close().close();
    }

    /** The issue or pamphlet as one logical unit, described by the MODS and linked to each of its pages. */
    private static void writeLogical(TeiXml xml, Document document) throws XMLStreamException {
        xml.open("structMap", "TYPE", "LOGICAL")
                .open("div", "ID", LOGICAL, "TYPE", ModsWriter.genre(document), "DMDID", DMD,
                        "LABEL", TeiHeaderWriter.fileTitle(document))
                .empty("fptr", "FILEID", "tei").empty("fptr", "FILEID", "pdf")
                .close().close();
        xml.open("structLink");
        for (Page page : document.pages()) {
            xml.empty("smLink", "xlink:from", LOGICAL, "xlink:to", physicalId(page));
        }
        xml.close();
    }

    private static String mediaType(Path image) {
        String name = image.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg" : "image/png";
    }

    private static String physicalId(Page page) {
        return "phys_" + page.number();
    }

    private static String imageId(Page page) {
        return "img_" + page.number();
    }

    private static String altoId(Page page) {
        return "alto_" + page.number();
    }

    private static String pageId(Page page) {
        return "pagexml_" + page.number();
    }

    /** A file of the document, by its path relative to the folder. */
    private record MetsFile(String id, String mediaType, Path path) {
    }

    private record FileGroup(String use, List<MetsFile> files) {
    }
}
