package org.workersarchive.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** What /proc says of the OCR engine processes that a pipeline on a given archive started. */
final class EngineProcessesOf {

    private EngineProcessesOf() {
    }

    /**
     * The live engine processes of an archive: their command line names the archive (the folder of
     * their crash reports), so each test's engines are told from any other's.
     */
    static List<ProcessHandle> live(Path archive) {
        String crashDir = archive.toAbsolutePath().normalize().resolve("logs").toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("EngineProcessMain") && c.contains(crashDir))
                        .orElse(false))
                .toList();
    }

    /** VmRSS of a process, in kilobytes; 0 once it is gone. */
    static long residentKilobytes(long pid) throws IOException {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (NoSuchFileException gone) {
            return 0;
        }
    }
}
