package org.workersarchive.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The archive's lock ({@code .pipeline.lock}): whoever holds it is the one writer of the archive,
 * across processes (the operating system's lock, which goes with its process however that ends) and
 * within this one. POSIX drops every lock a process holds on a file as soon as the process closes
 * any descriptor of that file; so a second taker in the same process must never open the file. It is
 * refused here first, by an in-process table of the archives held, and only the taker that gets an
 * archive's entry opens its lock file, one channel kept open until the lock is closed.
 * Thread-safe; {@link #close} releases it once.
 */
public final class ArchiveLockFile implements AutoCloseable {

    /**
     * The archives this process holds, by their lock file's real place, with who holds each. Static
     * because the operating system's lock is per process: one table per process is what it needs.
     */
    private static final Map<Path, String> HELD_IN_THIS_PROCESS = new ConcurrentHashMap<>();

    /** The lock is held by someone else; the message says who, as the holder wrote it, or is empty. */
    public static final class Held extends Exception {
        Held(String holder) {
            super(holder);
        }
    }

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private ArchiveLockFile(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the archive's lock without waiting, writing who holds it into the lock file.
     *
     * @param archive its folder must exist
     * @param holder  what holds it ("review server, saving …"); the process id is added
     * @throws Held        when another process, or another taker in this one, holds it
     * @throws IOException when the lock file cannot be opened or written
     */
    public static ArchiveLockFile tryTake(ArchiveLayout archive, String holder) throws Held, IOException {
        Path key = archive.root().toRealPath().resolve(ArchiveLayout.LOCK);
        String description = holder + ", process " + ProcessHandle.current().pid();
        String other = HELD_IN_THIS_PROCESS.putIfAbsent(key, description);
        if (other != null) {
            throw new Held(other);
        }
        try {
            return takeFile(key, description);
        } catch (Held | IOException | RuntimeException e) {
            HELD_IN_THIS_PROCESS.remove(key, description);
            throw e;
        }
    }

    /** Only the taker that holds the key's entry in this process gets here: opening the file is safe. */
    private static ArchiveLockFile takeFile(Path key, String description) throws Held, IOException {
        FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String other = Files.readString(key, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new Held(other);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((description + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
        return new ArchiveLockFile(key, channel, lock);
    }

    /** Releases the lock and closes its file; the archive's entry is freed only after that. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                HELD_IN_THIS_PROCESS.remove(key);
            }
        }
    }
}
