package org.workersarchive.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one check every reader of an archive's files makes before it hands a file's bytes to someone
 * else (a web response, an export): the file is a regular file, and its real path (every link
 * followed) lies inside the archive's real path. A link planted in the archive that leads to
 * {@code /etc/passwd}, a device or a folder is then not the archive's file; a link to another of the
 * archive's own files is. Thread-safe; it reads only the file system's metadata.
 */
public final class ArchiveFiles {

    private ArchiveFiles() {
    }

    /**
     * The file's real path, when it is a regular file whose real path is inside the archive's.
     *
     * @param archiveRoot the archive folder (links in it are followed too)
     * @param file        a path in the archive, absolute or relative to the working folder
     * @return empty when the file is missing, not a regular file, a broken or looping link, or leads
     *         out of the archive
     */
    public static Optional<Path> regularFileInside(Path archiveRoot, Path file) {
        try {
            Path root = archiveRoot.toRealPath();
            Path real = file.toRealPath();
            return real.startsWith(root) && !real.equals(root) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                    ? Optional.of(real) : Optional.empty();
        } catch (IOException missingOrLooping) {
            return Optional.empty();
        }
    }
}
