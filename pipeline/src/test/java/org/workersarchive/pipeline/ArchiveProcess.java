package org.workersarchive.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.workersarchive.pipeline.cli.ArchiveCli;

/**
 * A command of {@code ./archive} (broker, worker, watch) in a process of its own, as on another
 * machine: started with this JVM's class path, its output in a log file the test reads.
 */
final class ArchiveProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ArchiveProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** @param arguments the command and its options, e.g. "worker", "--broker", URL */
    static ArchiveProcess start(Path log, String heap, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), ArchiveCli.class.getName()));
        command.addAll(List.of(arguments));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ArchiveProcess(process, log);
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> logLines() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    /** SIGKILL: no shutdown hook, no commit, nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for the process to end; returns its exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            throw new AssertionError("the process did not stop within 2 minutes of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
