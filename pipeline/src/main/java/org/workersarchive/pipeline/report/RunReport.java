package org.workersarchive.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.Language;
import org.workersarchive.export.IiifConfig;
import org.workersarchive.export.TeiConfig;
import org.workersarchive.ocr.NativeCpuTime;
import org.workersarchive.review.report.RunReportPage;

/**
 * The outcomes of one run, kept in {@code archive/runs/<timestamp>-<command>/report.json}. The
 * file is rewritten (temporary name, then rename) at most every few seconds while the run goes on,
 * so that a long run leaves a nearly current report even if it is killed, without rewriting a
 * large report after every input; {@link #flush} writes it whole at the end. Thread-safe.
 */
public final class RunReport {

    /** A run's report, in its folder under the archive's runs/. */
    public static final String FILE_NAME = "report.json";
    private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);
    static final DateTimeFormatter RUN_NAME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    /** A batch of ten thousand scans would otherwise rewrite a megabytes-long report per scan. */
    private static final Duration REWRITE_INTERVAL = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path reportFile;
    private final Instant started = Instant.now();
    private final List<InputOutcome> outcomes = new ArrayList<>();
    private final RunProgress listener;
    private Instant lastWritten = Instant.EPOCH;
    private NativeCpuTime ocrCpuTime;
    private boolean finished;
    /**
     * report.html is made of images and ALTO files: rewritten far less often than report.json, and
     * not before a run has gone on this long (a batch writes it once, at its end; the time of a
     * short run is the pipeline's, not its report's).
     */
    private static final Duration HTML_INTERVAL = Duration.ofMinutes(1);
    private Instant lastHtml = Instant.now();
    /** report.html's writer, which keeps the thumbnails it made for the next rewrite. */
    private final RunReportPage htmlPage = new RunReportPage();
    /** Where report.html links each page to: the review server, at the archive's IIIF base URL. */
    private String reviewUrl = IiifConfig.DEFAULT_BASE_URL;
    private int uncertainBelow = TeiConfig.DEFAULT_UNCERTAIN_BELOW;

    /**
     * @param listener told of each outcome after it is recorded, from the thread that recorded it, and of
     *                 the run's progress ({@link #started}, {@link #pagesMade}, {@link #pageRead})
     */
    public RunReport(Path archiveDir, String command, RunProgress listener) throws IOException {
        this.reportFile = newRunFolder(new ArchiveLayout(archiveDir).runs(), RUN_NAME.format(started) + "-" + command)
                .resolve(FILE_NAME);
        this.listener = listener;
    }

    /**
     * Removes this run's folder when nothing was written in it: a run that could not start (the
     * archive held by another run, a setting that cannot be used) leaves no empty run behind, which a
     * later run would take for a run that stopped and rebuild a report for.
     */
    public synchronized void discardIfEmpty() {
        try {
            Files.deleteIfExists(reportFile.getParent());
        } catch (IOException notEmpty) {
            // something was written: it is a run, kept
        }
    }

    /** Tells the progress listener that the run is starting; see {@link RunProgress#starting}. */
    public void starting() {
        listener.starting();
    }

    /** Tells the progress listener that the input was taken; see {@link RunProgress#started}. */
    public void started(Path input) {
        listener.started(input);
    }

    /** Tells the progress listener that the input's pages are made; see {@link RunProgress#pagesMade}. */
    public void pagesMade(Path input, int pages) {
        listener.pagesMade(input, pages);
    }

    /** Tells the progress listener that a page of the input was read; see {@link RunProgress#pageRead}. */
    public void pageRead(Path input) {
        listener.pageRead(input);
    }

    /** A folder of its own for this run, even when another run starts in the same second. */
    static Path newRunFolder(Path runs, String name) throws IOException {
        Files.createDirectories(runs);
        for (int n = 1; ; n++) {
            Path folder = runs.resolve(n == 1 ? name : name + "-" + n);
            try {
                return Files.createDirectory(folder);
            } catch (FileAlreadyExistsException taken) {
                // another run of the same second: try the next name
            }
        }
    }

    public Path file() {
        return reportFile;
    }

    /** report.html links pages to the review server at the IIIF base URL and counts words under the TEI's threshold. */
    public synchronized void describedWith(IiifConfig iiif, TeiConfig tei) {
        this.reviewUrl = iiif.baseUrl();
        this.uncertainBelow = tei.uncertainBelow();
    }

    /** The run's name: its folder's, e.g. 2026-11-25T10-00-00Z-batch. */
    public String runId() {
        return reportFile.getParent().getFileName().toString();
    }

    /**
     * Adds an outcome; rewrites the report when it was last written a while ago. A report that
     * cannot be rewritten now (the archive's disk full) does not hold the input up: the outcome is
     * kept, and written with the next rewrite or at the end.
     */
    public void record(InputOutcome outcome) {
        synchronized (this) {
            outcomes.add(outcome);
            if (Duration.between(lastWritten, Instant.now()).compareTo(REWRITE_INTERVAL) >= 0) {
                try {
                    write();
                } catch (IOException e) {
                    LOG.warn("cannot rewrite the run report {} now: {}", reportFile, e.getMessage());
                    lastWritten = Instant.now();
                }
            }
            notifyAll();
        }
        listener.accept(outcome);
    }

    /**
     * Records the CPU time the run's OCR engines spent in Tesseract and Leptonica, written in the
     * summary from then on: what the run spent beyond it is the pipeline's own work.
     */
    public synchronized void ocrCpuTime(NativeCpuTime spent) {
        this.ocrCpuTime = spent;
    }

    /** Writes the report with every outcome recorded so far, marked finished (the run is over), and its report.html. */
    public synchronized void flush() throws IOException {
        finished = true;
        write();
        writeHtml();
    }

    /** report.html, the report as a person reads it (review's RunReportPage); a page that cannot be made is said. */
    private void writeHtml() {
        try {
            htmlPage.write(reportFile.getParent(), reviewUrl, uncertainBelow);
            lastHtml = Instant.now();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write {} beside {}: {}", RunReportPage.FILE, reportFile, e.getMessage());
        }
    }

    /** Waits until at least {@code count} outcomes are recorded. */
    public synchronized void awaitOutcomes(int count) throws InterruptedException {
        while (outcomes.size() < count) {
            wait();
        }
    }

    public synchronized List<InputOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    public synchronized Map<InputOutcome.Status, Integer> counts() {
        Map<InputOutcome.Status, Integer> counts = new EnumMap<>(InputOutcome.Status.class);
        for (InputOutcome.Status status : InputOutcome.Status.values()) {
            counts.put(status, 0);
        }
        outcomes.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
        return counts;
    }

    private void write() throws IOException {
        List<ObjectNode> inputs = outcomes.stream().map(RunReport::inputNode).toList();
        ObjectNode root = reportOf(started, inputs);
        if (ocrCpuTime != null) {
            ObjectNode cpu = ((ObjectNode) root.get("summary")).putObject("ocrCpuSeconds");
            cpu.put("tesseract", ocrCpuTime.tesseractNanos() / 1_000_000 / 1000.0);
            cpu.put("leptonica", ocrCpuTime.leptonicaNanos() / 1_000_000 / 1000.0);
        }
        if (finished) {
            root.put("finished", Instant.now().toString());
        }
        writeAtomically(reportFile, root);
        NewNames.write(reportFile.getParent(), outcomes, JSON);
        lastWritten = Instant.now();
        if (Duration.between(lastHtml, lastWritten).compareTo(HTML_INTERVAL) >= 0) {
            writeHtml();
        }
    }

    /**
     * Writes the report of a run that was stopped (killed, crashed) before it could write it
     * whole, from what the archive's outcome record holds of that run.
     *
     * @param reportFile the run's report.json
     * @param inputs     the run's lines of the outcome record, in the order they were recorded
     */
    public static void rebuild(Path reportFile, List<JsonNode> inputs) throws IOException {
        Instant started = inputs.stream().map(input -> input.path("recorded").asText(null))
                .filter(java.util.Objects::nonNull).map(Instant::parse).min(Instant::compareTo).orElse(Instant.now());
        ObjectNode root = reportOf(started, inputs);
        root.put("rebuilt", "the run stopped before it could write this report; rebuilt from the archive's "
                + "outcome record by a later run");
        root.put("finished", Instant.now().toString());
        writeAtomically(reportFile, root);
    }

    /** Whether a run's report was written at its end, rather than left by a run that stopped. */
    public static boolean isFinished(Path reportFile) {
        try {
            return Files.isRegularFile(reportFile) && JSON.readTree(reportFile.toFile()).has("finished");
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static ObjectNode reportOf(Instant started, List<? extends JsonNode> inputs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("started", started.toString());
        root.put("updated", Instant.now().toString());
        ObjectNode summary = root.putObject("summary");
        summary.put("inputs", inputs.size());
        Map<String, Long> counts = new TreeMap<>();
        for (InputOutcome.Status status : InputOutcome.Status.values()) {
            counts.put(status.name(), 0L);
        }
        inputs.forEach(input -> counts.merge(input.path("status").asText(), 1L, Long::sum));
        for (InputOutcome.Status status : InputOutcome.Status.values()) {
            summary.put(status.name(), counts.get(status.name()));
        }
        ObjectNode pagesByLanguage = summary.putObject("pagesByLanguage");
        inputs.stream().flatMap(input -> java.util.stream.StreamSupport.stream(input.path("pageDetails").spliterator(), false))
                .map(page -> page.path("languages").isEmpty() ? "none" : page.path("languages").get(0).asText())
                .collect(Collectors.groupingBy(language -> language, TreeMap::new, Collectors.counting()))
                .forEach(pagesByLanguage::put);
        ArrayNode array = root.putArray("inputs");
        inputs.forEach(array::add);
        return root;
    }

    private static void writeAtomically(Path reportFile, ObjectNode root) throws IOException {
        Path partial = reportFile.resolveSibling("." + reportFile.getFileName() + ".partial");
        JSON.writeValue(partial.toFile(), root);
        Files.move(partial, reportFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** An outcome as report.json and the archive's outcome record give it. */
    public static ObjectNode inputNode(InputOutcome outcome) {
        ObjectNode node = JSON.createObjectNode();
        node.put("path", outcome.input().toString());
        outcome.files().forEach(file -> node.withArray("files").add(file.toString()));
        node.put("sha256", outcome.sha256());
        node.put("mediaType", outcome.mediaType());
        node.put("status", outcome.status().name());
        node.put("reason", outcome.reason());
        node.put("documentId", outcome.documentId());
        node.put("pages", outcome.pages().size());
        putConfidence(node, outcome.meanConfidence());
        ArrayNode pages = node.putArray("pageDetails");
        for (InputOutcome.PageOutcome page : outcome.pages()) {
            ObjectNode pageNode = pages.addObject();
            pageNode.put("number", page.number());
            Language.models(page.languages()).forEach(pageNode.putArray("languages")::add);
            putConfidence(pageNode, page.meanConfidence());
            pageNode.put("words", page.words());
            pageNode.put("script", page.script().name());
            pageNode.put("rotationDegrees", page.rotationDegrees());
            pageNode.put("skewDegrees", page.skewDegrees());
        }
        ObjectNode outputs = node.putObject("outputs");
        outcome.outputs().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> outputs.put(e.getKey(), e.getValue().toString()));
        node.put("seconds", Math.round(outcome.seconds() * 100) / 100.0);
        return node;
    }

    private static void putConfidence(ObjectNode node, Double meanConfidence) {
        if (meanConfidence == null) {
            node.putNull("meanConfidence");
        } else {
            node.put("meanConfidence", Math.round(meanConfidence * 10) / 10.0);
        }
    }
}
