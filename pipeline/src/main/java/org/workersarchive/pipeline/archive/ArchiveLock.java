package org.workersarchive.pipeline.archive;

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
 * One run at a time writes to an archive: its duplicate index, its journal of inputs under way and
 * the clean-up after a stopped run all assume so. The lock is the operating system's, on
 * {@code ARCHIVE/.pipeline.lock}, so it goes with its process however that ends, SIGKILL included.
 */
final class ArchiveLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ArchiveLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the archive's lock, or fails saying which run holds it.
     *
     * @param holder what this run is, written in the lock file for the next one to read
     */
    static ArchiveLock take(Path archiveDir, String holder) {
        Path file = new ArchiveLayout(archiveDir).lock();
        try {
            Files.createDirectories(archiveDir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String other = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new ArchiveBusyException("another run is working on the archive " + archiveDir
                        + (other.isEmpty() ? "" : " (" + other + ")")
                        + ": one run at a time; stop it first, or drop the files into the inbox it watches", null);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + ", process " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            return new ArchiveLock(channel, lock);
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

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The lock goes with the channel, and both with the process.
        }
    }
}
