package org.workersarchive.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps a copy of every input that failed in {@code archive/failed/}, with a
 * {@code NAME.reason.txt} beside it that says why, so that nothing is lost and a person can act.
 * The input itself is never changed. Both files are written under a temporary name and renamed.
 */
final class FailedStore {

    private final Path failedDir;

    FailedStore(Path failedDir) {
        this.failedDir = failedDir;
    }

    /** Copies the input and writes the reason; returns the copy's path. */
    synchronized Path keep(Path input, String reason) throws IOException {
        Files.createDirectories(failedDir);
        Path copy = freeName(input.getFileName().toString());
        if (Files.isRegularFile(input)) {
            Path partial = failedDir.resolve("." + copy.getFileName() + ".partial");
            Files.copy(input, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        }
        Path reasonFile = reasonFile(copy);
        Path partialReason = failedDir.resolve("." + reasonFile.getFileName() + ".partial");
        Files.writeString(partialReason, input + "\n" + reason + "\n", StandardCharsets.UTF_8);
        Files.move(partialReason, reasonFile, StandardCopyOption.ATOMIC_MOVE);
        return copy;
    }

    static Path reasonFile(Path failedCopy) {
        return failedCopy.resolveSibling(failedCopy.getFileName() + ".reason.txt");
    }

    /** The name itself, or NAME-2, NAME-3 … when an earlier failure of the same name is kept. */
    private Path freeName(String name) {
        Path candidate = failedDir.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; Files.exists(candidate) || Files.exists(reasonFile(candidate)); n++) {
            candidate = failedDir.resolve(stem + "-" + n + extension);
        }
        return candidate;
    }
}
