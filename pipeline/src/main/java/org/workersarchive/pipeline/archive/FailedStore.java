package org.workersarchive.pipeline.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.IntStream;
import org.workersarchive.core.FileNames;
import org.workersarchive.core.Fixity;

/**
 * Keeps a copy of every input that failed in {@code archive/failed/}, with a
 * {@code NAME.reason.txt} beside it that says why, so that nothing is lost and a person can act.
 * The input itself is never changed. Both files are written under a temporary name and renamed;
 * the copy is checked against the input's checksum before it is renamed. An input that fails again
 * (after a restart, or a retry) keeps its one copy, with the new reason. A symbolic link is kept as
 * the link itself: its target is not the inbox's to copy.
 */
final class FailedStore {

    /**
     * The longest name a copy is given, in bytes: what the store adds to it, {@code -NN},
     * {@code .reason.txt} and a temporary name's {@code .….partial}, then fits in the 255 bytes
     * of a file name. A longer name is cut; the reason file's first line gives it whole.
     */
    static final int MAX_COPY_NAME_BYTES = 255 - 40;

    private final Path failedDir;

    FailedStore(Path failedDir) {
        this.failedDir = failedDir;
    }

    Path dir() {
        return failedDir;
    }

    /** Copies the input (unless failed/ holds its bytes under its name already) and writes the reason; returns the copy. */
    synchronized Path keep(Path input, String reason) throws IOException {
        Files.createDirectories(failedDir);
        boolean link = Files.isSymbolicLink(input);
        String sha256 = link || !Files.isRegularFile(input) ? null : Fixity.sha256(input);
        // A name from the inbox may hold anything a file system allows; the copy's is made plain.
        String name = FileNames.neutralised(input.getFileName().toString(), MAX_COPY_NAME_BYTES);
        Optional<Path> earlier = link ? earlierCopy(name, sameLink(Files.readSymbolicLink(input)))
                : sha256 == null ? Optional.empty() : earlierCopy(name, sameBytes(sha256));
        Path copy = earlier.orElseGet(() -> freeName(name));
        if (earlier.isEmpty() && (link || sha256 != null)) {
            Path partial = failedDir.resolve("." + copy.getFileName() + ".partial");
            Files.copy(input, partial, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            if (sha256 != null && !Fixity.sha256(partial).equals(sha256)) {
                Files.delete(partial);
                throw new IOException("the copy of " + input + " in " + failedDir + " differs from it: the file changed "
                        + "while it was copied, or the disk is failing");
            }
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        }
        Path reasonFile = reasonFile(copy);
        Path partialReason = failedDir.resolve("." + reasonFile.getFileName() + ".partial");
        // Printable: a line break in a name must not forge lines of the reason file.
        Files.writeString(partialReason, FileNames.printable(input.toString()) + "\n" + FileNames.printable(reason)
                + "\n", StandardCharsets.UTF_8);
        Files.move(partialReason, reasonFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    static Path reasonFile(Path failedCopy) {
        return failedCopy.resolveSibling(failedCopy.getFileName() + ".reason.txt");
    }

    /** Whether a copy kept in failed/ is the same as the input being kept. */
    private interface SameCopy {
        boolean test(Path candidate) throws IOException;
    }

    private static SameCopy sameBytes(String sha256) {
        return candidate -> Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)
                && Fixity.sha256(candidate).equals(sha256);
    }

    /** A link is the same when it points where the input points (a retried link is its own earlier copy). */
    private static SameCopy sameLink(Path target) {
        return candidate -> Files.isSymbolicLink(candidate) && Files.readSymbolicLink(candidate).equals(target);
    }

    /** A copy kept already of the same name (or NAME-2 …) that is the same as the input. */
    private Optional<Path> earlierCopy(String name, SameCopy same) throws IOException {
        for (Path candidate : namesFor(name)) {
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) && !Files.exists(reasonFile(candidate))) {
                return Optional.empty();
            }
            if (same.test(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The name itself, or NAME-2, NAME-3 … when an earlier failure of the same name is kept. */
    private Path freeName(String name) {
        for (Path candidate : namesFor(name)) {
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) && !Files.exists(reasonFile(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("unreachable: the names go on");
    }

    /** NAME, NAME-2, NAME-3 …, without end. */
    private Iterable<Path> namesFor(String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        return () -> IntStream.iterate(1, n -> n + 1)
                .mapToObj(n -> FileNames.resolveIn(failedDir, n == 1 ? name : stem + "-" + n + extension)).iterator();
    }
}
