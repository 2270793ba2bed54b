package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.pipeline.cli.ArchiveCli;

/**
 * What lies in an inbox or under a batch's inputs, through the real {@code watch} and {@code batch}
 * processes: an inbox that is the archive (or inside it, or holding it), two watches on one inbox,
 * entries that are no files (folders, named pipes, links to folders), empty files, names that are not
 * UTF-8 or hold control characters, and a machine without a UTF-8 locale.
 */
class InboxEntriesIT {

    private static final Path SCANS = Path.of("..", "samples", "bundled", "scans");
    private static final Path SMALL_SCAN = SCANS.resolve("workers-group-report_1927-06.png");
    private static final Path OTHER_SMALL_SCAN = SCANS.resolve("ouvrier-communiste_1930-03_n06-07_p01.png");
    private static final Path LAUNCHER = Path.of("..", "archive").toAbsolutePath().normalize();
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir
    Path work;

    @Test
    void anInboxOrBatchInputThatIsOrHoldsOrLiesInTheArchiveIsRefusedInOneLine() throws Exception {
        Path archive = Files.createDirectories(work.resolve("archive"));
        Path inboxInArchive = Files.createDirectories(archive.resolve("inbox"));
        Path outer = Files.createDirectories(work.resolve("outer"));
        List<List<String>> mistakes = List.of(
                List.of("watch", "--inbox", archive.toString(), "--archive", archive + "/."),
                List.of("watch", "--inbox", inboxInArchive.toString(), "--archive", archive.toString()),
                List.of("watch", "--inbox", outer.toString(), "--archive", outer.resolve("archive").toString()),
                List.of("batch", inboxInArchive.toString(), "--archive", archive.toString()),
                List.of("batch", archive.toString(), "--archive", archive.toString()));
        int run = 0;
        for (List<String> mistake : mistakes) {
            try (ArchiveProcess refused = ArchiveProcess.start(work.resolve("logs/refused-" + run++ + ".log"), "256m",
                    mistake.toArray(String[]::new))) {
                assertTrue(refused.waitFor(Duration.ofMinutes(2)), "refused at once, not run: " + mistake);
                assertEquals(2, refused.exitValue(), String.join("\n", refused.logLines()));
                List<String> said = refused.logLines().stream().filter(line -> line.startsWith("archive")).toList();
                assertEquals(1, said.size(), refused.logLines().toString());
                assertTrue(said.get(0).contains("archive"), said.get(0));
            }
        }
        assertFalse(Files.exists(archive.resolve("failed")), "nothing taken from the archive");
        assertFalse(Files.exists(outer.resolve("archive")), "no archive made inside the inbox");
    }

    @Test
    void aBatchNeverTakesTheFilesOfTheArchiveKeptInsideItsScansFolder() throws Exception {
        Path scans = Files.createDirectories(work.resolve("scans"));
        Path archive = scans.resolve("archive");
        Files.copy(SMALL_SCAN, scans.resolve("report.png"));
        assertEquals(0, ArchiveCli.commandLine().execute("batch", scans.toString(), "--archive", archive.toString(),
                "--workers", "1"));
        assertEquals(1, ArchiveProcess.documentCount(archive));

        PrintStream before = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            status = ArchiveCli.commandLine().execute("batch", scans.toString(), "--archive", archive.toString(),
                    "--workers", "1");
        } finally {
            System.setOut(before);
        }

