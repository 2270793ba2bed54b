package org.workersarchive.core;

import java.util.Objects;

/**
 * One recognised word.
 *
 * @param id         unique within its document (see {@link Ids})
 * @param text       the word as read, never blank
 * @param box        where it stands on its page image
 * @param confidence 0 to 100, as Tesseract reports it; 100 for text taken from a PDF text layer
 */
public record Word(String id, String text, BoundingBox box, double confidence) {

    public Word {
        Ids.requireValid(id);
        Objects.requireNonNull(box, "box");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("word " + id + " has no text");
        }
        if (!(confidence >= 0 && confidence <= 100)) {
            throw new IllegalArgumentException("word " + id + " confidence out of 0..100: " + confidence);
        }
    }
}
