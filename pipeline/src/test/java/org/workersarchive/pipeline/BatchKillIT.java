package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.core.Fixity;
import org.workersarchive.pipeline.archive.OutcomeRecord;

/**
 * The real {@code batch} process over a box of 200 files (slips, copies of some under other
 * names, files that are no scans), killed with SIGKILL at random moments at least five times, then
 * run to its end: the archive's outcome record holds the outcome of every input, nothing was made
 * twice, every duplicate is recorded as one, and each killed run's report.json was rebuilt from the
 * record. {@code -Dkill.trials=N} runs more trials than CI's; {@code -Dkill.seed=S} repeats a run.
 */
class BatchKillIT {

    private static final int TRIALS = Integer.getInteger("kill.trials", 1);
    private static final long SEED = Long.getLong("kill.seed", System.nanoTime());
    private static final int KILLS_PER_TRIAL = 5;
    private static final int DISTINCT_SLIPS = 190;
    /** Slips of which two more copies, under other names, are in the box: 6 duplicates. */
    private static final List<Integer> COPIED = List.of(7, 77, 151);
    private static final List<String> BAD = List.of("web page.png", "empty.tif", "cut short.pdf", "note.pdf");
    private static final int INPUTS = DISTINCT_SLIPS + 2 * COPIED.size() + BAD.size();
    /**
     * A kill falls this long after its run started, at most. The box's work takes some 50 s here, and
     * each run spends 2-4 s starting: five runs of at most 8 s leave work for every kill. At 20 s, once
     * runs started faster, the box was done after three kills and the runs after it ended on their own.
     */
    private static final Duration LONGEST_LIFE = Duration.ofSeconds(8);
    private static final Duration PATIENCE = Duration.ofMinutes(15);

    @TempDir
    Path work;

    @Test
    void killedAtRandomMomentsEveryInputsOutcomeIsRecordedOnceWithEveryDuplicate() throws Exception {
        Random random = new Random(SEED);
        System.out.println("batch kill test: " + TRIALS + " trial(s) of " + INPUTS + " inputs, seed " + SEED);
        for (int trial = 1; trial <= TRIALS; trial++) {
            Instant started = Instant.now();
            Path trialDir = work.resolve("trial-" + trial);
            Path box = Files.createDirectories(trialDir.resolve("box"));
            Path archive = trialDir.resolve("archive");
            Map<String, String> sha256ByName = fillBox(box);
            assertEquals(INPUTS, sha256ByName.size());
            // The kills are the test's, not the inputs': no input may be set aside for the runs stopped on it.
            Path settings = Files.writeString(trialDir.resolve("archive.properties"),
                    "archive.input-attempts=" + (4 * KILLS_PER_TRIAL) + "\narchive.workers=2\n");
            List<Long> killedAfterMillis = new ArrayList<>();
            int runs = 0;
            while (killedAfterMillis.size() < KILLS_PER_TRIAL) {
                assertTrue(runs++ < 4 * KILLS_PER_TRIAL, "the runs kept ending before their kill: " + killedAfterMillis);
                boolean lastKill = killedAfterMillis.size() == KILLS_PER_TRIAL - 1;
                try (ArchiveProcess batch = batch(box, archive, trialDir, settings)) {
                    long life = 300 + (long) (random.nextDouble() * LONGEST_LIFE.toMillis());
                    long wait = life;
                    if (lastKill && recordLines(archive).isEmpty()) {
                        // Every kill so far came before a run's first outcome (2-4 s after its start):
                        // this one falls while the run records, so that a stopped run's report is rebuilt.
                        wait = (long) (random.nextDouble() * 2000);
                        life = untilFirstOutcome(archive, batch) + wait;
                    }
                    if (!batch.waitFor(Duration.ofMillis(wait))) {
                        batch.kill();
                        killedAfterMillis.add(life);
                    }
                }
            }
            int status;
            try (ArchiveProcess batch = batch(box, archive, trialDir, settings)) {
                assertTrue(batch.waitFor(PATIENCE), "the last run did not end within " + PATIENCE + "; see " + batch.log());
                status = batch.exitValue();
            }
            String name = "trial " + trial + " (killed after " + killedAfterMillis + " ms; seed " + SEED + ")";
            assertEquals(1, status, name + ": the last run's exit status: the bad files failed");
            assertEveryOutcomeRecordedOnce(box, archive, sha256ByName, name);
            assertEveryStoppedRunsReportRebuilt(archive, name);
            assertTheReportCommandPrintsEveryInput(box, archive, name);
            InboxCrashIT.waitUntilNoEngineIsLeft(archive);
            System.out.printf("batch kill test: %s passed in %d s%n", name,
                    Duration.between(started, Instant.now()).toSeconds());
        }
    }

