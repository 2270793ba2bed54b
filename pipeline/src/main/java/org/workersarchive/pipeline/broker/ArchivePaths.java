package org.workersarchive.pipeline.broker;

import java.nio.file.Path;
import org.workersarchive.core.Page;
import org.workersarchive.core.RejectedInputException;

/**
 * A page's image path as it travels between machines: relative to the archive folder, which each
 * machine mounts wherever it likes. JSON carries a path as a file URI, which is always absolute, so
 * on the way the archive folder stands for the root: {@code /tmp/…/p0001.png} is
 * {@code ARCHIVE/tmp/…/p0001.png} on every machine. A path that would leave the archive is refused,
 * whoever sent it.
 */
final class ArchivePaths {

    private static final Path ARCHIVE_ROOT = Path.of("/");

    private ArchivePaths() {
    }

    /** The page with its image's path as it travels: from the archive, the archive as root. */
    static Page travelling(Page page, Path archiveDir) {
        Path image = page.image().path().toAbsolutePath().normalize();
        if (!image.startsWith(archiveDir)) {
            throw new IllegalStateException("page " + page.number() + "'s image " + image + " is not inside the archive "
                    + archiveDir + ", so no worker could find it");
        }
        return page.withImage(page.image().withPath(ARCHIVE_ROOT.resolve(archiveDir.relativize(image))));
    }

    /** The page with its image's path in the archive as this machine mounts it. */
    static Page arrived(Page page, Path archiveDir) {
        Path travelled = page.image().path().normalize();
        Path image = travelled.isAbsolute() ? archiveDir.resolve(ARCHIVE_ROOT.relativize(travelled)).normalize() : null;
        if (image == null || !image.startsWith(archiveDir)) {
            throw new RejectedInputException("page " + page.number() + "'s image path " + page.image().path()
                    + " does not lie inside the archive folder; it was refused");
        }
        return page.withImage(page.image().withPath(image));
    }
}
