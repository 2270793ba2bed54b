package org.workersarchive.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.workersarchive.pipeline.cli.ArchiveCli;

/**
 * The real {@code watch} command in a process of its own, as an archivist starts it, for the tests
 * that kill it or measure it: started with this JVM's class path, its output in a log file.
 */
final class WatchProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private WatchProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param heap the watch process's -Xmx, e.g. "256m"
     * @param settings more command-line options of the watch command
     */
    static WatchProcess start(Path inbox, Path archive, Path log, String heap, String... settings) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), ArchiveCli.class.getName(),
                "watch", "--inbox", inbox.toString(), "--archive", archive.toString()));
        command.addAll(List.of(settings));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new WatchProcess(process, log);
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

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, as a service manager stops it: the documents under way are finished, then the JVM
     * exits with 143 (128 + the signal), as every JVM does after SIGTERM.
     */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            throw new AssertionError("the watch process did not stop within 2 minutes of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    /** Resident memory of the process itself, from /proc, in kilobytes. */
    long residentKilobytes() throws IOException {
        return EngineProcessesOf.residentKilobytes(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
