package org.workersarchive.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.XmlParsers;

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

    /**
     * Scores each document against the truth of the scans it was made from: the truths of the
     * files of one issue (ouvrier-communiste_…_p01.png and _p02-03.pdf) are joined in the order
     * the document has them.
     */
    public EvaluationReport evaluate(Path archiveDir, Path truthDir) throws IOException {
        Map<String, Path> documentsByFile = documentsByFile(new ArchiveLayout(archiveDir).documents());
        Map<String, List<GroundTruth>> truthsByDocument = new LinkedHashMap<>();
        try (Stream<Path> truths = Files.list(truthDir)) {
            for (Path truthFile : truths.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                GroundTruth truth = GroundTruth.read(truthFile);
                Path folder = documentsByFile.get(truth.file());
                truthsByDocument.computeIfAbsent(folder == null ? "?" + truth.file() : folder.toString(),
                        f -> new ArrayList<>()).add(truth);
            }
        }
        List<DocumentScore> scores = new ArrayList<>();
        for (List<GroundTruth> truths : truthsByDocument.values()) {
            Path folder = documentsByFile.get(truths.get(0).file());
            List<String> order = folder == null ? List.of() : sourceFiles(folder);
            truths.sort(Comparator.comparingInt(t -> order.indexOf(t.file())));
            scores.add(score(GroundTruth.joined(truths), folder));
        }
        return EvaluationReport.of(scores);
    }

    private DocumentScore score(GroundTruth truth, Path folder) throws IOException {
        String expected = truth.text();
        List<EntityScores.Scored> gold = truth.entities().stream()
                .filter(e -> TEI_ELEMENTS.containsValue(EntityType.valueOf(e.type())))
                .map(e -> new EntityScores.Scored(EntityType.valueOf(e.type()), e.key() != null ? e.key() : e.value()))
                .toList();
        String read = folder == null ? "" : Files.readString(new DocumentFolder(folder).text(), StandardCharsets.UTF_8);
        List<EntityScores.Scored> found = folder == null ? List.of() : teiEntities(new DocumentFolder(folder).tei());
        return new DocumentScore(truth.file(), folder == null ? null : folder.getFileName().toString(),
                TextMetrics.cer(expected, read), TextMetrics.wer(expected, read),
                TextMetrics.charEdits(expected, read), TextMetrics.normalize(expected).length(),
                TextMetrics.wordEdits(expected, read), TextMetrics.words(expected).size(),
                EntityScores.score(gold, found));
    }

    /** The document folders of an archive, by the file name of each scan it was made from. */
    Map<String, Path> documentsByFile(Path documentsDir) throws IOException {
        Map<String, Path> byFile = new HashMap<>();
        if (!Files.isDirectory(documentsDir)) {
            return byFile;
        }
        try (Stream<Path> folders = Files.list(documentsDir)) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(new DocumentFolder(f).provenance())).toList()) {
                sourceFiles(folder).forEach(file -> byFile.put(file, folder));
            }
        }
        return byFile;
    }

    /** The file names of the scans a document was made from, in its page order. */
    private List<String> sourceFiles(Path folder) throws IOException {
        List<String> files = new ArrayList<>();
        json.readTree(new DocumentFolder(folder).provenance().toFile()).path("sources")
                .forEach(source -> files.add(source.path("fileName").asText()));
        return files;
    }

    /**
     * The entities the TEI's text marks: @ref's fragment for names, @when for dates. The TEI may
     * have been corrected by hand, so it is read with core's hardened parser: a DOCTYPE is refused.
     */
    static List<EntityScores.Scored> teiEntities(Path tei) throws IOException {
        List<EntityScores.Scored> found = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tei)) {
            XMLStreamReader xml = XmlParsers.streamReader(in);
            boolean inText = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("text")) {
                    inText = true;
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("text")) {
                    inText = false; // the standOff's copies of authority entries that follow are not marks
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
            throw new IOException(tei + " cannot be read as XML: " + e.getMessage(), e);
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
