package org.workersarchive.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.workersarchive.core.FileNames;
import org.workersarchive.core.Fixity;
import org.workersarchive.core.SourceFile;

/**
 * Keeps originals byte-for-byte under their checksum: {@code originals/<sha256>.<ext>}. A copy is
 * written under a temporary name, verified against the checksum, then renamed, so an original in
 * the store is always whole. Thread-safe for distinct files.
 */
public final class OriginalStore {

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");
    /** The extension an original is kept with, by the media type its bytes were detected as. */
    private static final Map<String, String> EXTENSIONS = Map.of(
            "application/pdf", "pdf", "image/tiff", "tif", "image/jpeg", "jpg", "image/png", "png");
    private static final String UNKNOWN_EXTENSION = "bin";

    private final Path originalsDir;

    public OriginalStore(Path originalsDir) {
        this.originalsDir = originalsDir;
    }

    /**
     * Stores a copy of one of a document's source files, named by its checksum and the extension of
     * its detected type ({@code bin} for a type without one); see {@link #store(Path, String, String)}.
     */
    public Path store(SourceFile source) throws IOException {
        return store(source.path(), source.sha256(), EXTENSIONS.getOrDefault(source.mediaType(), UNKNOWN_EXTENSION));
    }

    /**
     * Stores a copy of the input unless the same bytes are stored already.
     *
     * @param sha256    the input's checksum, lower-case hex: the stored file's name
     * @param extension lower-case letters and digits (pdf, tif)
     * @return the stored original
     * @throws IOException              when the copy cannot be written or does not match the checksum
     * @throws IllegalArgumentException when the checksum or extension could make any other name
     */
    public Path store(Path input, String sha256, String extension) throws IOException {
        if (!Fixity.isSha256(sha256) || !EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("an original is stored as SHA256.EXT, not " + sha256 + "." + extension);
        }
        Path target = FileNames.resolveIn(originalsDir, sha256 + "." + extension);
        if (Files.isRegularFile(target) && Fixity.sha256(target).equals(sha256)) {
            return target;
        }
        Files.createDirectories(originalsDir);
        Path partial = originalsDir.resolve("." + sha256 + "." + UUID.randomUUID() + ".partial");
        try {
            Files.copy(input, partial, StandardCopyOption.COPY_ATTRIBUTES);
            String copied = Fixity.sha256(partial);
            if (!copied.equals(sha256)) {
                throw new IOException("the copy of " + input + " has checksum " + copied + ", expected " + sha256
                        + ": the file changed while it was read, or the disk is failing");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
