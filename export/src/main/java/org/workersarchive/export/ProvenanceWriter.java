package org.workersarchive.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Document;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceDescription;
import org.workersarchive.core.SourceFile;

/**
 * Writes provenance.json: the source's description, each scan file (name, path, checksum, type,
 * size, pages, metadata), each page
 * (image, size, resolution, text origin, languages, mean confidence, words, the process that read it)
 * and each processing
 * step (stage, tool, version, details, time). Thread-safe.
 */
public final class ProvenanceWriter {

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the record as UTF-8 JSON; the stream is written to but not closed. */
    public void write(Document document, OutputStream out) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("documentId", document.id());
        root.set("description", description(document.description()));
        ArrayNode sources = root.putArray("sources");
        for (SourceFile file : document.sources()) {
            ObjectNode source = sources.addObject();
            source.put("fileName", file.fileName());
            source.put("path", file.path().toString());
            source.put("sha256", file.sha256());
            source.put("mediaType", file.mediaType());
            source.put("size", file.size());
            source.put("pages", file.pageCount());
            ObjectNode metadata = source.putObject("metadata");
            file.metadata().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> metadata.put(e.getKey(), e.getValue()));
        }
        ArrayNode pages = root.putArray("pages");
        document.pages().forEach(page -> pages.add(page(page)));
        ArrayNode steps = root.putArray("steps");
        document.provenance().forEach(step -> steps.add(step(step)));
        root.put("writtenAt", Instant.now().toString());
        json.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, root);
    }

    private ObjectNode description(SourceDescription description) {
        ObjectNode node = json.createObjectNode();
        node.put("kind", description.kind().name());
        node.put("title", description.title());
        node.put("titleKey", description.titleKey());
        node.put("author", description.author());
        node.put("volume", description.volume());
        node.put("issue", description.issue());
        node.put("date", description.date());
        node.put("place", description.place());
        node.put("publisher", description.publisher());
        ArrayNode languages = node.putArray("languages");
        Language.models(description.languages()).forEach(languages::add);
        node.put("note", description.note());
        node.put("origin", description.origin().name());
        node.put("sidecar", description.sidecar() == null ? null : description.sidecar().getFileName().toString());
        return node;
    }

    private ObjectNode page(Page page) {
        ObjectNode node = json.createObjectNode();
        node.put("number", page.number());
        node.put("image", DocumentFolder.asUrl(page.image().path()));
        node.put("width", page.image().width());
        node.put("height", page.image().height());
        node.put("dpi", page.image().dpi());
        node.put("textOrigin", page.textOrigin().name());
        ArrayNode languages = node.putArray("languages");
        Language.models(page.languages()).forEach(languages::add);
        if (page.meanConfidence().isPresent()) {
            node.put("meanConfidence", Math.round(page.meanConfidence().getAsDouble() * 10) / 10.0);
        } else {
            node.putNull("meanConfidence");
        }
        node.put("words", page.words().count());
        ObjectNode preparation = node.putObject("preparation");
        preparation.put("rotationDegrees", page.preparation().rotationDegrees());
        preparation.put("skewDegrees", page.preparation().skewDegrees());
        preparation.put("script", page.preparation().script().name());
        preparation.put("thresholding", page.preparation().thresholding());
        preparation.put("orientation", page.preparation().orientation().name().toLowerCase(Locale.ROOT));
        preparation.put("scale", page.preparation().scale());
        node.put("reader", page.reader());
        return node;
    }

    private ObjectNode step(ProcessingStep step) {
        ObjectNode node = json.createObjectNode();
        node.put("stage", step.stage());
        node.put("tool", step.tool());
        node.put("toolVersion", step.toolVersion());
        ObjectNode details = node.putObject("details");
        step.details().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> details.put(e.getKey(), e.getValue()));
        node.put("tookMillis", step.took().toMillis());
        return node;
    }
}
