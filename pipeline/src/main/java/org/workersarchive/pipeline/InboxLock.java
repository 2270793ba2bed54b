package org.workersarchive.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One watch at a time on an inbox: two would take the same files into two archives, and each
 * defer what the other moved. The lock is the operating system's, on {@code INBOX/.archive-watch.lock}
 * (hidden, so the inbox never takes it), so a killed watch does not keep the next one out. The file
 * is opened once and kept open: POSIX drops a process's lock when any descriptor of the file closes.
 */
public final class InboxLock implements AutoCloseable {

    /** The lock file's name in the inbox. */
    public static final String FILE_NAME = ".archive-watch.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InboxLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
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
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new IllegalArgumentException("the inbox " + inbox + " is watched already"
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + ": one watch at a time on an inbox; "
                        + "stop that watch first, or give another inbox");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("watch into the archive " + archive.toAbsolutePath().normalize()
                    + ", process " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new InboxLock(channel, lock);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot lock the inbox " + inbox + " (" + file + "): " + e.getMessage()
                    + ": give an inbox you can write in", e);
        }
    }

    /** What the holder wrote, read through the channel already open: another descriptor's close would drop a lock. */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(4096);
        channel.read(bytes, 0);
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).strip();
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    /** Lets the next watch in; the lock file stays, to be taken again. */
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
