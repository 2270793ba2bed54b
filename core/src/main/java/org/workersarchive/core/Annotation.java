package org.workersarchive.core;

import java.util.List;
import java.util.Objects;

/**
 * A stand-off entity: it points at the words it covers and copies none of their text.
 *
 * @param id         unique within its document
 * @param type       what it is
 * @param wordIds    consecutive words of one page and one block, in reading order, not empty
 * @param key        the authority list's {@code xml:id} of the entry, or null for a name not in the list
 * @param value      a normalised value, or null: for a date the ISO 8601 form (1923, 1923-06, 1923-06-05)
 * @param confidence 0 to 1: how sure the annotator is
 * @param annotator  which annotator made it, for provenance
 */
public record Annotation(String id, EntityType type, List<String> wordIds, String key, String value,
                         double confidence, String annotator) {

    public Annotation {
        Ids.requireValid(id);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(annotator, "annotator");
        wordIds = List.copyOf(wordIds);
        if (wordIds.isEmpty()) {
            throw new IllegalArgumentException("annotation " + id + " covers no words");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("annotation " + id + " confidence out of 0..1: " + confidence);
        }
    }

    public String firstWordId() {
        return wordIds.get(0);
    }

    public String lastWordId() {
        return wordIds.get(wordIds.size() - 1);
    }
}
