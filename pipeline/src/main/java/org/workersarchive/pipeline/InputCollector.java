package org.workersarchive.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.workersarchive.ingest.ScanSets;
import java.util.stream.Stream;

/**
 * The files a batch run takes: every file named on the command line, whatever its name, and
 * under each folder (recursively) every file whose name says it is a scan ({@link ScanSets#isScanName});
 * the run then groups them into documents with {@link ScanSets#group}. The name only selects;
 * the type is then detected from the bytes, so a text file named {@code x.pdf} fails with a reason.
 */
public final class InputCollector {

    private InputCollector() {
    }

    /**
     * @throws IllegalArgumentException naming the first input that does not exist
     */
    public static List<Path> collect(List<Path> inputs) {
        Set<Path> files = new TreeSet<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                files.addAll(scansUnder(input));
            } else if (Files.exists(input)) {
                files.add(input.toAbsolutePath().normalize());
            } else {
                throw new IllegalArgumentException("no such file or folder: " + input);
            }
        }
        return new ArrayList<>(files);
    }

    private static List<Path> scansUnder(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .filter(InputCollector::looksLikeScan)
                    .map(p -> p.toAbsolutePath().normalize())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static boolean looksLikeScan(Path file) {
        return ScanSets.isScanName(file.getFileName().toString());
    }
}
