package org.workersarchive.review.search;

import org.workersarchive.core.BoundingBox;

/**
 * One line or one entity the search found.
 *
 * @param entity     true for a name or date of the entity index, false for a line of text
 * @param documentId the document it is in
 * @param page       its page
 * @param lineId     the line it is (or starts) in
 * @param box        where it stands on the page image
 * @param text       the line's text, or the entity's words
 * @param type       the entity's type (person, place, …), or null for a line
 * @param key        the entity's authority key, or null
 */
public record SearchHit(boolean entity, String documentId, int page, String lineId, BoundingBox box, String text,
                        String type, String key) {
}
