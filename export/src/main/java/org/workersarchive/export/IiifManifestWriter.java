package org.workersarchive.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.SourceDescription;

/**
 * Writes a document's IIIF Presentation 3 manifest, so that Mirador, Universal Viewer and TEI
 * Publisher's facsimile view open it: a canvas per page at its image's size, painted with the page
 * image, and the OCR's lines as supplementing annotations on the canvas (their text where they
 * stand), the TEI, PDF, METS, ALTO and PAGE linked as renderings and see-also. Every URL is the
 * configured base ({@link IiifConfig}) followed by the file's path in the archive. Also writes the
 * corpus as a collection of the manifests. Thread-safe.
 */
public final class IiifManifestWriter {

    static final String CONTEXT = "http://iiif.io/api/presentation/3/context.json";

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final IiifConfig config;

    public IiifManifestWriter(IiifConfig config) {
        this.config = config;
    }

    /** The manifest's own URL: where the archive's {@code documents/ID/manifest.json} is served. */
    public String manifestId(String documentId) {
        return documentUrl(documentId, DocumentFolder.IIIF_MANIFEST);
    }

    /** Writes the manifest as UTF-8 JSON; the stream is written to but not closed. */
    public void write(Document document, OutputStream out) throws IOException {
        ObjectNode manifest = json.createObjectNode();
        manifest.put("@context", CONTEXT);
        manifest.put("id", manifestId(document.id()));
        manifest.put("type", "Manifest");
        manifest.set("label", text(TeiHeaderWriter.fileTitle(document)));
        manifest.set("metadata", metadata(document.description()));
        String language = TeiHeaderWriter.mainLanguage(document);
        ArrayNode rendering = manifest.putArray("rendering");
        rendering.add(linked(document.id(), DocumentFolder.PDF, "Text", "application/pdf", "Searchable PDF/A"));
        rendering.add(linked(document.id(), DocumentFolder.TEI, "Text", "application/tei+xml", "TEI P5 transcription"));
        manifest.putArray("seeAlso")
                .add(linked(document.id(), DocumentFolder.METS, "Dataset", "application/xml", "METS"));
        ArrayNode canvases = manifest.putArray("items");
        for (Page page : document.pages()) {
            canvases.add(canvas(document.id(), page, language));
        }
        write(manifest, out);
    }

    /**
     * Writes the corpus as a IIIF collection of the documents' manifests, its id the base URL
     * followed by {@code fileName}.
     *
     * @param manifests each manifest's URL and title, in the collection's order
     */
    public void writeCollection(String fileName, String label, List<Entry> manifests, OutputStream out)
            throws IOException {
        ObjectNode collection = json.createObjectNode();
        collection.put("@context", CONTEXT);
        collection.put("id", config.url(fileName));
        collection.put("type", "Collection");
        collection.set("label", text(label));
        ArrayNode items = collection.putArray("items");
        for (Entry entry : manifests) {
            items.addObject().put("id", entry.manifestId()).put("type", "Manifest")
                    .set("label", text(entry.title()));
        }
        write(collection, out);
    }

    /** A manifest in a collection: its URL (its {@code id}) and its title. */
    public record Entry(String manifestId, String title) {
    }

