package org.workersarchive.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-system helpers the stages share. */
public final class Folders {

    private Folders() {
    }

    /**
     * Deletes a folder and everything in it; nothing happens when it does not exist. Links are
     * deleted, not followed. Only for folders the pipeline made itself (staging, partial output).
     */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
