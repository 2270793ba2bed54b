package org.workersarchive.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Csv;
import org.workersarchive.core.Folders;
import org.workersarchive.core.XmlParsers;

/**
 * Exports an archive as a corpus for TEI Publisher or eXist-db: {@code corpus.tei.xml} (a
 * {@code teiCorpus} with its own header and every document's TEI inside, its ids prefixed with the
 * document's id so that they stay unique, and its links rewritten to the corpus layout), each
 * document's TEI and page images under {@code documents/<id>/}, the authority list, and an index of
 * every entity occurrence ({@code entities.csv}, {@code entities.json}: document, page, type, key,
 * surface, zone), and each document's IIIF manifest with the corpus as a IIIF collection
 * ({@code collection.json}). The corpus is written whole in a hidden folder and then renamed into
 * place.
 */
public final class CorpusExporter {

    /** Entity elements of the archive's TEI; dates are indexed by their ISO value. */
    private static final Set<String> ENTITIES = Set.of("persName", "orgName", "placeName", "title", "eventName", "date");
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    /**
     * What an export wrote; {@code collection} is null when no document has a IIIF manifest;
     * {@code skipped} says, a line each, which files of the archive were not copied and why (a link
     * out of the archive, a folder where a page image should be): empty when every file was.
     */
    public record Export(Path corpus, List<Path> documents, Path entitiesCsv, Path entitiesJson, int occurrences,
                         Path collection, List<String> skipped) {

        public Export {
            documents = List.copyOf(documents);
            skipped = List.copyOf(skipped);
        }
    }

    /** The corpus's IIIF collection, beside corpus.tei.xml. */
    public static final String COLLECTION = "collection.json";
    /** The corpus's own TEI, by which an earlier corpus folder is known. */
    public static final String CORPUS = "corpus.tei.xml";

    private final IiifConfig iiif;

    /** An exporter whose collection is named under {@link IiifConfig#DEFAULT_BASE_URL}. */
    public CorpusExporter() {
        this(IiifConfig.defaults());
    }

    /** @param iiif the URL the corpus folder is served under, which names the IIIF collection */
    public CorpusExporter(IiifConfig iiif) {
        this.iiif = iiif;
    }

    /** One entity occurrence in the index. */
    record Occurrence(String document, String page, String type, String key, String surface, String zone) {
    }

    /**
     * Writes the corpus whole in a hidden folder beside {@code outDir}, then puts it in the place of
     * {@code outDir} (renames), as the archive replaces a document's folder: a corpus is published
     * whole or not at all. Every document's TEI, and the authority list, is read before anything is
     * written, and one that cannot be read (not well-formed, with a DOCTYPE, a TEI that is a link out
     * of the archive) refuses the export. Only regular files inside the archive are copied: a link
     * out of it, or a IIIF manifest that is not JSON, is skipped and said in {@link Export#skipped}.
     *
     * @param archiveDir an archive made by the pipeline (documents/, authority.xml)
     * @param outDir     a new or empty folder, or an earlier corpus (which holds corpus.tei.xml), which is
     *                   replaced whole. The corpus keeps the archive's layout (documents/ID/, authority.xml).
     * @throws ExportRefusedException   when a document's TEI or the authority list cannot be read; nothing is written
     * @throws IllegalArgumentException when {@code archiveDir} is no archive, or {@code outDir} is a
     *                                  file or a folder of other files than a corpus
     */
    public Export export(Path archiveDir, Path outDir) throws IOException {
        ArchiveLayout archive = new ArchiveLayout(archiveDir);
        List<DocumentFolder> folders = documentFolders(archive.documents());
        List<String> unreadable = CorpusInputs.unreadableXml(archiveDir, folders, archive.authorityList());
        if (!unreadable.isEmpty()) {
            throw new ExportRefusedException(unreadable);
        }
        Path target = outDir.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        // An export killed between its two renames left the earlier corpus aside: it is put back first.
        InterruptedWrites.recoverBeside(target);
        CorpusInputs.requireReplaceable(target);
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial-" + UUID.randomUUID());
        Export written;
        try {
            Files.createDirectory(partial);
            written = writeCorpusFolder(archiveDir, folders, partial).placedIn(partial, target);
        } catch (IOException | RuntimeException e) {
            Folders.deleteTree(partial); // half a corpus is no use to anyone
            throw e;
        }
        CorpusInputs.swap(partial, target);
        return written;
    }

