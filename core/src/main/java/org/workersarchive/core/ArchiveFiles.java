package org.workersarchive.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Which files of an archive may be read out of it: a link must not carry a reader outside. */
public final class ArchiveFiles {

    private ArchiveFiles() {
    }

    /**
     * Whether {@code file} is a regular file whose real path (every link resolved) lies inside
     * {@code root}'s real path: a link to /etc/passwd, or to anything else outside, is not.
     * A link to a file inside the archive is. False when either does not exist or cannot be resolved.
     */
    public static boolean isRegularInside(Path root, Path file) {
        try {
            Path real = file.toRealPath();
            return real.startsWith(root.toRealPath()) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | SecurityException e) {
            return false; // missing, a loop of links, or unreadable: nothing to copy
        }
    }
}
