package org.workersarchive.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.workersarchive.ingest.ScanIdentity;

/**
 * An input that the pipeline has taken on: its checksum, and whether the archive already holds
 * a document made from the same bytes.
 *
 * @param input       the file as given
 * @param identity    its checksum, type and size, from its bytes
 * @param duplicateOf id of the document already made from these bytes, or null
 * @param started     when work on it began
 */
public record Admission(Path input, ScanIdentity identity, String duplicateOf, Instant started) {

    public Admission {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(started, "started");
    }

    /** Read by the routes (as {@code body.duplicate}) to choose between duplicate and new. */
    public boolean isDuplicate() {
        return duplicateOf != null;
    }
}
