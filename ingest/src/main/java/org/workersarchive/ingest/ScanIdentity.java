package org.workersarchive.ingest;

import java.util.Objects;

/**
 * What a file is, from its bytes: its checksum, its media type and its size. Worked out once, by
 * {@link Ingestor#identify}, and handed to {@link Ingestor#ingest(java.nio.file.Path, ScanIdentity,
 * java.nio.file.Path)} so that the file is not read twice for it.
 *
 * @param sha256    lower-case hex SHA-256
 * @param mediaType detected by Tika, e.g. {@code image/tiff}
 * @param size      in bytes
 */
public record ScanIdentity(String sha256, String mediaType, long size) {

    public ScanIdentity {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
