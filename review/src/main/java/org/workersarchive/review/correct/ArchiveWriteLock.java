package org.workersarchive.review.correct;

import java.io.IOException;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.LockFile;

/**
 * The archive's lock ({@code .pipeline.lock}), held while a correction is written, as
 * {@code ./archive import} holds it: a run (batch, watch, retry, import) and a save never write one
 * archive at once. It is the operating system's lock on the same file the pipeline's runs take, so
 * the two exclude each other across processes; the server takes it for each save only, never
 * between saves, so that runs may start while it serves. A write refused while a save holds it
 * never touches the lock file ({@link LockFile}), so the save keeps it to its end.
 */
public final class ArchiveWriteLock implements AutoCloseable {

    /** The archive is held by a run, or by another save: no correction can be written now. */
    public static final class Busy extends IllegalStateException {
        Busy(String message) {
            super(message);
        }
    }

    private final LockFile lock;

    private ArchiveWriteLock(LockFile lock) {
        this.lock = lock;
    }

    /** @throws Busy naming the run or save that holds it */
    public static ArchiveWriteLock take(ArchiveLayout archive, String holder) throws IOException {
        try {
            return new ArchiveWriteLock(LockFile.tryTake(archive.root().resolve(ArchiveLayout.LOCK), holder));
        } catch (LockFile.Held held) {
            String other = held.getMessage();
            throw new Busy("the archive is being written by another run" + (other.isEmpty() ? "" : " (" + other + ")")
                    + "; corrections are saved when no run holds it: try again when it has finished");
        }
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
