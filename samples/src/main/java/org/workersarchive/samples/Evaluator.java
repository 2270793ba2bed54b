package org.workersarchive.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.workersarchive.core.EntityType;

/**
 * Measures an archive against ground truth: for each truth file, the archive's document made from
 * that scan (found by the file name in provenance.json), its text (document.txt) for CER and WER,
 * and its entities as the TEI marks them, as a scholar receives them. Thread-safe.
 */
public final class Evaluator {

    private static final Map<String, EntityType> TEI_ELEMENTS = Map.of("persName", EntityType.PERSON,
            "orgName", EntityType.ORGANISATION, "placeName", EntityType.PLACE, "title", EntityType.PUBLICATION,
            "eventName", EntityType.EVENT, "date", EntityType.DATE);

    private final ObjectMapper json = new ObjectMapper();

    public EvaluationReport evaluate(Path archiveDir, Path truthDir) throws IOException {
        Map<String, Path> documentsByFile = documentsByFile(archiveDir.resolve("documents"));
        List<DocumentScore> scores = new ArrayList<>();
        try (Stream<Path> truths = Files.list(truthDir)) {
            for (Path truthFile : truths.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                GroundTruth truth = GroundTruth.read(truthFile);
                scores.add(score(truth, documentsByFile.get(truth.file())));
            }
        }
        return EvaluationReport.of(scores);
    }

    private DocumentScore score(GroundTruth truth, Path folder) throws IOException {
        String expected = truth.text();
        List<EntityScores.Scored> gold = truth.entities().stream()
                .filter(e -> TEI_ELEMENTS.containsValue(EntityType.valueOf(e.type())))
                .map(e -> new EntityScores.Scored(EntityType.valueOf(e.type()), e.key() != null ? e.key() : e.value()))
                .toList();
        String read = folder == null ? "" : Files.readString(folder.resolve("document.txt"), StandardCharsets.UTF_8);
        List<EntityScores.Scored> found = folder == null ? List.of() : teiEntities(folder.resolve("document.tei.xml"));
        return new DocumentScore(truth.file(), folder == null ? null : folder.getFileName().toString(),
                TextMetrics.cer(expected, read), TextMetrics.wer(expected, read),
                TextMetrics.charEdits(expected, read), TextMetrics.normalize(expected).length(),
                TextMetrics.wordEdits(expected, read), TextMetrics.words(expected).size(),
                EntityScores.score(gold, found));
    }

    /** The document folders of an archive, by the file name of the scan each was made from. */
    Map<String, Path> documentsByFile(Path documentsDir) throws IOException {
        Map<String, Path> byFile = new HashMap<>();
        if (!Files.isDirectory(documentsDir)) {
            return byFile;
        }
        try (Stream<Path> folders = Files.list(documentsDir)) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve("provenance.json"))).toList()) {
                JsonNode provenance = json.readTree(folder.resolve("provenance.json").toFile());
                byFile.put(provenance.path("source").path("fileName").asText(), folder);
            }
        }
        return byFile;
    }

    /** The entities the TEI's text marks: @ref's fragment for names, @when for dates. */
    static List<EntityScores.Scored> teiEntities(Path tei) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<EntityScores.Scored> found = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tei)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            boolean inText = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("text")) {
                    inText = true;
                } else if (event == XMLStreamConstants.START_ELEMENT && inText
                        && TEI_ELEMENTS.containsKey(xml.getLocalName())) {
                    EntityType type = TEI_ELEMENTS.get(xml.getLocalName());
                    String value = type == EntityType.DATE ? xml.getAttributeValue(null, "when")
                            : fragment(xml.getAttributeValue(null, "ref"));
                    if (value != null) {
                        found.add(new EntityScores.Scored(type, value));
                    }
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(tei + " is not well-formed XML: " + e.getMessage(), e);
        }
        return found;
    }

    private static String fragment(String ref) {
        if (ref == null) {
            return null;
        }
        int hash = ref.indexOf('#');
        return hash < 0 ? ref : ref.substring(hash + 1);
    }
}
