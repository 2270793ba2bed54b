package org.workersarchive.core;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A block of text (a column paragraph, a heading) made of lines in reading order. */
public record Block(String id, BoundingBox box, List<Line> lines) {

    public Block {
        Ids.requireValid(id);
        Objects.requireNonNull(box, "box");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("block " + id + " has no lines");
        }
    }

    /** The lines joined by newlines. */
    public String text() {
        return lines.stream().map(Line::text).collect(Collectors.joining("\n"));
    }
}
