package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.core.Fixity;
import org.workersarchive.export.FormatChecks;
import org.workersarchive.export.TeiValidator;

/**
 * The pipeline on several machines, on loopback: a real broker ({@code ./archive broker}), a real
 * ingest node ({@code watch --broker}) and real workers ({@code worker --broker}), each a process
 * of its own. A worker killed with SIGKILL in the middle of a page loses nothing, and every page is
 * done exactly once; a page whose workers keep stopping fails its document with the reason; a
 * worker with other models than the ingest node's reads nothing; a page no worker answers fails
 * its document once the wait is over.
 */
class DistributedIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final List<String> TRACTS = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta");
    private static final int PAGES_PER_TRACT = 6;
    /** The page of each tract that is a full page of text; the others are one line. */
    private static final int FULL_PAGE = 4;
    private static final Pattern READING = Pattern.compile("^reading page (\\d+) \\((\\S+)\\), delivery (\\d+)$");
    private static final Pattern ANSWERED = Pattern.compile("^answered page (\\d+) \\((\\S+)\\) in \\d+ ms$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void aWorkerKilledInTheMiddleOfAPageLosesNothingAndEveryPageIsReadOnce() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path archive = work.resolve("archive");
        Path drawn = drawTracts(work.resolve("drawn"));
        String url = "tcp://127.0.0.1:" + freePort();
        String underWay;
        ArchiveProcess killed;
        ArchiveProcess survivor;
        try (ArchiveProcess broker = startBroker(url);
             ArchiveProcess watch = startWatch(inbox, archive, url, "--workers", "3");
             ArchiveProcess first = startWorker(archive, url, "first");
             ArchiveProcess second = startWorker(archive, url, "second")) {
            moveAll(drawn, inbox);
            // Killed once it has answered a few pages and is reading a full one (which takes seconds).
            waitUntil(() -> answered(first).size() >= 3 && reading(first).size() > answered(first).size()
                    && reading(first).get(reading(first).size() - 1)[0].equals(String.valueOf(FULL_PAGE)), first);
            List<String[]> taken = reading(first);
            underWay = taken.get(taken.size() - 1)[1];
            first.kill();
            killed = first;
            survivor = second;
            waitUntil(() -> documents(archive).size() == TRACTS.size() && ArchiveProcess.inboxFiles(inbox).isEmpty()
                    && names(archive.resolve("state/inputs")).isEmpty(), watch);
            assertEquals(128 + 15, watch.stop(), "the ingest node's status after SIGTERM");
            assertEquals(128 + 15, second.stop(), "the surviving worker's status after SIGTERM");
            assertEquals(128 + 15, broker.stop(), "the broker's status after SIGTERM");
        }
        waitUntil(() -> EngineProcessesOf.live(archive).isEmpty(), null);

        assertEveryDocumentWholeAndValid(archive);
        Map<String, Integer> readers = pagesByReader(archive);
        String killedReader = " pid " + killed.pid();
        String survivorReader = " pid " + survivor.pid();
        assertEquals(2, readers.size(), "pages read by exactly the two workers: " + readers);
        assertTrue(readers.keySet().stream().allMatch(r -> r.endsWith(killedReader) || r.endsWith(survivorReader)),
                "each page recorded as read by one of the workers: " + readers);
        assertTrue(readers.values().stream().allMatch(n -> n > 0), "some pages read by each worker: " + readers);

        List<String[]> redelivered = reading(survivor).stream().filter(line -> line[1].equals(underWay)).toList();
        assertEquals(1, redelivered.size(), "the page under way at the kill was given to the other worker once");
        assertTrue(Integer.parseInt(redelivered.get(0)[2]) >= 2, "and as a redelivery: " + String.join(" ", redelivered.get(0)));
        Map<String, Integer> answers = new HashMap<>();
        Stream.concat(answered(killed).stream(), answered(survivor).stream())
                .forEach(line -> answers.merge(line[1], 1, Integer::sum));
        assertEquals(TRACTS.size() * PAGES_PER_TRACT, answers.size(), "every page answered");
        answers.remove(underWay); // the kill may fall between its answer's log line and its commit
        assertTrue(answers.values().stream().allMatch(n -> n == 1), "every other page answered once: " + answers);
        assertTrue(Files.notExists(archive.resolve("failed")), "nothing failed");
    }

    @Test
    void aPageWhoseWorkersKeepStoppingFailsItsDocumentWithTheReasonAndTheOthersGoThrough() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path archive = work.resolve("archive");
        Path drawn = Files.createDirectories(work.resolve("drawn"));
        Path poison = DrawnPages.fullPage(drawn.resolve("poison-tract_1931.png"), "The tract no worker finishes");
        DrawnPages.slip(drawn.resolve("first-leaflet_1931.png"), "The first leaflet, page 1 of 1");
        DrawnPages.slip(drawn.resolve("second-leaflet_1931.png"), "The second leaflet, page 1 of 1");
        String poisonStaged = "/tmp/" + Fixity.sha256(poison) + "/";
        Path settings = Files.writeString(work.resolve("archive.properties"), "archive.page-deliveries=2\n");
        String url = "tcp://127.0.0.1:" + freePort();
        try (ArchiveProcess broker = startBroker(url);
             ArchiveProcess watch = startWatch(inbox, archive, url, "--workers", "2", "--config", settings.toString())) {
            moveAll(drawn, inbox);
            for (int stop = 1; stop <= 2; stop++) {
                try (ArchiveProcess worker = startWorker(archive, url, "stopped-" + stop, "--config", settings.toString())) {
                    waitUntil(() -> reading(worker).stream().anyMatch(line -> line[1].startsWith(poisonStaged)), worker);
                    worker.kill();
                    assertTrue(answered(worker).stream().noneMatch(line -> line[1].startsWith(poisonStaged)),
                            "killed before it answered the page (a full page takes seconds)");
                }
            }
            try (ArchiveProcess last = startWorker(archive, url, "last", "--config", settings.toString())) {
                waitUntil(() -> documents(archive).size() == 2 && ArchiveProcess.inboxFiles(inbox).isEmpty(), watch);
                assertTrue(reading(last).stream().noneMatch(line -> line[1].startsWith(poisonStaged)),
                        "the page was not tried a third time");
                assertEquals(128 + 15, last.stop());
            }
            assertEquals(128 + 15, watch.stop());
            assertEquals(128 + 15, broker.stop());
        }
        waitUntil(() -> EngineProcessesOf.live(archive).isEmpty(), null);
        assertEquals(List.of("poison-tract_1931.png", "poison-tract_1931.png.reason.txt"), names(archive.resolve("failed")));
        String reason = Files.readString(archive.resolve("failed/poison-tract_1931.png.reason.txt"));
        assertTrue(reason.contains("page 1 was given to workers 2 times, and each stopped before finishing it (killed or "
                + "crashed)"), reason);
        assertEveryDocumentWholeAndValid(archive);
    }

    @Test
    void aWorkerWhoseModelsDifferFromTheIngestNodesReadsNothingAndSaysWhy() throws Exception {
        // The worker's tessdata has another fra model: the pages it read would be credited in the
        // TEI to models that did not read them.
        // Every other model the default languages need (frk, Fraktur, Cyrillic too) is the installed one,
        // or the worker would refuse to start for want of it rather than refuse the page.
        Path tessdata = Files.createDirectories(work.resolve("other-tessdata"));
        Path installed = Path.of("/usr/share/tesseract-ocr/5/tessdata");
        try (Stream<Path> models = Files.list(installed)) {
            for (Path model : models.filter(m -> m.getFileName().toString().endsWith(".traineddata")).toList()) {
                if (!model.getFileName().toString().equals("fra.traineddata")) {
                    Files.createSymbolicLink(tessdata.resolve(model.getFileName()), model);
                }
            }
        }
        Files.copy(installed.resolve("deu.traineddata"), tessdata.resolve("fra.traineddata"));
        Path settings = Files.writeString(work.resolve("worker.properties"), "archive.tessdata=" + tessdata + "\n");
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path archive = work.resolve("archive");
        Path drawn = Files.createDirectories(work.resolve("drawn"));
        DrawnPages.slip(drawn.resolve("leaflet_1931.png"), "A leaflet read by the wrong worker");
        String url = "tcp://127.0.0.1:" + freePort();
        try (ArchiveProcess broker = startBroker(url);
             ArchiveProcess watch = startWatch(inbox, archive, url);
             ArchiveProcess worker = startWorker(archive, url, "other-models", "--config", settings.toString())) {
            moveAll(drawn, inbox);
            waitUntil(() -> Files.exists(archive.resolve("failed/leaflet_1931.png.reason.txt")), watch);
            assertTrue(answered(worker).isEmpty(), "the worker read no page");
            assertEquals(128 + 15, worker.stop());
            assertEquals(128 + 15, watch.stop());
            assertEquals(128 + 15, broker.stop());
        }
        String reason = Files.readString(archive.resolve("failed/leaflet_1931.png.reason.txt"));
        String deu = Fixity.sha256(installed.resolve("deu.traineddata")).substring(0, 12);
        String fra = Fixity.sha256(installed.resolve("fra.traineddata")).substring(0, 12);
        assertTrue(reason.contains("fra " + deu) && reason.contains("fra " + fra), reason);
        assertTrue(reason.contains("not the ingest node's"), reason);
        assertTrue(documents(archive).isEmpty());
    }

    @Test
    void aPageNoWorkerAnswersFailsItsDocumentOnceTheWaitIsOverAndNotBefore() throws Exception {
        // The wait: page-timeout × engine-attempts × page-deliveries, plus a minute: 61 s here.
        Path settings = Files.writeString(work.resolve("archive.properties"),
                "archive.page-timeout=1\narchive.engine-attempts=1\narchive.page-deliveries=1\n");
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path archive = work.resolve("archive");
        Path drawn = Files.createDirectories(work.resolve("drawn"));
        DrawnPages.slip(drawn.resolve("unread_1931.png"), "A leaflet no worker reads");
        String url = "tcp://127.0.0.1:" + freePort();
        Path reasonFile = archive.resolve("failed/unread_1931.png.reason.txt");
        try (ArchiveProcess broker = startBroker(url);
             ArchiveProcess watch = startWatch(inbox, archive, url, "--config", settings.toString())) {
            Instant dropped = Instant.now();
            moveAll(drawn, inbox);
            waitUntil(() -> Files.exists(reasonFile), watch);
            Duration waited = Duration.between(dropped, Instant.now());
            assertTrue(waited.compareTo(Duration.ofSeconds(61)) >= 0, "failed after " + waited);
            assertEquals(128 + 15, watch.stop());
            assertEquals(128 + 15, broker.stop());
        }
        String reason = Files.readString(reasonFile);
        assertTrue(reason.contains("no worker answered for page 1 within 61 s: is any worker running and connected "
                + "to the broker " + url + "?"), reason);
        assertTrue(documents(archive).isEmpty());
    }

    @Test
    void aBrokerThatIsDownDefersEachInputWhichIsReadOnceTheBrokerIsUp() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path archive = work.resolve("archive");
        Path drawn = Files.createDirectories(work.resolve("drawn"));
        DrawnPages.slip(drawn.resolve("outage_1931.png"), "A leaflet dropped while the broker was down");
        String url = "tcp://127.0.0.1:" + freePort();
        try (ArchiveProcess watch = startWatch(inbox, archive, url)) {
            moveAll(drawn, inbox);
            waitUntil(() -> Files.exists(archive.resolve("outcomes.jsonl"))
                    && Files.readString(archive.resolve("outcomes.jsonl")).contains("\"deferred\""), watch);
            String deferred = Files.readString(archive.resolve("outcomes.jsonl"));
            assertTrue(deferred.contains("the broker cannot be reached"), deferred);
            assertTrue(Files.exists(inbox.resolve("outage_1931.png")), "the scan stays in the inbox");
            assertTrue(names(archive.resolve("failed")).isEmpty(), "nothing failed: " + names(archive.resolve("failed")));
            try (ArchiveProcess broker = startBroker(url);
                 ArchiveProcess worker = startWorker(archive, url, "after-outage")) {
                waitUntil(() -> documents(archive).size() == 1 && !Files.exists(inbox.resolve("outage_1931.png")), watch);
                assertEquals(128 + 15, worker.stop());
                assertEquals(128 + 15, watch.stop());
                assertEquals(128 + 15, broker.stop());
            }
        }
        assertTrue(names(archive.resolve("failed")).isEmpty(), "nothing failed");
    }

    @Test
    void aBatchWhoseBrokerIsDownExitsNonZeroWithItsInputsCountedDeferred() throws Exception {
        Path box = Files.createDirectories(work.resolve("box"));
        Path archive = work.resolve("archive");
        DrawnPages.slip(box.resolve("outage_1931.png"), "A leaflet for a broker that is down");
        String url = "tcp://127.0.0.1:" + freePort();
        Path log = work.resolve("logs/batch.log");
        try (ArchiveProcess batch = ArchiveProcess.start(log, "512m", "batch", box.toString(), "--archive",
                archive.toString(), "--broker", url)) {
            assertTrue(batch.waitFor(PATIENCE), "the batch ended; see " + log);
            assertEquals(3, batch.exitValue(), "deferred: " + Files.readString(log));
        }
        String output = Files.readString(log);
        assertTrue(output.contains("1 input(s)"), output);
        for (String row : List.of("ok 0", "duplicate 0", "failed 0", "deferred 1")) {
            assertTrue(output.lines().anyMatch(line -> line.strip().replaceAll("\\s+", " ").equals(row)), row + ": " + output);
        }
        assertTrue(names(archive.resolve("failed")).isEmpty(), "nothing failed");
    }

    private ArchiveProcess startBroker(String url) throws Exception {
        String port = url.substring(url.lastIndexOf(':') + 1);
        ArchiveProcess broker = ArchiveProcess.start(work.resolve("logs/broker.log"), "256m", "broker",
                "--data", work.resolve("broker-data").toString(), "--port", port);
        waitUntil(() -> broker.logLines().stream().anyMatch(line -> line.startsWith("Broker running")), broker);
        return broker;
    }

    private ArchiveProcess startWatch(Path inbox, Path archive, String url, String... settings) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("watch", "--inbox", inbox.toString(), "--archive",
                archive.toString(), "--broker", url));
        arguments.addAll(List.of(settings));
        ArchiveProcess watch = ArchiveProcess.start(work.resolve("logs/watch.log"), "512m", arguments.toArray(String[]::new));
        waitUntil(() -> watch.logLines().stream().anyMatch(line -> line.startsWith("Watching")), watch);
        return watch;
    }

    /** A worker of one engine, so that "in the middle of a page" is one page. */
    private ArchiveProcess startWorker(Path archive, String url, String name, String... settings) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("worker", "--broker", url, "--archive", archive.toString(),
                "--workers", "1"));
        arguments.addAll(List.of(settings));
        ArchiveProcess worker = ArchiveProcess.start(work.resolve("logs/worker-" + name + ".log"), "256m",
                arguments.toArray(String[]::new));
        waitUntil(() -> worker.logLines().stream().anyMatch(line -> line.startsWith("Worker reading pages")), worker);
        return worker;
    }

    /**
     * Six tracts of six page files each (36 pages): one short line of text a page, cheap to read,
     * but for one full page each.
     */
    private static Path drawTracts(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String tract : TRACTS) {
            for (int page = 1; page <= PAGES_PER_TRACT; page++) {
                Path file = folder.resolve(String.format("tract-%s_1930_p%02d.png", tract, page));
                String heading = "Tract " + tract + ", page " + page + " of " + PAGES_PER_TRACT;
                if (page == FULL_PAGE) {
                    DrawnPages.fullPage(file, heading);
                } else {
                    DrawnPages.slip(file, heading);
                }
            }
        }
        return folder;
    }

    /** Renames: each file appears in the inbox whole, all at once. */
    private static void moveAll(Path from, Path inbox) throws IOException {
        for (Path file : BatchRunIT.files(from)) {
            Files.move(file, inbox.resolve(file.getFileName()));
        }
    }

    /** Every document whole and valid against tei_all, each of its pages present once, in order. */
    private static void assertEveryDocumentWholeAndValid(Path archive) throws IOException {
        TeiValidator teiAll = FormatChecks.teiAll();
        for (Path document : documents(archive)) {
            assertEquals(List.of(), teiAll.validate(document.resolve(DocumentFolder.TEI)), document.toString());
            JsonNode pages = JSON.readTree(document.resolve("provenance.json").toFile()).get("pages");
            String[] texts = Files.readString(document.resolve("document.txt")).split("\f");
            assertEquals(pages.size(), texts.length, document + ": a text per page");
            for (int i = 0; i < pages.size(); i++) {
                assertEquals(i + 1, pages.get(i).get("number").asInt(), document + ": pages in order, each once");
                assertTrue(pages.get(i).get("reader").asText().matches(".+ pid \\d+"), document + ": page " + (i + 1)
                        + " names its reader");
                if (pages.size() > 1) {
                    // Its digits only: on a line this short, OCR may take "page" for Russian or lose a space.
                    assertEquals((i + 1) + "" + pages.size(), texts[i].replaceAll("\\D", ""), document + ": page " + (i + 1)
                            + " holds its own text: " + texts[i]);
                }
            }
        }
    }

    private static Map<String, Integer> pagesByReader(Path archive) throws IOException {
        Map<String, Integer> readers = new HashMap<>();
        for (Path document : documents(archive)) {
            for (JsonNode page : JSON.readTree(document.resolve("provenance.json").toFile()).get("pages")) {
                readers.merge(page.get("reader").asText(), 1, Integer::sum);
            }
        }
        return readers;
    }

    /** Each "reading page" line of a worker's log: number, image as it travelled, delivery. */
    private static List<String[]> reading(ArchiveProcess worker) throws IOException {
        return matches(worker, READING);
    }

    private static List<String[]> answered(ArchiveProcess worker) throws IOException {
        return matches(worker, ANSWERED);
    }

    private static List<String[]> matches(ArchiveProcess worker, Pattern pattern) throws IOException {
        List<String[]> found = new ArrayList<>();
        for (String line : worker.logLines()) {
            Matcher m = pattern.matcher(line);
            if (m.matches()) {
                String[] groups = new String[m.groupCount()];
                for (int g = 0; g < groups.length; g++) {
                    groups[g] = m.group(g + 1);
                }
                found.add(groups);
            }
        }
        return found;
    }

    private static List<Path> documents(Path archive) throws IOException {
        Path documents = archive.resolve("documents");
        if (!Files.isDirectory(documents)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(documents)) {
            return folders.filter(folder -> !folder.getFileName().toString().startsWith(".")).sorted().toList();
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    /** Waits for the condition while the process (if any) is alive. */
    private static void waitUntil(Condition condition, ArchiveProcess process) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.holds()) {
            if (process != null && !process.isAlive()) {
                throw new AssertionError("the process ended by itself; see " + process.log());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not done within " + PATIENCE + (process == null ? "" : "; see " + process.log()));
            }
            Thread.sleep(100);
        }
    }
}
