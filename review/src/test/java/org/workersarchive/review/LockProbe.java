package org.workersarchive.review;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another process asking whether an archive's lock file is held: the operating system's locks are
 * per process, so only another process can tell whether this one still holds it. Prints
 * {@code held} or {@code free}.
 */
public final class LockProbe {

    private LockProbe() {
    }

    public static void main(String[] args) throws IOException {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            System.out.println(lock == null ? "held" : "free");
        }
    }

    /** What a new JVM running this probe on the lock file says: held or free. */
    static String ask(Path lockFile) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of(URIs.of(LockProbe.class)).toString(), LockProbe.class.getName(), lockFile.toString()));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!probe.waitFor(120, TimeUnit.SECONDS)) {
            probe.destroyForcibly();
            throw new IllegalStateException("the lock probe did not answer in 120 s");
        }
        return new String(probe.getInputStream().readAllBytes()).strip();
    }

    private static final class URIs {
        static java.net.URI of(Class<?> type) {
            try {
                return type.getProtectionDomain().getCodeSource().getLocation().toURI();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
