package org.workersarchive.review.correct;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.workersarchive.core.ArchiveLayout;

/**
 * The archive's lock ({@code .pipeline.lock}), held while a correction is written, as
 * {@code ./archive import} holds it: a run (batch, watch, retry, import) and a save never write one
 * archive at once. It is the operating system's lock on the same file the pipeline's runs take, so
 * the two exclude each other across processes; the server takes it for each save only, never
 * between saves, so that runs may start while it serves.
 */
public final class ArchiveWriteLock implements AutoCloseable {

    /** The archive is held by a run: no correction can be written now. */
    public static final class Busy extends IllegalStateException {
        Busy(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private ArchiveWriteLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws Busy naming the run that holds it */
    public static ArchiveWriteLock take(ArchiveLayout archive, String holder) throws IOException {
        Path file = archive.lock();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        }
        if (lock == null) {
            String other = Files.readString(file, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new Busy("the archive is being written by another run" + (other.isEmpty() ? "" : " (" + other + ")")
                    + "; corrections are saved when no run holds it: try again when it has finished");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((holder + ", process " + ProcessHandle.current().pid() + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        return new ArchiveWriteLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