    /** Writes the whole corpus into {@code outDir}, which is new and empty. */
    private PartialExport writeCorpusFolder(Path archiveDir, List<DocumentFolder> folders, Path outDir)
            throws IOException {
        ArchiveLayout archive = new ArchiveLayout(archiveDir);
        ArchiveLayout corpusLayout = new ArchiveLayout(outDir);
        CorpusInputs inputs = new CorpusInputs(archiveDir);
        List<Path> documents = new ArrayList<>();
        for (DocumentFolder folder : folders) {
            documents.add(copyDocument(folder, corpusLayout.document(idOf(folder)), inputs));
        }
        inputs.copyIfInside(archive.authorityList(), corpusLayout.authorityList());
        List<Occurrence> occurrences = new ArrayList<>();
        Path corpus = outDir.resolve(CORPUS);
        write(corpus, out -> writeCorpus(folders, out, occurrences));
        Path csv = outDir.resolve("entities.csv");
        write(csv, out -> out.write(csv(occurrences).getBytes(StandardCharsets.UTF_8)));
        Path json = outDir.resolve("entities.json");
        write(json, out -> new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out, json(occurrences)));
        Path collection = writeCollection(folders, corpusLayout, outDir, inputs);
        return new PartialExport(new Export(corpus, documents, csv, json, occurrences.size(), collection,
                inputs.skipped()));
    }

    /** An export written in a hidden folder, its paths to be told as they will be once it is renamed. */
    private record PartialExport(Export export) {

        Export placedIn(Path partial, Path target) {
            return new Export(moved(export.corpus(), partial, target),
                    export.documents().stream().map(p -> moved(p, partial, target)).toList(),
                    moved(export.entitiesCsv(), partial, target), moved(export.entitiesJson(), partial, target),
                    export.occurrences(), export.collection() == null ? null
                    : moved(export.collection(), partial, target), export.skipped());
        }

        private static Path moved(Path path, Path partial, Path target) {
            return target.resolve(partial.relativize(path));
        }
    }

    /**
     * Copies each document's IIIF manifest and lists them in the corpus's collection, by the URLs
     * the manifests give themselves: the corpus keeps the archive's layout, so one served under the
     * archive's base URL answers them.
     */
    private Path writeCollection(List<DocumentFolder> folders, ArchiveLayout corpus, Path outDir, CorpusInputs inputs)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<IiifManifestWriter.Entry> entries = new ArrayList<>();
        for (DocumentFolder folder : folders) {
            Path copy = corpus.document(idOf(folder)).iiifManifest();
            if (inputs.copyIfInside(folder.iiifManifest(), copy)) {
                JsonNode manifest;
                try {
                    manifest = mapper.readTree(copy.toFile());
                } catch (JsonProcessingException e) {
                    Files.delete(copy);
                    inputs.skip(folder.iiifManifest(), "not JSON (" + e.getOriginalMessage() + ")");
                    continue;
                }
                entries.add(new IiifManifestWriter.Entry(manifest.path("id").asText(),
                        manifest.path("label").path("none").path(0).asText(idOf(folder))));
            }
        }
        if (entries.isEmpty()) {
            return null;
        }
        Path collection = outDir.resolve(COLLECTION);
        write(collection, out -> new IiifManifestWriter(iiif).writeCollection(COLLECTION,
                "Archive of the Workers' Group and its allies", entries, out));
        return collection;
    }

    private static List<DocumentFolder> documentFolders(Path documentsDir) throws IOException {
        if (!Files.isDirectory(documentsDir)) {
            throw new IllegalArgumentException("not an archive: " + documentsDir + " is missing");
        }
        try (Stream<Path> folders = Files.list(documentsDir)) {
            // Hidden folders are documents still being written.
            return folders.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().map(DocumentFolder::new)
                    .filter(f -> Files.isRegularFile(f.tei())).toList();
        }
    }

    private static String idOf(DocumentFolder folder) {
        return folder.root().getFileName().toString();
    }

    /**
     * The document's TEI and page images, as in the archive (links relative to the folder still
     * hold); a page that is no regular file inside the archive is skipped.
     */
    private static Path copyDocument(DocumentFolder folder, DocumentFolder target, CorpusInputs inputs)
            throws IOException {
        Files.createDirectories(target.pages());
        Path tei = target.tei();
        write(tei, out -> Files.copy(folder.tei(), out));
        Path pages = folder.pages();
        if (Files.isDirectory(pages, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> images = Files.list(pages)) {
                for (Path image : images.sorted().toList()) {
                    inputs.copyIfInside(image, target.pages().resolve(image.getFileName()));
                }
            }
        } else if (Files.exists(pages, LinkOption.NOFOLLOW_LINKS)) {
            inputs.skip(pages, "not a folder of the archive (a link?)");
        }
        return tei;
    }

    private void writeCorpus(List<DocumentFolder> folders, OutputStream out, List<Occurrence> occurrences) throws IOException {
        try {
            XMLStreamWriter writer = TeiXml.utf8Writer(XMLOutputFactory.newFactory(), out);
            writer.writeStartDocument("UTF-8", "1.0");
            writer.writeCharacters("\n");
            writer.setDefaultNamespace(TeiWriter.TEI_NS);
            writer.writeStartElement(TeiWriter.TEI_NS, "teiCorpus");
            writer.writeDefaultNamespace(TeiWriter.TEI_NS);
            writer.writeAttribute("xml", XML_NS, "lang", "mul");
            writeCorpusHeader(new TeiXml(writer), folders.size());
            for (DocumentFolder folder : folders) {
                writer.writeCharacters("\n");
                copyTei(folder.tei(), idOf(folder), writer, occurrences);
            }
            writer.writeCharacters("\n");
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the corpus: " + e.getMessage(), e);
        }
    }

    private static void writeCorpusHeader(TeiXml xml, int documents) throws XMLStreamException {
        xml.open("teiHeader").open("fileDesc")
                .open("titleStmt").leaf("title", "Archive of the Workers' Group and its allies: transcriptions")
                .open("respStmt").leaf("resp", "Text recognition, entity annotation and TEI encoding")
                .leaf("name", "Archive pipeline").close().close()
                .open("extent").leaf("measure", documents + (documents == 1 ? " document" : " documents"),
                        "unit", "documents", "quantity", String.valueOf(documents)).close()
                .open("publicationStmt")
                .leaf("p", "Exported from the archive on " + LocalDate.now(ZoneOffset.UTC) + "; working transcriptions.")
                .close()
                .open("sourceDesc").leaf("p", "Scans of pamphlets and periodicals; each document's header describes "
                        + "its source.").close()
                .close().close();
    }

    /**
     * Copies one document's TEI element into the corpus: every xml:id and every local pointer
     * (#…) prefixed with the document's id, relative links rewritten from the document's folder to
     * the corpus folder; and every entity occurrence noted for the index.
     */
    private static void copyTei(Path tei, String documentId, XMLStreamWriter out, List<Occurrence> occurrences)
            throws IOException, XMLStreamException {
        // An xml:id must start with a letter, and a document id may start with a digit (a year).
        String prefix = "d-" + documentId + "-";
        String page = null;
        String zone = null;
        Occurrence open = null;
        StringBuilder surface = new StringBuilder();
        int entityDepth = 0;
        try (InputStream in = Files.newInputStream(tei)) {
            XMLStreamReader xml = XmlParsers.streamReader(in);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    out.writeStartElement(TeiWriter.TEI_NS, name);
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        String attribute = xml.getAttributeLocalName(i);
                        // A TEI corrected by hand as XML 1.1 may hold characters the corpus's XML 1.0 forbids.
                        String value = XmlText.clean(rewritten(attribute, xml.getAttributeValue(i), prefix, documentId));
                        if (XML_NS.equals(xml.getAttributeNamespace(i))) {
                            out.writeAttribute("xml", XML_NS, attribute, value);
                        } else {
                            out.writeAttribute(attribute, value);
                        }
                    }
                    if (name.equals("text") || name.equals("standOff")) {
                        page = null; // marks are counted in the text only, not in the standOff's entries
                    } else if (name.equals("pb")) {
                        page = xml.getAttributeValue(null, "n");
                    } else if (name.equals("lb")) {
                        zone = xml.getAttributeValue(null, "facs");
                    }
                    if (open != null) {
                        entityDepth++;
                    } else if (ENTITIES.contains(name) && page != null) {
                        String key = name.equals("date") ? xml.getAttributeValue(null, "when")
                                : fragment(xml.getAttributeValue(null, "ref"));
                        open = new Occurrence(documentId, page, name, key, null, zone == null ? null : zone.substring(1));
                        surface.setLength(0);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    out.writeEndElement();
                    if (open != null && entityDepth == 0) {
                        occurrences.add(new Occurrence(open.document(), open.page(), open.type(), open.key(),
                                surface.toString().strip().replaceAll("\\s+", " "), open.zone()));
                        open = null;
                    } else if (open != null) {
                        entityDepth--;
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE) {
                    String text = XmlText.clean(xml.getText());
                    out.writeCharacters(text);
                    if (open != null) {
                        surface.append(text);
                    }
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(tei + " cannot be read as XML: " + e.getMessage(), e);
        }
    }

    private static String rewritten(String attribute, String value, String prefix, String documentId) {
        if (attribute.equals("id")) {
            return prefix + value;
        }
        if (value.startsWith("#")) {
            return "#" + prefix + value.substring(1);
        }
        if (value.startsWith("../../")) {
            return value.substring("../../".length());
        }
        if (attribute.equals("url") && value.startsWith(DocumentFolder.PAGES + "/")) {
            return ArchiveLayout.DOCUMENTS + "/" + documentId + "/" + value;
        }
        return value;
    }

    private static String fragment(String ref) {
        return ref == null ? null : ref.substring(ref.indexOf('#') + 1);
    }

    private static String csv(List<Occurrence> occurrences) {
        StringBuilder csv = new StringBuilder("document,page,type,key,surface,zone\n");
        for (Occurrence o : occurrences) {
            csv.append(String.join(",", Csv.cell(o.document()), Csv.cell(o.page()), Csv.cell(o.type()),
                    Csv.cell(o.key()), Csv.cell(o.surface()), Csv.cell(o.zone()))).append('\n');
        }
        return csv.toString();
    }

    private static ArrayNode json(List<Occurrence> occurrences) {
        ArrayNode array = new ObjectMapper().createArrayNode();
        for (Occurrence o : occurrences) {
            ObjectNode node = array.addObject();
            node.put("document", o.document());
            node.put("page", o.page());
            node.put("type", o.type());
            node.put("key", o.key());
            node.put("surface", o.surface());
            node.put("zone", o.zone());
        }
        return array;
    }

    /** Writes a new file of the partial corpus. */
    static void write(Path target, Content content) throws IOException {
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            content.write(out);
        }
    }

    @FunctionalInterface
    interface Content {
        void write(OutputStream out) throws IOException;
    }
}
