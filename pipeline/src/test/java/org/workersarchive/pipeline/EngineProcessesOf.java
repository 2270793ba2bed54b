package org.workersarchive.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What /proc says of the OCR engine processes that a pipeline on a given archive started. */
final class EngineProcessesOf {

    private EngineProcessesOf() {
    }

    /**
     * The live engine processes of an archive: their command line names the archive (the folder of
     * their crash reports), so each test's engines are told from any other's. The command line is
     * read from /proc whole: {@code ProcessHandle.Info} cuts it at 4,096 characters, before the
     * class path of an engine process ends and its main class is named.
     */
    static List<ProcessHandle> live(Path archive) {
        String crashDir = archive.toAbsolutePath().normalize().resolve("logs").toString();
        return ProcessHandle.allProcesses()
                .filter(p -> commandLine(p.pid()).map(c -> c.contains("EngineProcessMain") && c.contains(crashDir))
                        .orElse(false))
                .toList();
    }

    private static Optional<String> commandLine(long pid) {
        try {
            return Optional.of(new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                    StandardCharsets.UTF_8));
        } catch (IOException gone) {
            return Optional.empty();
        }
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