    private ObjectNode canvas(String documentId, Page page, String language) {
        String canvasId = documentUrl(documentId, "canvas/p" + page.number());
        ObjectNode canvas = json.createObjectNode();
        canvas.put("id", canvasId);
        canvas.put("type", "Canvas");
        canvas.set("label", text(String.valueOf(page.number())));
        canvas.put("width", page.image().width());
        canvas.put("height", page.image().height());
        ObjectNode painting = annotationPage(canvas.putArray("items"), canvasId + "/page");
        ObjectNode image = annotation(painting, canvasId + "/image", "painting", canvasId);
        ObjectNode body = image.putObject("body");
        body.put("id", documentUrl(documentId, DocumentFolder.asUrl(page.image().path())));
        body.put("type", "Image");
        body.put("format", page.image().path().toString().matches("(?i).*\\.jpe?g") ? "image/jpeg" : "image/png");
        body.put("width", page.image().width());
        body.put("height", page.image().height());
        if (!page.blocks().isEmpty()) {
            ObjectNode lines = annotationPage(canvas.putArray("annotations"), canvasId + "/lines");
            String pageLanguage = page.languages().isEmpty() ? language : page.languages().get(0).tag();
            page.lines().forEach(line -> lineAnnotation(lines, canvasId, line, pageLanguage));
        }
        ArrayNode seeAlso = canvas.putArray("seeAlso");
        seeAlso.add(linked(documentId, DocumentFolder.asUrl(DocumentFolder.altoFile(page.number())), "Dataset",
                "application/xml", "ALTO"));
        seeAlso.add(linked(documentId, DocumentFolder.asUrl(DocumentFolder.pageXmlFile(page.number())), "Dataset",
                "application/xml", "PAGE XML"));
        return canvas;
    }

    /** A line of OCR as a supplementing annotation: its text where it stands on the canvas. */
    private void lineAnnotation(ObjectNode page, String canvasId, Line line, String language) {
        BoundingBox box = line.box();
        String target = canvasId + "#xywh=" + box.x() + "," + box.y() + "," + box.width() + "," + box.height();
        ObjectNode annotation = annotation(page, canvasId + "/lines/" + line.id(), "supplementing", target);
        ObjectNode body = annotation.putObject("body");
        body.put("type", "TextualBody");
        body.put("value", XmlText.clean(line.text()));
        body.put("format", "text/plain");
        if (!"und".equals(language) && !"mul".equals(language)) {
            body.put("language", language);
        }
    }

    private ObjectNode annotationPage(ArrayNode into, String id) {
        ObjectNode page = into.addObject();
        page.put("id", id);
        page.put("type", "AnnotationPage");
        page.putArray("items");
        return page;
    }

    private ObjectNode annotation(ObjectNode page, String id, String motivation, String target) {
        ObjectNode annotation = ((ArrayNode) page.get("items")).addObject();
        annotation.put("id", id);
        annotation.put("type", "Annotation");
        annotation.put("motivation", motivation);
        annotation.put("target", target);
        return annotation;
    }

    private ObjectNode linked(String documentId, String path, String type, String format, String label) {
        ObjectNode linked = json.createObjectNode();
        linked.put("id", documentUrl(documentId, path));
        linked.put("type", type);
        linked.set("label", english(label));
        linked.put("format", format);
        return linked;
    }

    /** What the TEI header says of the publication, as label and value pairs. */
    private ArrayNode metadata(SourceDescription source) {
        ArrayNode metadata = json.createArrayNode();
        pair(metadata, "Title", source.title());
        pair(metadata, "Author", source.author());
        pair(metadata, "Volume", source.volume());
        pair(metadata, "Issue", source.issue());
        pair(metadata, "Date", source.date());
        pair(metadata, "Place", source.place());
        pair(metadata, "Publisher", source.publisher());
        pair(metadata, "Note", source.note());
        return metadata;
    }

    private void pair(ArrayNode metadata, String label, String value) {
        if (value != null) {
            ObjectNode pair = metadata.addObject();
            pair.set("label", english(label));
            pair.set("value", text(value));
        }
    }

    private String documentUrl(String documentId, String path) {
        return config.url(ArchiveLayout.DOCUMENTS + "/" + documentId + "/" + path);
    }

    /** A IIIF language map of a value in no particular language (titles, numbers, dates). */
    private ObjectNode text(String value) {
        ObjectNode map = json.createObjectNode();
        map.putArray("none").add(XmlText.clean(value));
        return map;
    }

    private ObjectNode english(String value) {
        ObjectNode map = json.createObjectNode();
        map.putArray("en").add(value);
        return map;
    }

    private void write(ObjectNode node, OutputStream out) throws IOException {
        json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, node);
    }
}
