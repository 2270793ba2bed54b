package org.workersarchive.pipeline.archive;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.ingest.ScanIdentity;
import org.workersarchive.ingest.ScanSet;

/**
 * A set of scan files that the pipeline has taken on: their checksums, and whether the archive
 * already holds a document made from the same bytes.
 *
 * @param set          the files as given, with their sidecar
 * @param identities   each file's checksum, type and size, from its bytes, in the set's order
 * @param sha256       the set's checksum (the file's own for a single file)
 * @param duplicateOf  id of the document already made from these bytes, or null
 * @param reprocessing id of the document made from these bytes before, which this run makes again; or null
 * @param runsStopped  earlier runs that took this input up and stopped (killed, crashed) before its outcome
 * @param writtenBeforeStop id of the document one of those runs wrote from it, or null
 * @param started      when work on it began
 */
public record Admission(ScanSet set, List<ScanIdentity> identities, String sha256, String duplicateOf,
                        String reprocessing, int runsStopped, String writtenBeforeStop, Instant started) {

    public Admission {
        Objects.requireNonNull(set, "set");
        identities = List.copyOf(identities);
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(started, "started");
    }

    /** The set's first file, by which the report names it. */
    public Path input() {
        return set.lead();
    }

    /** The media types of the files, as the report gives them: one, or several joined by commas. */
    public String mediaType() {
        return String.join(", ", identities.stream().map(ScanIdentity::mediaType).distinct().toList());
    }

    /**
     * Refuses an input that runs kept stopping on (one that crashes the whole process each time),
     * so that the rest can go on.
     *
     * @param attempts how many runs may stop while it is under way
     * @throws RejectedInputException when that many did
     */
    public void requireFewerStopsThan(int attempts) {
        if (runsStopped >= attempts) {
            throw new RejectedInputException("the pipeline stopped " + runsStopped + " times while "
                    + "this input was under way (it was killed, or crashed); set aside so that the rest can go on");
        }
    }

    /**
     * Whether the routes record this input as a duplicate rather than make its document: true also
     * for an input whose own document a stopped run wrote, which needs no new one either.
     */
    public boolean isDuplicate() {
        return duplicateOf != null;
    }
}
