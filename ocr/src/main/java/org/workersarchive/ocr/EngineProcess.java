package org.workersarchive.ocr;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workersarchive.ocr.EngineMessages.PageAnswer;
import org.workersarchive.ocr.EngineMessages.PageRequest;

/**
 * One engine process seen from its parent: a child JVM running {@link EngineProcessMain} with the
 * parent's class path, one page at a time. Used by one thread at a time ({@link EngineProcesses}
 * lends it out).
 */
final class EngineProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineProcess.class);
    /** Lines of the child's standard error kept to explain a crash. */
    private static final int KEPT_ERROR_LINES = 12;
    /** A frame of a Java stack trace, "at …" or "... 2 more": kept out of the last words. */
    private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at |\\.\\.\\. \\d+ more).*");
    /** Stands for the end of the child's output in the answer queue. */
    private static final String END = new String("end of output");

    /** What became of a page sent to the process. */
    sealed interface Outcome {
        /** The process answered: the page, a rejection or a failure. */
        record Answered(PageAnswer answer) implements Outcome {
        }

        /** The process died before it answered; {@code how} says how, for a reason text. */
        record Died(String how) implements Outcome {
        }

        /** No answer within the time allowed; the process has been killed. */
        record TimedOut() implements Outcome {
        }
    }

    private final Process process;
    private final BufferedWriter requests;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Deque<String> lastErrors = new ArrayDeque<>();
    private final Path crashLog;
    private final Thread errorReader;
    private int pagesRead;

    private EngineProcess(Process process, Path crashLog) {
        this.process = process;
        this.crashLog = crashLog;
        this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        startDaemon("engine-" + process.pid() + "-answers", this::readAnswers);
        this.errorReader = startDaemon("engine-" + process.pid() + "-errors", this::readErrors);
    }

    /**
     * Starts a child JVM and sends it the configuration. Tesseract's OpenMP threads are limited to
     * one in the child, whatever the parent's environment: pages are read in parallel by processes.
     *
     * @param crashLogDir where the JVM writes its report if native code crashes in it
     */
    static EngineProcess start(OcrConfig config, EngineLimits limits, Path crashLogDir) {
        try {
            Files.createDirectories(crashLogDir);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new ArrayList<>(List.of(java.toString(),
                    "-Xmx" + limits.heapMegabytes() + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                    "-XX:ErrorFile=" + crashLogDir.resolve("engine-crash-%p.log"),
                    "-cp", System.getProperty("java.class.path"), EngineProcessMain.class.getName()));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process = builder.start();
            EngineProcess engine = new EngineProcess(process, crashLogDir.resolve("engine-crash-" + process.pid() + ".log"));
            engine.send(EngineMessages.write(config));
            LOG.debug("engine process {} started", process.pid());
            return engine;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an OCR engine process: " + e.getMessage(), e);
        }
    }

    /** Sends one page and waits for what becomes of it, at most {@code timeout}. */
    Outcome read(PageRequest request, Duration timeout) throws InterruptedException {
        try {
            send(EngineMessages.write(request));
        } catch (IOException broken) {
            return died();
        }
        String line = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            kill();
            return new Outcome.TimedOut();
        }
        if (line == END) {
            return died();
        }
        pagesRead++;
        return new Outcome.Answered(EngineMessages.read(line, PageAnswer.class));
    }

    int pagesRead() {
        return pagesRead;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the process by closing its input, as a finished run does; kills it if it does not go. */
    @Override
    public void close() {
        try {
            requests.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException alreadyGone) {
            kill();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(String line) throws IOException {
        requests.write(line);
        requests.newLine();
        requests.flush();
    }

    /** How the process ended, in words: its signal or exit status, the native frame, its last words. */
    private Outcome died() throws InterruptedException {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            kill();
        }
        errorReader.join(2000); // its last words, which may still be in the pipe
        int status = process.exitValue();
        // After a native crash the JVM writes its report and aborts: the report names the real signal.
        String how = nativeCrash().map(crash -> crash + " (JVM report: " + crashLog + ")")
                .orElseGet(() -> (status > 128 ? "killed by " + signalName(status - 128) : "exit status " + status)
                        + lastError().map(error -> ", last message: " + error).orElse(""));
        return new Outcome.Died(how);
    }

    /** The signal and the native frame that the JVM's crash report names, such as "SIGSEGV in libtesseract.so.5". */
    private Optional<String> nativeCrash() {
        if (!Files.isRegularFile(crashLog)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(crashLog, StandardCharsets.ISO_8859_1)) {
            List<String> head = lines.limit(40).toList();
            String signal = head.stream().filter(l -> l.matches("#\\s+(SIG\\w+).*")).findFirst()
                    .map(l -> l.replaceFirst("#\\s+(SIG\\w+).*", "$1")).orElse("a native crash");
            String frame = head.stream().filter(l -> l.matches("#\\s+C\\s+\\[.*")).findFirst()
                    .map(l -> l.replaceFirst("#\\s+C\\s+\\[([^+\\]]+).*", "$1")).orElse(null);
            return Optional.of(frame == null ? signal : signal + " in " + frame);
        } catch (IOException | UncheckedIOException unreadable) {
            return Optional.of("a native crash");
        }
    }

    private Optional<String> lastError() {
        synchronized (lastErrors) {
            return lastErrors.stream().filter(line -> !line.isBlank() && !line.startsWith("#")).reduce((a, b) -> b);
        }
    }

    private void readAnswers() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(EngineMessages.ANSWER_PREFIX)) {
                    answers.add(line.substring(EngineMessages.ANSWER_PREFIX.length()));
                } else {
                    LOG.debug("engine process {}: {}", process.pid(), line);
                }
            }
        } catch (IOException closed) {
            // The process is gone; END below says so to whoever waits for an answer.
        }
        answers.add(END);
    }

    private void readErrors() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                LOG.debug("engine process {}: {}", process.pid(), line);
                if (STACK_FRAME.matcher(line).matches()) {
                    continue; // the exception a Java stack trace belongs to says more than its frames
                }
                synchronized (lastErrors) {
                    lastErrors.addLast(line);
                    if (lastErrors.size() > KEPT_ERROR_LINES) {
                        lastErrors.removeFirst();
                    }
                }
            }
        } catch (IOException closed) {
            // The process is gone.
        }
    }

    /** A process killed by a signal exits with 128 + its number; the JVM aborts (SIGABRT) after a native crash. */
    private static String signalName(int number) {
        return switch (number) {
            case 4 -> "SIGILL";
            case 6 -> "SIGABRT";
            case 7 -> "SIGBUS";
            case 8 -> "SIGFPE";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 15 -> "SIGTERM";
            default -> "signal " + number;
        };
    }

    private static Thread startDaemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
