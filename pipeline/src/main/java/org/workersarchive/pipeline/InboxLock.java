package org.workersarchive.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.workersarchive.core.LockFile;

/**
 * One watch at a time on an inbox: two would take the same files into two archives, and each
 * defer what the other moved. The lock is the operating system's, on {@code INBOX/.archive-watch.lock}
 * (hidden, so the inbox never takes it), so a killed watch does not keep the next one out
 * ({@link LockFile}).
 */
public final class InboxLock implements AutoCloseable {

    /** The lock file's name in the inbox. */
    public static final String FILE_NAME = ".archive-watch.lock";

    private final LockFile lock;

    private InboxLock(LockFile lock) {
        this.lock = lock;
    }

    /**
     * Takes the inbox's lock for as long as this watch runs, writing the archive and this process in it.
     *
     * @throws IllegalArgumentException naming the watch that holds it, or why it cannot be taken
     */
    public static InboxLock take(Path inbox, Path archive) {
        Path file = inbox.resolve(FILE_NAME);
        try {
            return new InboxLock(LockFile.tryTake(file, "watch into the archive " + archive.toAbsolutePath().normalize()));
        } catch (LockFile.Held held) {
            String holder = held.getMessage();
            throw new IllegalArgumentException("the inbox " + inbox + " is watched already"
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + ": one watch at a time on an inbox; "
                    + "stop that watch first, or give another inbox");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot lock the inbox " + inbox + " (" + file + "): " + e.getMessage()
                    + ": give an inbox you can write in", e);
        }
    }

    /** Lets the next watch in; the lock file stays, to be taken again. */
    @Override
    public void close() {
        try {
            lock.close();
        } catch (IOException e) {
            // The lock goes with the channel, and both with the process.
        }
    }
}
