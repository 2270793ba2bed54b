package org.workersarchive.pipeline.archive;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which files some process holds open for writing, as Linux tells in {@code /proc}: each
 * descriptor of each process ({@code /proc/PID/fd/N}) that is one of the files (same device and
 * inode), opened to write ({@code flags} in {@code /proc/PID/fdinfo/N}). A copy that pauses with
 * its file open is not done, however long its size stays the same. One look costs a stat per open
 * descriptor of the machine: about 30 ms for 500 to 800 descriptors on a loaded 2-core machine,
 * which the inbox spends once a poll, and only when a set is ready to be taken. Where {@code /proc} does not tell
 * (another system; another user's processes, for a process that is not root), nothing is known to
 * be held, and the quiet time alone decides. Stateless, thread-safe.
 */
public final class OpenWriters {

    private static final Path PROC = Path.of("/proc");
    /** O_ACCMODE: the two low bits of the open flags; O_RDONLY is 0. */
    private static final int ACCESS_MODE = 3;

    private OpenWriters() {
    }

    /** The files among these that a process holds open for writing; empty where /proc does not tell. */
    public static Set<Path> heldForWriting(Collection<Path> files) {
        Map<Object, Path> fileByKey = new HashMap<>();
        for (Path file : files) {
            Object key = keyOf(file, LinkOption.NOFOLLOW_LINKS);
            if (key != null) {
                fileByKey.put(key, file);
            }
        }
        Set<Path> held = new HashSet<>();
        if (fileByKey.isEmpty() || !Files.isDirectory(PROC.resolve("self").resolve("fd"))) {
            return held;
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, OpenWriters::isProcess)) {
            for (Path process : processes) {
                addHeld(process, fileByKey, held);
            }
        } catch (IOException unreadable) {
            // /proc not listed: nothing is known to be held
        }
        return held;
    }

    /** Whether a process holds the file open for writing (false where /proc does not tell). */
    public static boolean isHeldForWriting(Path file) {
        return !heldForWriting(Set.of(file)).isEmpty();
    }

    private static boolean isProcess(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    /** Adds the files this process holds open for writing; a process that ended, or not ours to see, adds none. */
    private static void addHeld(Path process, Map<Object, Path> fileByKey, Set<Path> held) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                Path file = fileByKey.get(keyOf(descriptor));
                if (file != null && opensForWriting(process.resolve("fdinfo").resolve(descriptor.getFileName()))) {
                    held.add(file);
                }
            }
        } catch (IOException | RuntimeException ended) {
            // gone meanwhile, or another user's
        }
    }

    /** The file's device and inode, through the descriptor's link to it (/proc's links lead to the open file itself). */
    private static Object keyOf(Path file, LinkOption... options) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, options).fileKey();
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** Whether the descriptor's flags (octal, in its fdinfo) say write-only or read-write. */
    private static boolean opensForWriting(Path fdinfo) {
        try {
            for (String line : Files.readAllLines(fdinfo)) {
                if (line.startsWith("flags:")) {
                    return (Integer.parseInt(line.substring("flags:".length()).trim(), 8) & ACCESS_MODE) != 0;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // closed meanwhile
        }
        return false;
    }
}