    /** Milliseconds from now until the archive's record holds an outcome, waited for while the run lives. */
    private static long untilFirstOutcome(Path archive, ArchiveProcess batch) throws Exception {
        Instant start = Instant.now();
        Path record = archive.resolve("outcomes.jsonl");
        while ((!Files.exists(record) || Files.size(record) == 0) && batch.isAlive()) {
            assertTrue(Duration.between(start, Instant.now()).compareTo(PATIENCE) < 0, "no outcome within " + PATIENCE);
            Thread.sleep(20);
        }
        return Duration.between(start, Instant.now()).toMillis();
    }

    private static ArchiveProcess batch(Path box, Path archive, Path trialDir, Path settings) throws IOException {
        return ArchiveProcess.start(trialDir.resolve("batch.log"), "512m", "batch", box.toString(), "--archive",
                archive.toString(), "--config", settings.toString());
    }

    /** The box: distinct slips, two copies each of a few under other names, four bad files; by name, each checksum. */
    private static Map<String, String> fillBox(Path box) throws IOException {
        for (int n = 1; n <= DISTINCT_SLIPS; n++) {
            DrawnPages.slip(box.resolve(slipName(n)), "Feuille " + n + " du Groupe ouvrier communiste");
        }
        for (int n : COPIED) {
            Files.copy(box.resolve(slipName(n)), box.resolve("copy of slip " + n + ".png"));
            Files.copy(box.resolve(slipName(n)), box.resolve("another copy of slip " + n + ".png"));
        }
        Files.writeString(box.resolve(BAD.get(0)), "<html>a web page</html>", StandardCharsets.UTF_8);
        Files.createFile(box.resolve(BAD.get(1)));
        Files.writeString(box.resolve(BAD.get(2)), "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n", StandardCharsets.UTF_8);
        Files.writeString(box.resolve(BAD.get(3)), "just a note", StandardCharsets.UTF_8);
        Map<String, String> sha256ByName = new TreeMap<>();
        for (Path file : BatchRunIT.files(box)) {
            sha256ByName.put(file.getFileName().toString(), Fixity.sha256(file));
        }
        return sha256ByName;
    }

    private static String slipName(int n) {
        return String.format("slip-%03d.png", n);
    }

