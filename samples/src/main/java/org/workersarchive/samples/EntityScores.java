package org.workersarchive.samples;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.workersarchive.core.EntityType;

/**
 * Scores found entities against gold ones, per document and per type. An entity is its type and
 * its key (a date: its ISO value); both sides are compared as multisets, so a name found three
 * times where the truth has it twice counts two hits and one false alarm.
 */
public final class EntityScores {

    private EntityScores() {
    }

    /** An entity as scored: its type and its key or value. */
    public record Scored(EntityType type, String keyOrValue) {
    }

    public static Map<EntityType, Prf> score(List<Scored> gold, List<Scored> found) {
        Map<EntityType, Prf> scores = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            Map<String, Integer> expected = counts(gold, type);
            Map<String, Integer> predicted = counts(found, type);
            int tp = 0;
            int fp = 0;
            for (Map.Entry<String, Integer> entry : predicted.entrySet()) {
                int hits = Math.min(entry.getValue(), expected.getOrDefault(entry.getKey(), 0));
                tp += hits;
                fp += entry.getValue() - hits;
            }
            int goldTotal = expected.values().stream().mapToInt(Integer::intValue).sum();
            scores.put(type, new Prf(tp, fp, goldTotal - tp));
        }
        return scores;
    }

    private static Map<String, Integer> counts(List<Scored> entities, EntityType type) {
        Map<String, Integer> counts = new HashMap<>();
        entities.stream().filter(e -> e.type() == type).forEach(e -> counts.merge(e.keyOrValue(), 1, Integer::sum));
        return counts;
    }
}
