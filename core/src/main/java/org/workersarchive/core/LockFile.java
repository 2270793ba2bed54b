package org.workersarchive.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lock file whose holder is the one owner of what it guards (the archive's {@code .pipeline.lock},
 * a watched inbox's {@code .archive-watch.lock}), across processes (the operating system's lock,
 * which goes with its process however that ends) and within this one. POSIX drops every lock a
 * process holds on a file as soon as the process closes any descriptor of that file; so a second
 * taker in the same process must never open the file. It is refused here first, by an in-process
 * table of the lock files held, and only the taker that gets a file's entry opens it, one channel
 * kept open until the lock is closed. The holder's description is written in the file, for the
 * refused to name. Thread-safe; {@link #close} releases it once.
 */
public final class LockFile implements AutoCloseable {

    /**
     * The lock files this process holds, by their real place, with who holds each. Static because
     * the operating system's lock is per process: one table per process is what it needs.
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

    private LockFile(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock without waiting, writing who holds it into the lock file (made if missing).
     *
     * @param file   the lock file; its folder must exist
     * @param holder what holds it ("review server, saving …"); the process id is added
     * @throws Held        when another process, or another taker in this one, holds it
     * @throws IOException when the lock file cannot be opened or written
     */
    public static LockFile tryTake(Path file, String holder) throws Held, IOException {
        Path key = file.toAbsolutePath().getParent().toRealPath().resolve(file.getFileName());
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
    private static LockFile takeFile(Path key, String description) throws Held, IOException {
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
            String other = holder(channel);
            channel.close();
            throw new Held(other);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((description + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
        return new LockFile(key, channel, lock);
    }

    /** What the holder wrote, read through the channel already open (at most 4 KiB of it). */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(4096);
        channel.read(bytes, 0);
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).strip();
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