    private static void assertEveryOutcomeRecordedOnce(Path box, Path archive, Map<String, String> sha256ByName,
                                                       String trial) throws IOException {
        List<JsonNode> lines = recordLines(archive);
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        lines.forEach(line -> latest.put(Path.of(line.get("path").asText()).getFileName().toString(), line));
        assertEquals(new TreeSet<>(sha256ByName.keySet()), new TreeSet<>(latest.keySet()),
                trial + ": every input's outcome is in the record");
        Map<String, Set<String>> namesBySha = sha256ByName.entrySet().stream().collect(Collectors.groupingBy(
                Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toCollection(TreeSet::new))));
        List<String> documents = names(archive.resolve("documents"));
        assertEquals(DISTINCT_SLIPS, documents.size(), trial + ": one document per distinct slip, none twice: " + documents);
        assertEquals(DISTINCT_SLIPS, names(archive.resolve("originals")).size(), trial + ": one original per slip");
        Map<String, String> madeFrom = new HashMap<>();
        for (String document : documents) {
            Path folder = archive.resolve("documents").resolve(document);
            InboxCrashIT.assertManifestHolds(folder, trial);
            JsonNode sources = new ObjectMapper().readTree(folder.resolve(DocumentFolder.PROVENANCE).toFile()).get("sources");
            madeFrom.put(document, Path.of(sources.get(0).get("path").asText()).getFileName().toString());
        }
        for (Map.Entry<String, Set<String>> group : namesBySha.entrySet()) {
            List<JsonNode> outcomes = group.getValue().stream().map(latest::get).toList();
            if (group.getValue().stream().anyMatch(BAD::contains)) {
                outcomes.forEach(o -> assertEquals("failed", o.get("status").asText(), trial + ": " + o));
                continue;
            }
            List<JsonNode> ok = outcomes.stream().filter(o -> o.get("status").asText().equals("ok")).toList();
            assertEquals(1, ok.size(), trial + ": one input of the same bytes has the document: " + outcomes);
            String document = ok.get(0).get("documentId").asText();
            assertEquals(madeFrom.get(document), Path.of(ok.get(0).get("path").asText()).getFileName().toString(),
                    trial + ": the input recorded ok is the one the document was made from");
            for (JsonNode other : outcomes) {
                if (other != ok.get(0)) {
                    assertEquals("duplicate", other.get("status").asText(), trial + ": every copy recorded: " + other);
                    assertEquals(document, other.get("documentId").asText(), trial + ": a duplicate of that document");
                }
            }
        }
        // Nothing twice: no document was made new more than once, and no input was ever recorded a
        // duplicate of the document made from itself.
        Map<String, Long> madeNew = lines.stream().filter(l -> l.get("status").asText().equals("ok")
                        && l.get("reason").isNull()).collect(Collectors.groupingBy(l -> l.get("documentId").asText(),
                Collectors.counting()));
        madeNew.forEach((document, times) -> assertEquals(1L, times, trial + ": " + document + " made " + times + " times"));
        for (JsonNode line : lines) {
            if (line.get("status").asText().equals("duplicate")) {
                String input = Path.of(line.get("path").asText()).getFileName().toString();
                assertTrue(!input.equals(madeFrom.get(line.get("documentId").asText())),
                        trial + ": an input recorded a duplicate of its own document: " + line);
            }
        }
        List<String> failed = names(archive.resolve("failed"));
        assertEquals(2 * BAD.size(), failed.size(), trial + ": each bad file once in failed/, with its reason: " + failed
                + "; the reasons given: " + reasonsIn(archive.resolve("failed")));
        assertEquals(List.of(), names(archive.resolve("state/inputs")), trial + ": the journal is empty");
        assertEquals(List.of(), names(archive.resolve("tmp")), trial + ": staged pages left");
        for (Path file : BatchRunIT.files(box)) {
            assertEquals(sha256ByName.get(file.getFileName().toString()), Fixity.sha256(file),
                    trial + ": a batch's inputs are only read");
        }
    }

    /** Each run's report.json lists exactly what the record holds of that run, killed runs' included. */
    private static void assertEveryStoppedRunsReportRebuilt(Path archive, String trial) throws IOException {
        Map<String, Long> linesByRun = recordLines(archive).stream()
                .collect(Collectors.groupingBy(line -> line.get("run").asText(), TreeMap::new, Collectors.counting()));
        assertTrue(linesByRun.size() >= 2, trial + ": outcomes of several runs recorded: " + linesByRun);
        for (Map.Entry<String, Long> run : linesByRun.entrySet()) {
            Path report = archive.resolve("runs").resolve(run.getKey()).resolve("report.json");
            assertTrue(Files.isRegularFile(report), trial + ": no report of run " + run.getKey());
            JsonNode root = new ObjectMapper().readTree(report.toFile());
            assertEquals(run.getValue().longValue(), root.get("inputs").size(),
                    trial + ": the report of run " + run.getKey() + " holds each outcome it recorded");
            assertTrue(root.has("finished"), trial + ": " + report);
        }
    }

    private static void assertTheReportCommandPrintsEveryInput(Path box, Path archive, String trial) throws Exception {
        Path out = archive.resolveSibling("report.txt");
        try (ArchiveProcess report = ArchiveProcess.start(out, "256m", "report", "--archive", archive.toString())) {
            assertTrue(report.waitFor(Duration.ofMinutes(2)), "./archive report did not end");
            assertEquals(0, report.exitValue(), trial + ": " + report.logLines());
        }
        List<String> printed = Files.readAllLines(out, StandardCharsets.UTF_8);
        for (Path file : BatchRunIT.files(box)) {
            assertTrue(printed.stream().anyMatch(line -> line.contains(" " + file + ": ")),
                    trial + ": ./archive report prints " + file);
        }
        String summary = INPUTS + " input(s) seen: " + DISTINCT_SLIPS + " ok, " + 2 * COPIED.size() + " duplicate, "
                + BAD.size() + " failed, 0 deferred";
        assertTrue(printed.contains(summary), trial + ": " + summary + " in " + printed.subList(
                Math.max(0, printed.size() - 3), printed.size()));
    }

    private static List<JsonNode> recordLines(Path archive) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        OutcomeRecord.read(archive.resolve("outcomes.jsonl"), lines::add);
        return lines;
    }

    /** Each distinct reason of failed/, with how many inputs gave it: what a failure of this test must show. */
    private static Map<String, Long> reasonsIn(Path failed) throws IOException {
        try (Stream<Path> entries = Files.list(failed)) {
            List<Path> reasons = entries.filter(p -> p.getFileName().toString().endsWith(".reason.txt")).toList();
            Map<String, Long> counted = new TreeMap<>();
            for (Path reason : reasons) {
                counted.merge(Files.readString(reason).strip(), 1L, Long::sum);
            }
            return counted;
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
}
