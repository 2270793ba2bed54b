package org.workersarchive.review.authority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.workersarchive.core.ArchiveLayout;

/**
 * A name the runs found that the authority list does not know, from their {@code new-names.json}
 * (the newest run's word first, each type and spelling once).
 *
 * @param type     PERSON, ORGANISATION, PLACE, PUBLICATION or EVENT
 * @param surface  the name as printed
 * @param count    how often the runs found it
 * @param documents the documents it is in
 * @param contexts a few of the words around it
 */
public record NewName(String type, String surface, int count, List<String> documents, List<String> contexts) {

    public NewName {
        documents = List.copyOf(documents);
        contexts = List.copyOf(contexts);
    }

    /** The names of every run's report, most frequent first, less those the list now has. */
    public static List<NewName> ofRuns(ArchiveLayout archive, java.util.Set<String> knownNames) throws IOException {
        if (!Files.isDirectory(archive.runs())) {
            return List.of();
        }
        Map<String, NewName> byName = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        List<Path> reports;
        try (Stream<Path> runs = Files.list(archive.runs())) {
            reports = runs.map(run -> run.resolve("new-names.json")).filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(Path::toString).reversed()).toList();
        }
        for (Path report : reports) {
            for (JsonNode name : json.readTree(report.toFile()).path("names")) {
                NewName found = new NewName(name.path("type").asText(), name.path("surface").asText(),
                        name.path("count").asInt(), strings(name.path("documents")), strings(name.path("contexts")));
                String key = found.type() + " " + found.surface().toLowerCase(Locale.ROOT);
                if (!found.surface().isBlank() && !knownNames.contains(found.surface().toLowerCase(Locale.ROOT))) {
                    byName.putIfAbsent(key, found);
                }
            }
        }
        List<NewName> names = new ArrayList<>(byName.values());
        names.sort(Comparator.comparingInt((NewName n) -> -n.count()).thenComparing(NewName::surface));
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(node -> strings.add(node.asText()));
        return strings;
    }
}
