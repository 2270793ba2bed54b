package org.workersarchive.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * An input that the pipeline has taken on: its checksum, and whether the archive already holds
 * a document made from the same bytes.
 *
 * @param input       the file as given
 * @param sha256      checksum of its bytes
 * @param mediaType   detected from its bytes
 * @param duplicateOf id of the document already made from these bytes, or null
 * @param started     when work on it began
 */
public record Admission(Path input, String sha256, String mediaType, String duplicateOf, Instant started) {

    public Admission {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(started, "started");
    }

    public boolean isDuplicate() {
        return duplicateOf != null;
    }
}