        String said = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, said);
        assertEquals(1, ArchiveProcess.documentCount(archive), "the archive's own page images and originals were not taken: " + said);
        assertTrue(said.contains("Skipped " + archive.toAbsolutePath().normalize()), said);
        assertTrue(said.contains("1 input(s)"), said);
    }

    @Test
    void aSecondWatchOnAnInboxIsRefusedNamingTheFirstAndAKilledOneBlocksNothing() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        try (ArchiveProcess first = ArchiveProcess.watch(inbox, work.resolve("archive-a"), work.resolve("logs/a.log"),
                "512m", "--workers", "1")) {
            waitUntil(() -> said(first, "Watching "), first);
            try (ArchiveProcess second = ArchiveProcess.watch(inbox, work.resolve("archive-b"),
                    work.resolve("logs/b.log"), "512m", "--workers", "1")) {
                assertTrue(second.waitFor(Duration.ofMinutes(2)), "the second watch refused at once");
                assertEquals(2, second.exitValue(), second.logLines().toString());
                String line = second.logLines().stream().filter(l -> l.startsWith("archive")).findFirst().orElseThrow();
                assertTrue(line.contains("process " + first.pid()), line);
                assertTrue(line.contains(work.resolve("archive-a").toAbsolutePath().normalize().toString()), line);
            }
            assertFalse(Files.exists(work.resolve("archive-b").resolve("runs")), "the refused watch started no run");
            first.kill();
        }
        try (ArchiveProcess third = ArchiveProcess.watch(inbox, work.resolve("archive-b"), work.resolve("logs/c.log"),
                "512m", "--workers", "1")) {
            waitUntil(() -> said(third, "Watching "), third);
        }
    }

    @Test
    void entriesTheInboxCannotTakeEachGetTheirOutcomeOnceAndEmptyFilesBlockNothing() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("odd-inbox"));
        Path archive = work.resolve("odd-archive");
        // Left there long ago: an empty file changed a moment ago may be a copy not begun, and is held as one.
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        for (int i = 1; i <= 8; i++) {
            Files.setLastModifiedTime(Files.createFile(inbox.resolve("empty-" + i + ".png")), anHourAgo);
        }
        Files.createDirectories(inbox.resolve("x.pdf"));
        Files.copy(SMALL_SCAN, inbox.resolve("x.pdf").resolve("inside.png"));
        Path deep = inbox.resolve("deep");
        for (int i = 0; i < 60; i++) {
            deep = deep.resolve("d");
        }
        Files.createDirectories(deep);
        Files.createSymbolicLink(inbox.resolve("linked"), Files.createDirectories(work.resolve("elsewhere")));
        shell("mkfifo " + inbox.resolve("pipe.pdf"));
        shell("printf 'x' > \"" + inbox + "/$(printf 'bad\\377\\376.png')\"");
        Path escaped = Files.writeString(inbox.resolve("esc\u001b[31mred\nline.png"), "<html>no scan</html>");
        Files.setLastModifiedTime(escaped, anHourAgo);
        Files.copy(SMALL_SCAN, inbox.resolve("scan.png"));

        try (ArchiveProcess watch = ArchiveProcess.watch(inbox, archive, work.resolve("logs/odd.log"), "512m",
                "--workers", "1")) {
            waitUntil(() -> outcomes(archive).size() >= 15, watch);
            Thread.sleep(12_000); // two more looks at the inbox: nothing said twice
            Map<String, List<JsonNode>> byName = byName(outcomes(archive));
            assertEquals("ok", only(byName, "scan.png").path("status").asText(), byName.toString());
            for (int i = 1; i <= 8; i++) {
                JsonNode empty = only(byName, "empty-" + i + ".png");
                assertEquals("failed", empty.path("status").asText());
                assertTrue(empty.path("reason").asText().startsWith("empty file"), empty.toString());
            }
            assertReason(byName, "x.pdf", "a folder, not a file");
            assertReason(byName, "deep", "a folder, not a file");
            assertReason(byName, "linked", "symbolic link to a folder");
            assertReason(byName, "pipe.pdf", "a named pipe (FIFO)");
            assertReason(byName, "bad\uFFFD\uFFFD.png", "the file name is not valid UTF-8");
            assertReason(byName, "esc\u001b[31mred\nline.png", "unsupported type text/html");
            assertEquals(15, byName.size(), byName.keySet().toString());
            assertTrue(Files.exists(inbox.resolve("pipe.pdf")) && Files.isDirectory(inbox.resolve("x.pdf")),
                    "what is no file stays where it is");
            assertTrue(Files.isRegularFile(archive.resolve("failed/empty-1.png")), "an empty file is kept in failed/");
            String log = Files.readString(watch.log(), StandardCharsets.UTF_8);
            assertFalse(log.contains("\u001b"), "no raw escape character printed");
            assertTrue(log.contains("esc\\e[31mred\\nline.png"), log);
        }
        String report = printedBy("report", "--archive", archive.toString(), "pipe.pdf");
        assertTrue(report.contains("a named pipe (FIFO)"), report);
    }

    @Test
    void aScanAmongAThousandEmptyFilesIsTakenFirstNotInItsTurn() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("crowded-inbox"));
        Path archive = work.resolve("crowded-archive");
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        for (int i = 0; i < 1000; i++) {
            Files.setLastModifiedTime(Files.createFile(inbox.resolve(String.format("empty-%04d.png", i))), anHourAgo);
        }
        Files.setLastModifiedTime(Files.copy(SMALL_SCAN, inbox.resolve("scan.png")), anHourAgo);

        try (ArchiveProcess watch = ArchiveProcess.watch(inbox, archive, work.resolve("logs/crowded.log"), "512m",
                "--workers", "1")) {
            waitUntil(() -> outcomes(archive).stream().anyMatch(InboxEntriesIT::isTheScan), watch);
            List<JsonNode> outcomes = outcomes(archive);
            int position = outcomes.indexOf(outcomes.stream().filter(InboxEntriesIT::isTheScan).findFirst().orElseThrow());
            // Taken at the first poll, it is read while empty files fail beside it, at most two a poll of a
            // second: in its turn, it would have come after about 500 of them.
            assertTrue(position < 100, "the scan came after " + position + " empty files");
            assertEquals("ok", outcomes.get(position).path("status").asText(), outcomes.get(position).toString());
        }
    }

    private static boolean isTheScan(JsonNode outcome) {
        return outcome.path("path").asText().endsWith("/scan.png");
    }

    @Test
    void withoutAUtf8LocaleTheLauncherStillTakesCyrillicNamesInABatchAndAWatch() throws Exception {
        Path box = Files.createDirectories(work.resolve("box"));
        Files.copy(SMALL_SCAN, box.resolve("Путь рабочих.png"));
        Files.copy(OTHER_SMALL_SCAN, box.resolve("plain.png"));
        Process batch = launcher(work.resolve("logs/batch-c.log"), "batch", box.toString(), "--archive",
                work.resolve("c-archive").toString(), "--workers", "1");
        assertTrue(batch.waitFor(10, TimeUnit.MINUTES), "the batch ended");
        String batchLog = Files.readString(work.resolve("logs/batch-c.log"), StandardCharsets.UTF_8);
        assertEquals(0, batch.exitValue(), batchLog);
        assertEquals(2, ArchiveProcess.documentCount(work.resolve("c-archive")), batchLog);

        Path inbox = Files.createDirectories(work.resolve("c-inbox"));
        Path archive = work.resolve("c-watch-archive");
        Process watch = launcher(work.resolve("logs/watch-c.log"), "watch", "--inbox", inbox.toString(), "--archive",
                archive.toString(), "--workers", "1");
        try {
            Files.copy(SMALL_SCAN, inbox.resolve("Путь рабочих.png"));
            Files.copy(OTHER_SMALL_SCAN, inbox.resolve("plain.png"));
            Instant deadline = Instant.now().plus(PATIENCE);
            while (ArchiveProcess.documentCount(archive) < 2 || !ArchiveProcess.inboxFiles(inbox).isEmpty()) {
                assertTrue(watch.isAlive() && Instant.now().isBefore(deadline),
                        Files.readString(work.resolve("logs/watch-c.log"), StandardCharsets.UTF_8));
                Thread.sleep(500);
            }
        } finally {
            watch.destroy();
            watch.waitFor(2, TimeUnit.MINUTES);
        }
        String watchLog = Files.readString(work.resolve("logs/watch-c.log"), StandardCharsets.UTF_8);
        assertFalse(watchLog.contains("InvalidPathException"), watchLog);
    }

    /** {@code ./archive} itself, as under a service manager or a minimal container: LANG=C, no LC_ALL. */
    private static Process launcher(Path log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("LANG", "C");
        builder.environment().put("LC_ALL", "");
        builder.environment().remove("LC_CTYPE");
        return builder.start();
    }

    private static void assertReason(Map<String, List<JsonNode>> byName, String name, String start) {
        JsonNode outcome = only(byName, name);
        assertEquals("failed", outcome.path("status").asText(), outcome.toString());
        assertTrue(outcome.path("reason").asText().contains(start), outcome.toString());
    }

    private static JsonNode only(Map<String, List<JsonNode>> byName, String name) {
        List<JsonNode> outcomes = byName.getOrDefault(name, List.of());
        assertEquals(1, outcomes.size(), name + ": " + byName.keySet());
        return outcomes.get(0);
    }

    private static Map<String, List<JsonNode>> byName(List<JsonNode> outcomes) {
        Map<String, List<JsonNode>> byName = new java.util.TreeMap<>();
        for (JsonNode outcome : outcomes) {
            String name = Path.of(outcome.path("path").asText()).getFileName().toString();
            byName.computeIfAbsent(name, n -> new ArrayList<>()).add(outcome);
        }
        return byName;
    }

    /** The archive's outcome record, a line an outcome. */
    private static List<JsonNode> outcomes(Path archive) throws IOException {
        Path record = new ArchiveLayout(archive).outcomes();
        if (!Files.exists(record)) {
            return List.of();
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }


    private static String printedBy(String... arguments) {
        PrintStream before = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            ArchiveCli.commandLine().execute(arguments);
        } finally {
            System.setOut(before);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static void shell(String command) throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        assertTrue(shell.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, shell.exitValue(), new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static boolean said(ArchiveProcess process, String start) {
        try {
            return process.logLines().stream().anyMatch(line -> line.startsWith(start));
        } catch (IOException e) {
            return false;
        }
    }

    private static void waitUntil(Condition condition, ArchiveProcess process) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.holds()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("not done within " + PATIENCE + " (alive: " + process.isAlive() + "): "
                        + String.join("\n", process.logLines()));
            }
            Thread.sleep(500);
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }
}
