package org.workersarchive.pipeline.archive;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Why the archive cannot be written just now, and where: a failure that is the archive's (its disk
 * full, a folder of it read-only), not the input's.
 *
 * @param why   what the system said, for the input's reason
 * @param where the folder of the archive that could not be written; the inbox takes inputs again
 *              once a file can be written there (and, for a full disk, once space has returned)
 */
public record ArchiveProblem(String why, Path where) {

    public ArchiveProblem {
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(where, "where");
    }

    /** Whether the disk is full (or the quota spent): then space must return, not only a small write succeed. */
    boolean isFullDisk() {
        return why.contains("No space left on device") || why.contains("Disk quota exceeded");
    }
}
