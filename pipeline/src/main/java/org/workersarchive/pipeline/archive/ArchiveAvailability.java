package org.workersarchive.pipeline.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.RejectedInputException;

/**
 * Whether the archive can be written, and what to do when it cannot (a full disk, a folder turned
 * read-only, a network share gone): that is no fault of the input, which stays where it is, and the
 * inbox takes nothing until a pause has passed, then tries again. Thread-safe.
 */
final class ArchiveAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveAvailability.class);
    /** What the operating system says when the archive's disk is full or read-only (ENOSPC, EDQUOT, EROFS). */
    private static final String[] ARCHIVE_ERRORS = {"No space left on device", "Disk quota exceeded",
            "Read-only file system"};

    private final Path archiveDir;
    private final Path staging;
    private final Duration pause;
    private volatile Instant pausedUntil = Instant.EPOCH;

    ArchiveAvailability(ArchiveLayout archive, Duration pause) {
        this.archiveDir = archive.root();
        this.staging = archive.staging();
        this.pause = pause;
    }

    /**
     * What is wrong with the archive, when a failure is the archive's rather than the input's: the
     * disk full or read-only, a file of the archive that cannot be written, or (for a failure that
     * is no rejection of the input) an archive where nothing can be written just now. Empty when
     * the failure is the input's.
     */
    Optional<String> problemIn(Throwable failure) {
        boolean rejected = false;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException io && (namesArchiveError(io) || isAboutTheArchive(io))) {
                return Optional.of(io.getMessage());
            }
            rejected |= t instanceof RejectedInputException;
        }
        return rejected || canWrite() ? Optional.empty() : Optional.of("nothing can be written in " + archiveDir);
    }

    /** Takes no input until the pause has passed; says so once. */
    void pause(String why) {
        if (!isPaused()) {
            LOG.error("the archive {} cannot be written ({}); inputs stay where they are; trying again in {} s",
                    archiveDir, why, pause.toSeconds());
        }
        pausedUntil = Instant.now().plus(pause);
    }

    boolean isPaused() {
        return Instant.now().isBefore(pausedUntil);
    }

    private static boolean namesArchiveError(IOException e) {
        String message = String.valueOf(e.getMessage());
        for (String error : ARCHIVE_ERRORS) {
            if (message.contains(error)) {
                return true;
            }
        }
        return false;
    }

    private boolean isAboutTheArchive(IOException e) {
        return e instanceof FileSystemException fs && !(e instanceof NoSuchFileException) && fs.getFile() != null
                && Path.of(fs.getFile()).toAbsolutePath().startsWith(archiveDir);
    }

    /** Writes, reads back and deletes a small file where the pipeline stages its work. */
    private boolean canWrite() {
        try {
            Path tmp = Files.createDirectories(staging);
            Path probe = Files.createTempFile(tmp, ".probe-", ".partial");
            try {
                Files.write(probe, new byte[64 * 1024]);
                return Files.size(probe) == 64 * 1024;
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
