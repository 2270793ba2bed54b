package org.workersarchive.annotate;

import org.workersarchive.core.EntityType;
import org.workersarchive.core.NameBounds;

/**
 * Tokens {@code start} (inclusive) to {@code end} (exclusive) of a block are an entity.
 *
 * @param key        the authority list's key, or null
 * @param value      a normalised value (the ISO date), or null
 * @param confidence 0 to 1
 * @param bounds     where the name starts and ends in its first and last words, when the recogniser
 *                   knows it better than {@link NameBounds#of} can tell from the words; else null
 */
record TokenMatch(EntityType type, int start, int end, String key, String value, double confidence,
                  NameBounds bounds) {

    TokenMatch {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty match " + start + ".." + end);
        }
    }

    /** A match whose name is its words, less what {@link NameBounds#of} leaves out. */
    TokenMatch(EntityType type, int start, int end, String key, String value, double confidence) {
        this(type, start, end, key, value, confidence, null);
    }

    boolean overlaps(TokenMatch other) {
        return start < other.end && other.start < end;
    }
}
