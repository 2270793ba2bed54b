package org.workersarchive.pipeline.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.LockFile;

/**
 * One run at a time writes to an archive: its duplicate index, its journal of inputs under way and
 * the clean-up after a stopped run all assume so. The lock is the operating system's, on
 * {@code ARCHIVE/.pipeline.lock}, so it goes with its process however that ends, SIGKILL included
 * ({@link LockFile}, which the review server's saves take too).
 */
final class ArchiveLock implements AutoCloseable {

    private final LockFile lock;

    private ArchiveLock(LockFile lock) {
        this.lock = lock;
    }

    /**
     * Takes the archive's lock, or fails saying which run holds it.
     *
     * @param holder what this run is, written in the lock file for the next one to read
     */
    static ArchiveLock take(Path archiveDir, String holder) {
        try {
            Files.createDirectories(archiveDir);
            return new ArchiveLock(LockFile.tryTake(archiveDir.resolve(ArchiveLayout.LOCK), holder));
        } catch (LockFile.Held held) {
            String other = held.getMessage();
            throw new ArchiveBusyException("another run is working on the archive " + archiveDir
                    + (other.isEmpty() ? "" : " (" + other + ")")
                    + ": one run at a time; stop it first, or drop the files into the inbox it watches", null);
        } catch (IOException e) {
            throw new ArchiveBusyException("cannot lock the archive " + archiveDir + ": " + describe(e), e);
        }
    }

    /** What the system said, with the file it concerns, as a person reads it. */
    private static String describe(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied (" + e.getMessage() + ")"
                : e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                ? fs.getReason() + " (" + fs.getFile() + ")" : String.valueOf(e.getMessage());
    }

    @Override
    public void close() {
        try {
            lock.close();
        } catch (IOException e) {
            // The lock goes with the channel, and both with the process.
        }
    }
}
