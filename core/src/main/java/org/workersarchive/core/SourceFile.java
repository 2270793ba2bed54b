package org.workersarchive.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The scan a document was made from.
 *
 * @param path      where it was read from (the inbox or a batch input); never written to
 * @param fileName  its name as the user gave it
 * @param sha256    lower-case hex SHA-256 of its bytes: its fixity and its identity
 * @param mediaType detected from the bytes, e.g. {@code application/pdf}
 * @param size      in bytes
 * @param pageCount how many of the document's pages it gave
 * @param metadata  descriptive fields found in it (PDF info), key to value
 */
public record SourceFile(Path path, String fileName, String sha256, String mediaType, long size, int pageCount,
                         Map<String, String> metadata) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size for " + fileName);
        }
        if (pageCount < 0) {
            throw new IllegalArgumentException("negative page count for " + fileName);
        }
        metadata = Map.copyOf(metadata);
    }
}
