package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Fixity;
import org.workersarchive.export.FormatChecks;
import org.workersarchive.export.TeiValidator;

/**
 * The real {@code watch} process, killed with SIGKILL at random moments while it works through an
 * inbox, then started again, over several trials: every input ends in exactly one place, once.
 * {@code -Dcrash.trials=N} runs more trials than CI's; {@code -Dcrash.seed=S} repeats a run.
 */
class InboxCrashIT {

    private static final int TRIALS = Integer.getInteger("crash.trials", 3);
    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    private static final int KILLS_PER_TRIAL = 3;
    /** Kills fall anywhere from start-up to the end of the work, which takes about 15 s here. */
    private static final Duration LONGEST_LIFE = Duration.ofSeconds(16);
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir
    Path work;

    @Test
    void killedAtRandomMomentsEveryInputEndsInExactlyOnePlaceOnce() throws Exception {
        Random random = new Random(SEED);
        System.out.println("crash test: " + TRIALS + " trials, seed " + SEED);
        TeiValidator teiAll = FormatChecks.teiAll();
        for (int trial = 1; trial <= TRIALS; trial++) {
            Path trialDir = work.resolve("trial-" + trial);
            Path inbox = Files.createDirectories(trialDir.resolve("inbox"));
            Path archive = trialDir.resolve("archive");
            Map<String, Path> inputs = dropInputs(inbox);
            // An input under way at every kill would otherwise be set aside as one that keeps stopping
            // the pipeline (archive.input-attempts, 3 by default): here the kills are the test's, not the input's.
            Path settings = Files.writeString(trialDir.resolve("archive.properties"),
                    "archive.input-attempts=" + (KILLS_PER_TRIAL + 1) + "\narchive.workers=2\n");
            List<Long> killedAfterMillis = new ArrayList<>();
            for (int kill = 1; kill <= KILLS_PER_TRIAL; kill++) {
                try (ArchiveProcess watch = ArchiveProcess.watch(inbox, archive, trialDir.resolve("watch.log"), "512m",
                        "--config", settings.toString())) {
                    long life = 300 + (long) (random.nextDouble() * LONGEST_LIFE.toMillis());
                    Thread.sleep(life);
                    watch.kill();
                    killedAfterMillis.add(life);
                }
            }
            try (ArchiveProcess watch = ArchiveProcess.watch(inbox, archive, trialDir.resolve("watch.log"), "512m",
                    "--config", settings.toString())) {
                waitUntil(() -> ArchiveProcess.inboxFiles(inbox).isEmpty() && journalIsEmpty(archive), watch);
                assertEquals(128 + 15, watch.stop(), "the JVM's status after SIGTERM, its shutdown done");
            }
            String trialName = "trial " + trial + " (killed after " + killedAfterMillis + " ms; seed " + SEED + ")";
            assertEveryInputInExactlyOnePlace(inputs, archive, teiAll, trialName);
            waitUntilNoEngineIsLeft(archive);
        }
    }

    /** Waits (a few minutes at most) until no engine process of the archive is alive. */
    static void waitUntilNoEngineIsLeft(Path archive) throws Exception {
        waitUntil(() -> EngineProcessesOf.live(archive).isEmpty(), null);
    }

    /**
     * The bundled scans (four documents, one of two files), a copy of one under another name, and a
     * web page named as a TIFF: by file name, the checksum of each.
     */
    private static Map<String, Path> dropInputs(Path inbox) throws IOException {
        Map<String, Path> inputs = new TreeMap<>();
        for (Path scan : BatchRunIT.files(Path.of("..", "samples", "bundled", "scans"))) {
            inputs.put(scan.getFileName().toString(), Files.copy(scan, inbox.resolve(scan.getFileName())));
        }
        Path report = inbox.resolve("workers-group-report_1927-06.png");
        inputs.put("copy of the report.png", Files.copy(report, inbox.resolve("copy of the report.png")));
        inputs.put("notes.tif", Files.writeString(inbox.resolve("notes.tif"), "<html>a web page</html>",
                StandardCharsets.UTF_8));
        Map<String, Path> kept = new TreeMap<>();
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            // The inbox empties; the test keeps a copy of each input to compare with what the archive holds.
            Path copy = Files.createDirectories(inbox.resolveSibling("given")).resolve(input.getKey());
            Files.copy(input.getValue(), copy);
            kept.put(input.getKey(), copy);
        }
        return kept;
    }

    private static void assertEveryInputInExactlyOnePlace(Map<String, Path> inputs, Path archive, TeiValidator teiAll,
                                                          String trial) throws IOException {
        Path documents = archive.resolve("documents");
        List<String> folders = names(documents);
        assertEquals(4, folders.size(), trial + ": one document per input, the copy none: " + folders);
        assertTrue(folders.stream().noneMatch(name -> name.startsWith(".")), trial + ": half-written left: " + folders);
        for (String folder : folders) {
            Path document = documents.resolve(folder);
            assertManifestHolds(document, trial);
            assertEquals(List.of(), teiAll.validate(document.resolve(DocumentFolder.TEI)), trial + ": " + folder);
        }
        Set<String> originals = new TreeSet<>(names(archive.resolve("originals")));
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            if (input.getKey().equals("notes.tif")) {
                continue;
            }
            String sha256 = Fixity.sha256(input.getValue());
            Path original = originals.stream().filter(name -> name.startsWith(sha256 + "."))
                    .map(archive.resolve("originals")::resolve).findFirst()
                    .orElseThrow(() -> new AssertionError(trial + ": no original of " + input.getKey()));
            assertEquals(sha256, Fixity.sha256(original), trial + ": the original of " + input.getKey());
        }
        assertEquals(5, originals.size(), trial + ": one original per distinct scan: " + originals);
        assertEquals(List.of("notes.tif", "notes.tif.reason.txt"), names(archive.resolve("failed")),
                trial + ": the bad file once in failed/, with its reason");
        assertTrue(Files.readString(archive.resolve("failed/notes.tif.reason.txt")).contains("unsupported type text/html"));
        assertEquals(Files.readString(inputs.get("notes.tif")), Files.readString(archive.resolve("failed/notes.tif")));
        assertEquals(List.of(), names(archive.resolve("tmp")), trial + ": staged pages left");
    }

    /** Every file of the folder but the manifest is listed in it with its checksum, and none is missing. */
    static void assertManifestHolds(Path document, String trial) throws IOException {
        Map<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(document.resolve(DocumentFolder.CHECKSUMS))) {
            listed.put(line.substring(66), line.substring(0, 64));
        }
        Map<String, String> present = new TreeMap<>();
        try (Stream<Path> files = Files.walk(document)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = document.relativize(file).toString();
                if (!relative.equals(DocumentFolder.CHECKSUMS)) {
                    present.put(relative, Fixity.sha256(file));
                }
            }
        }
        assertEquals(listed, present, trial + ": " + document.getFileName() + " is whole");
    }

    private static boolean journalIsEmpty(Path archive) {
        try {
            return names(archive.resolve("state/inputs")).isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    private static void waitUntil(Condition condition, ArchiveProcess watch) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.holds()) {
            if (watch != null && !watch.isAlive()) {
                throw new AssertionError("the watch process ended by itself; see " + watch.log());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not done within " + PATIENCE + (watch == null ? "" : "; see " + watch.log()));
            }
            Thread.sleep(250);
        }
    }
}
