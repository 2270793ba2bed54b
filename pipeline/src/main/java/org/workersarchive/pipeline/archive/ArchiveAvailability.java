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
 * inbox takes nothing until the archive can be written again (space has returned to a full disk),
 * which it looks at once a pause. Thread-safe.
 */
final class ArchiveAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveAvailability.class);
    /** What the operating system says when the archive's disk is full or read-only (ENOSPC, EDQUOT, EROFS). */
    private static final String[] ARCHIVE_ERRORS = {"No space left on device", "Disk quota exceeded",
            "Read-only file system"};

    private final Path archiveDir;
    private final Path staging;
    private final Duration pause;
    /** A problem of the archive's is awaited to pass; null when none is. */
    private record Awaited(ArchiveProblem problem, long freeSpaceNeeded) {
    }

    /** Space that must come free on a full disk before it is tried again, at the least. */
    private static final long MIN_SPACE_RETURNED = 1024 * 1024;

    private Instant pausedUntil = Instant.EPOCH;
    private Awaited awaited;

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
    Optional<ArchiveProblem> problemIn(Throwable failure) {
        boolean rejected = false;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException io && (namesArchiveError(io) || isAboutTheArchive(io))) {
                return Optional.of(new ArchiveProblem(String.valueOf(io.getMessage()), folderOf(io)));
            }
            rejected |= t instanceof RejectedInputException;
        }
        return rejected || canWrite(staging) ? Optional.empty()
                : Optional.of(new ArchiveProblem("nothing can be written in " + archiveDir, staging));
    }

    /** Takes no input until the pause has passed; says so once. For an outage that is not the archive's. */
    synchronized void pause(String why) {
        if (!isPaused()) {
            LOG.error("the archive {} cannot be written ({}); inputs stay where they are; trying again in {} s",
                    archiveDir, why, pause.toSeconds());
        }
        pausedUntil = Instant.now().plus(pause);
    }

    /**
     * Takes no input until a file can be written where the archive could not be written, and, when
     * its disk was full, until space has returned: more than was free then, by the input's size at
     * least. Looked at once a pause; said once when it begins and once when it ends, so that an
     * input is not read again and again only to be put off each time.
     *
     * @param inputBytes the size of the input that could not be stored
     */
    synchronized void pauseUntilWritable(ArchiveProblem problem, long inputBytes) {
        if (awaited == null) {
            LOG.error("the archive {} cannot be written ({}); inputs stay where they are, and are taken again once "
                    + "it can be written", archiveDir, problem.why());
        }
        long free = usableSpace(problem.where());
        if (awaited == null || !problem.where().equals(awaited.problem().where())) {
            awaited = new Awaited(problem, free + Math.max(MIN_SPACE_RETURNED, inputBytes));
        }
        pausedUntil = Instant.now().plus(pause);
    }

    /**
     * Whether inputs had better wait: a pause has not passed, or the archive is still what it was
     * when it could not be written (looked at once a pause).
     */
    synchronized boolean isPaused() {
        if (Instant.now().isBefore(pausedUntil)) {
            return true;
        }
        if (awaited != null) {
            if (!isWritableAgain(awaited)) {
                pausedUntil = Instant.now().plus(pause);
                return true;
            }
            // A warning as its start was an error: the log shows warnings and errors only.
            LOG.warn("the archive {} can be written again; inputs are taken again", archiveDir);
            awaited = null;
        }
        return false;
    }

    private boolean isWritableAgain(Awaited waiting) {
        ArchiveProblem problem = waiting.problem();
        return canWrite(problem.where())
                && (!problem.isFullDisk() || usableSpace(problem.where()) >= waiting.freeSpaceNeeded());
    }

    /**
     * The folder of the archive's own (documents/, originals/ …) that a failure names, else the
     * staging folder: a folder of one input's would be gone, or made again only to be probed.
     */
    private Path folderOf(IOException failure) {
        if (failure instanceof FileSystemException fs && fs.getFile() != null) {
            Path file = Path.of(fs.getFile()).toAbsolutePath().normalize();
            if (file.startsWith(archiveDir) && file.getNameCount() > archiveDir.getNameCount() + 1) {
                Path folder = archiveDir.resolve(file.getName(archiveDir.getNameCount()));
                if (Files.isDirectory(folder)) {
                    return folder;
                }
            }
        }
        return staging;
    }

    /** Free space for this process on the disk of the folder, in bytes; 0 when it cannot be told. */
    private static long usableSpace(Path folder) {
        try {
            return Files.getFileStore(Files.isDirectory(folder) ? folder : folder.getParent()).getUsableSpace();
        } catch (IOException | RuntimeException unknown) {
            return 0;
        }
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

    /** Writes, reads back and deletes a small file in the folder (where the pipeline stages its work, say). */
    private static boolean canWrite(Path folder) {
        try {
            Path tmp = Files.createDirectories(folder);
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
