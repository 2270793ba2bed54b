package org.workersarchive.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.workersarchive.annotate.NameModels;
import org.workersarchive.export.IiifConfig;
import org.workersarchive.export.TeiConfig;

/**
 * The review server, read-only, in a JVM of its own with a heap of the test's choosing, as
 * {@code ./archive serve} runs it: what a request does to the heap shows only in a real process.
 * The process ends when its standard input closes, so that it never outlives its test.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Serves the archive; the server's log goes to {@code log}. */
    public static void main(String[] args) throws IOException {
        try (ReviewServer server = ReviewServer.start(new ReviewConfig(Path.of(args[0]), "127.0.0.1", 0, true, null,
                TeiConfig.defaults(), IiifConfig.defaults(), null, NameModels.none()))) {
            System.out.println("serving on port " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Until the test closes our input.
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    static ServerProcess start(Path archive, String heap, Path log) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), ServerProcess.class.getName(),
                archive.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant give = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(give) && process.isAlive()) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith("serving on port ")) {
                    return new ServerProcess(process, log, Integer.parseInt(line.substring(16).strip()));
                }
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not start within 3 minutes; see " + log);
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
