package org.workersarchive.samples;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a scan really says: its text per page and its entities, as the samples' truth/*.json files
 * hold it.
 *
 * @param file      the scan's file name
 * @param languages Tesseract names of the languages printed on it
 * @param pages     the text of each page, lines as printed, columns in reading order
 * @param entities  every entity of the authority list and every date on it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroundTruth(String file, List<String> languages, List<PageText> pages, List<Entity> entities) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public GroundTruth {
        Objects.requireNonNull(file, "file");
        languages = List.copyOf(languages);
        pages = List.copyOf(pages);
        entities = List.copyOf(entities);
    }

    /** @param number 1-based */
    public record PageText(int number, String text) {
    }

    /**
     * @param page    1-based page it is on
     * @param type    PERSON, ORGANISATION, PLACE, PUBLICATION or DATE
     * @param key     the authority list's key; null for a date
     * @param value   the ISO date; null for others
     * @param surface the words as printed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entity(int page, String type, String key, String value, String surface) {
    }

    public static GroundTruth read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), GroundTruth.class);
    }

    public void write(Path target) throws IOException {
        Files.writeString(target, JSON.writeValueAsString(this) + "\n");
    }

    /**
     * The truth of several files read as one document, in the given order: pages renumbered on,
     * entities with them, the file names joined by " + ".
     */
    public static GroundTruth joined(List<GroundTruth> truths) {
        if (truths.size() == 1) {
            return truths.get(0);
        }
        List<String> languages = new ArrayList<>();
        List<PageText> pages = new ArrayList<>();
        List<Entity> entities = new ArrayList<>();
        for (GroundTruth truth : truths) {
            int offset = pages.size();
            truth.languages().stream().filter(l -> !languages.contains(l)).forEach(languages::add);
            truth.pages().forEach(p -> pages.add(new PageText(offset + p.number(), p.text())));
            truth.entities().forEach(e -> entities.add(new Entity(offset + e.page(), e.type(), e.key(), e.value(),
                    e.surface())));
        }
        return new GroundTruth(String.join(" + ", truths.stream().map(GroundTruth::file).toList()), languages, pages,
                entities);
    }

    /** The pages' text joined by form feeds, as an archive's document.txt is. */
    public String text() {
        return String.join("\n\f", pages.stream().map(PageText::text).toList());
    }
}
