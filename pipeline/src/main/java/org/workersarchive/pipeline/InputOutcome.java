package org.workersarchive.pipeline;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What became of one input file: a line of the run report.
 *
 * @param input          the file as given (inbox or batch input)
 * @param sha256         its checksum, or null when it could not be read
 * @param mediaType      detected from its bytes, or null when detection did not happen
 * @param status         ok, failed or duplicate
 * @param reason         why it failed, or of which document it is a duplicate; null when ok
 * @param documentId     the document made from it (or that it duplicates); null when failed
 * @param pages          page count, 0 when unknown
 * @param meanConfidence mean OCR word confidence 0..100, or null when no word was read
 * @param outputs        name to path of what was written (tei, text, folder, provenance, failed copy)
 * @param seconds        wall-clock time spent on it
 */
public record InputOutcome(Path input, String sha256, String mediaType, Status status, String reason,
                           String documentId, int pages, Double meanConfidence, Map<String, Path> outputs,
                           double seconds) {

    /** The status of an input, as written in report.json. */
    public enum Status { ok, failed, duplicate }

    public InputOutcome {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(status, "status");
        outputs = Map.copyOf(outputs);
    }
}
