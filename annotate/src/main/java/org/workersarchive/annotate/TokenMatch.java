package org.workersarchive.annotate;

import org.workersarchive.core.EntityType;

/**
 * Tokens {@code start} (inclusive) to {@code end} (exclusive) of a block are an entity.
 *
 * @param key        the authority list's key, or null
 * @param value      a normalised value (the ISO date), or null
 * @param confidence 0 to 1
 */
record TokenMatch(EntityType type, int start, int end, String key, String value, double confidence) {

    TokenMatch {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty match " + start + ".." + end);
        }
    }

    boolean overlaps(TokenMatch other) {
        return start < other.end && other.start < end;
    }
}
