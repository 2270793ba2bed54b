package org.workersarchive.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * One run of the real command line in this process, as {@code ./archive} runs it, with what it
 * said: picocli's own streams and {@code System.out}, which the commands print their progress on.
 *
 * @param status the exit status
 * @param err    what went to the error stream
 * @param out    what went to the output streams
 */
record CliRun(int status, String err, String out) {

    static CliRun of(String... args) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream systemOut = System.out;
        int status;
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            CommandLine cli = ArchiveCli.commandLine();
            cli.setErr(new PrintWriter(err, true));
            cli.setOut(new PrintWriter(out, true));
            status = cli.execute(args);
        } finally {
            System.setOut(systemOut);
        }
        return new CliRun(status, err.toString(), out + printed.toString(StandardCharsets.UTF_8));
    }

    /**
     * A user's mistake, as every one must be said: exit status 2, one line on the error stream
     * holding each part given (the problem, the fix), no stack trace, nothing else printed.
     */
    CliRun isMistake(String... parts) {
        assertEquals(2, status, this::toString);
        assertEquals(1, err.strip().lines().count(), () -> "one line: " + this);
        for (String part : parts) {
            assertTrue(err.contains(part), () -> "'" + part + "' in: " + this);
        }
        assertFalse(err.contains("\tat ") || err.contains("Exception"), () -> "no stack trace: " + this);
        assertTrue(out.isBlank(), () -> "nothing else printed: " + this);
        return this;
    }

    /** Every path under the folder, to compare before and after a run: what it left behind. */
    static List<String> tree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.map(path -> folder.relativize(path).toString()).sorted().toList();
        }
    }
}
