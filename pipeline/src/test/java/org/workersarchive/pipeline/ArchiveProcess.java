package org.workersarchive.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.workersarchive.pipeline.cli.ArchiveCli;

/**
 * A command of {@code ./archive} (watch, broker, worker) in a process of its own, as an archivist
 * starts it or as on another machine, for the tests that kill it or measure it: started with this
 * JVM's class path, its output in a log file the test reads.
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
        return startAs(List.of(), log, heap, arguments);
    }

    /**
     * As {@link #start}, the JVM started by a command that sets how it runs, e.g. {@code setpriv}
     * dropping the capabilities that let root read any file.
     */
    static ArchiveProcess startAs(List<String> launcher, Path log, String heap, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), ArchiveCli.class.getName()));
        command.addAll(List.of(arguments));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ArchiveProcess(process, log);
    }

    /**
     * The real {@code watch} command on an inbox and an archive.
     *
     * @param heap     its -Xmx, e.g. "256m"
     * @param settings more command-line options of the watch command
     */
    static ArchiveProcess watch(Path inbox, Path archive, Path log, String heap, String... settings) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("watch", "--inbox", inbox.toString(), "--archive",
                archive.toString()));
        arguments.addAll(List.of(settings));
        return start(log, heap, arguments.toArray(String[]::new));
    }

    /** The files in a watched inbox, but for the watch's own lock file ({@link InboxLock#FILE_NAME}), which stays. */
    static List<Path> inboxFiles(Path inbox) throws IOException {
        return BatchRunIT.files(inbox).stream()
                .filter(file -> !file.getFileName().toString().equals(InboxLock.FILE_NAME)).toList();
    }

    /** The documents an archive holds: its folders in documents/, but for a hidden one being written. */
    static int documentCount(Path archive) throws IOException {
        Path documents = archive.resolve("documents");
        if (!Files.isDirectory(documents)) {
            return 0;
        }
        try (Stream<Path> folders = Files.list(documents)) {
            return (int) folders.filter(Files::isDirectory).filter(f -> !f.getFileName().toString().startsWith("."))
                    .count();
        }
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

    /** Waits at most this long for the process to end by itself; whether it did. */
    boolean waitFor(java.time.Duration patience) throws InterruptedException {
        return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exit status of a process that has ended. */
    int exitValue() {
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no commit, nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, as a service manager stops it: a watch finishes the documents under way, then the JVM
     * exits with 143 (128 + the signal), as every JVM does after SIGTERM. Returns its exit status.
     */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            throw new AssertionError("the process did not stop within 2 minutes of SIGTERM; see " + log);
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
