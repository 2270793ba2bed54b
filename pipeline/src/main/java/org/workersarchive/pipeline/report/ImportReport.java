package org.workersarchive.pipeline.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.workersarchive.core.ArchiveLayout;

/**
 * What an import of corrected PAGE or ALTO files did, kept in
 * {@code archive/runs/<timestamp>-import/report.json}: each file, the document and page it was
 * matched to, the words it changed, and where the new version went, or why it failed. Written whole
 * at the end. Not thread-safe: one import runs in one thread.
 */
public final class ImportReport {

    private static final String COMMAND = "import";

    /**
     * One corrected file's outcome.
     *
     * @param file         the file as given
     * @param status       {@code ok} or {@code failed}
     * @param reason       for a failure, or how the version was kept
     * @param documentId   the document it was matched to, or null
     * @param page         the page it was matched to, or 0
     * @param wordsChanged the words of the page the archive did not have
     * @param examples     a few of them, "old → new"
     * @param tei          the document's TEI that now reads the correction, or null
     * @param version      the version folder written, or null
     */
    public record Entry(Path file, String status, String reason, String documentId, int page, int wordsChanged,
                        List<String> examples, Path tei, Path version) {

        public Entry {
            examples = List.copyOf(examples);
        }

        public static Entry failed(Path file, String reason, String documentId, int page) {
            return new Entry(file, "failed", reason, documentId, page, 0, List.of(), null, null);
        }

        public boolean ok() {
            return status.equals("ok");
        }
    }

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Instant started = Instant.now();
    private final Path file;
    private final List<Entry> entries = new ArrayList<>();

    public ImportReport(Path archiveDir) throws IOException {
        this.file = RunReport.newRunFolder(new ArchiveLayout(archiveDir).runs(),
                RunReport.RUN_NAME.format(started) + "-" + COMMAND).resolve("report.json");
    }

    /** The run's name, its folder's: named in the TEI's revision history and the version's folder. */
    public String runId() {
        return file.getParent().getFileName().toString();
    }

    public Path file() {
        return file;
    }

    public void record(Entry entry) {
        entries.add(entry);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Writes the report (temporary name, then rename). */
    public void write() throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("started", started.toString());
        root.put("finished", Instant.now().toString());
        ObjectNode summary = root.putObject("summary");
        summary.put("files", entries.size());
        summary.put("ok", entries.stream().filter(Entry::ok).count());
        summary.put("failed", entries.stream().filter(e -> !e.ok()).count());
        summary.put("documents", entries.stream().filter(Entry::ok).map(Entry::documentId).distinct().count());
        ArrayNode files = root.putArray("files");
        for (Entry entry : entries) {
            ObjectNode node = files.addObject();
            node.put("path", entry.file().toString());
            node.put("status", entry.status());
            node.put("reason", entry.reason());
            node.put("documentId", entry.documentId());
            node.put("page", entry.page());
            node.put("wordsChanged", entry.wordsChanged());
            entry.examples().forEach(node.putArray("examples")::add);
            node.put("tei", entry.tei() == null ? null : entry.tei().toString());
            node.put("version", entry.version() == null ? null : entry.version().toString());
        }
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        json.writeValue(partial.toFile(), root);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
