package org.workersarchive.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Document;
import org.workersarchive.core.FileNames;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.PagePreparation;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.Script;
import org.workersarchive.core.SourceDescription;
import org.workersarchive.core.SourceFile;
import org.workersarchive.core.TextOrigin;

/**
 * Reads a document back from its folder in the archive, as the pipeline wrote it: its description,
 * scan files, pages and processing steps from provenance.json, and each page's text (blocks, lines,
 * words with their ids, boxes and confidences) from its ALTO. Entities are not read: they are made
 * again from the text by whoever needs them. Page images are named as provenance.json names them,
 * relative to the folder. The folder is read as untrusted (a person may have edited it). Thread-safe.
 */
public final class ArchivedDocumentReader {

    private final ObjectMapper json = new ObjectMapper();

    /**
     * @throws IOException naming the file when provenance.json or an ALTO file is missing, unreadable or
     *                     says what the model refuses
     */
    public Document read(Path folder) throws IOException {
        DocumentFolder documentFolder = new DocumentFolder(folder);
        JsonNode provenance = readJson(documentFolder.provenance());
        try {
            SourceDescription description = description(provenance.path("description"), folder);
            List<SourceFile> sources = new ArrayList<>();
            provenance.path("sources").forEach(source -> sources.add(source(source)));
            List<Page> pages = new ArrayList<>();
            for (JsonNode page : provenance.path("pages")) {
                pages.add(page(page, documentFolder));
            }
            List<ProcessingStep> steps = new ArrayList<>();
            provenance.path("steps").forEach(step -> steps.add(step(step)));
            return new Document(provenance.path("documentId").asText(), description, sources, pages, List.of(), steps);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException(documentFolder.provenance() + " does not describe a document: " + e.getMessage(), e);
        }
    }

    private JsonNode readJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return json.readTree(in);
        }
    }

    private static SourceDescription description(JsonNode node, Path folder) {
        List<Language> languages = new ArrayList<>();
        node.path("languages").forEach(model -> languages.add(Language.ofModel(model.asText())));
        String sidecar = text(node, "sidecar");
        return new SourceDescription(SourceDescription.Kind.valueOf(node.path("kind").asText("UNKNOWN")),
                text(node, "title"), false, text(node, "titleKey"), text(node, "author"), text(node, "volume"),
                text(node, "issue"), text(node, "date"), text(node, "place"), text(node, "publisher"), languages,
                text(node, "note"), SourceDescription.Origin.valueOf(node.path("origin").asText("NONE")),
                sidecar == null ? null : FileNames.resolveIn(folder, sidecar));
    }

    private static SourceFile source(JsonNode node) {
        Map<String, String> metadata = new LinkedHashMap<>();
        node.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        return new SourceFile(Path.of(node.path("path").asText()), node.path("fileName").asText(),
                node.path("sha256").asText(), node.path("mediaType").asText(), node.path("size").asLong(),
                node.path("pages").asInt(), metadata);
    }

    private static Page page(JsonNode node, DocumentFolder folder) throws IOException {
        int number = node.path("number").asInt();
        String image = node.path("image").asText();
        // The image is named relative to the folder, and must stay inside it.
        FileNames.requireInside(folder.root(), folder.root().resolve(image));
        PageImage pageImage = new PageImage(Path.of(image), node.path("width").asInt(), node.path("height").asInt(),
                node.path("dpi").asInt());
        List<Language> languages = new ArrayList<>();
        node.path("languages").forEach(model -> languages.add(Language.ofModel(model.asText())));
        JsonNode prep = node.path("preparation");
        PagePreparation preparation = new PagePreparation(prep.path("rotationDegrees").asInt(),
                prep.path("skewDegrees").asDouble(), Script.named(prep.path("script").asText(Script.UNKNOWN.name())),
                prep.path("thresholding").asText("none"), PagePreparation.OrientationSource.valueOf(
                prep.path("orientation").asText("none").toUpperCase(Locale.ROOT)));
        TextOrigin origin = TextOrigin.valueOf(node.path("textOrigin").asText("NONE"));
        Page page = new Page(number, pageImage, origin, languages, List.of(), preparation,
                node.path("reader").asText(""));
        Path alto = folder.alto(number);
        if (!Files.isRegularFile(alto)) {
            return page;
        }
        CorrectedPage text = new CorrectedPageReader().read(alto);
        return page.withText(origin, languages, text.blocks(number, page.image(), "p" + number + "_", Map.of()));
    }

    private static ProcessingStep step(JsonNode node) {
        Map<String, String> details = new LinkedHashMap<>();
        node.path("details").fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
        return new ProcessingStep(node.path("stage").asText(), node.path("tool").asText(),
                node.path("toolVersion").asText(), details, Duration.ofMillis(node.path("tookMillis").asLong()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
