package org.workersarchive.core;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** One line of words in reading order. */
public record Line(String id, BoundingBox box, List<Word> words) {

    public Line {
        Ids.requireValid(id);
        Objects.requireNonNull(box, "box");
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("line " + id + " has no words");
        }
    }

    /** The words joined by single spaces. */
    public String text() {
        return words.stream().map(Word::text).collect(Collectors.joining(" "));
    }
}
