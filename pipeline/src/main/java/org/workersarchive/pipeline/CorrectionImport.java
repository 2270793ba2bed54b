package org.workersarchive.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.Document;
import org.workersarchive.core.Ids;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.export.ArchiveWriter;
import org.workersarchive.export.ArchivedDocumentReader;
import org.workersarchive.export.AuthorityEntries;
import org.workersarchive.export.CorrectedPage;
import org.workersarchive.export.CorrectedPageReader;
import org.workersarchive.export.Corrections;
import org.workersarchive.export.TeiRevision;
import org.workersarchive.export.WrittenDocument;
import org.workersarchive.pipeline.archive.ArchiveStore;
import org.workersarchive.pipeline.report.ImportReport;
import org.workersarchive.pipeline.report.ImportReport.Entry;

/**
 * {@code ./archive import}: PAGE or ALTO files corrected in Transkribus or eScriptorium (or by hand)
 * become new versions of their documents, kept as a hand correction of a TEI is kept
 * ({@link ArchiveWriter#writeCorrection}). Each file is matched to its document by what it says
 * (PAGE's pcGtsId or documentId item, ALTO's documentIdentifier: what this pipeline writes), else by
 * a document id among the folders of its path or its image's name, and to its page by the same, the
 * image's name ({@code p0003.png}) or the file's. The pages of one document in one import make one
 * version, built on what the document's TEI reads (an earlier import's version, when one put its TEI
in place); its entities are found again in the corrected text. Holds the archive's lock while it
 * works. Knows nothing of Camel. Not thread-safe.
 */
public final class CorrectionImport {

    private static final Pattern PAGE_NAME = Pattern.compile("(?:^|[^0-9])p?0*(\\d{1,6})\\.[A-Za-z0-9]+$");

    private final PipelineConfig config;
    private final ArchiveLayout archive;

    public CorrectionImport(PipelineConfig config) {
        this.config = config;
        this.archive = config.archive();
    }

    /**
     * Imports the files and writes the run's report.
     *
     * @param files      PAGE or ALTO files
     * @param documentId the document every file is of, or null to match each by what it says
     */
    public ImportReport run(List<Path> files, String documentId) throws IOException {
        ImportReport report = new ImportReport(archive.root());
        ArchiveStore held;
        try {
            held = ArchiveStore.open(archive, "run " + report.runId(), false, config.store());
        } catch (RuntimeException cannotStart) {
            // Another run holds the archive: this import did nothing, and leaves no run folder.
            report.discard();
            throw cannotStart;
        }
        try (ArchiveStore store = held) {
            Map<String, Map<Integer, CorrectedPage>> byDocument = new TreeMap<>();
            for (Path file : files) {
                match(file, documentId, report).ifPresent(m -> {
                    CorrectedPage earlier = byDocument.computeIfAbsent(m.documentId(), k -> new TreeMap<>())
                            .putIfAbsent(m.page(), m.corrected());
                    if (earlier != null) {
                        report.record(Entry.failed(file, "page " + m.page() + " of " + m.documentId()
                                + " is given twice in this import, also by " + earlier.file(), m.documentId(), m.page()));
                    }
                });
            }
            AuthorityList authority = Files.isRegularFile(archive.authorityList())
                    ? AuthorityList.load(archive.authorityList()) : AuthorityList.bundled();
            AuthorityEntries entries = Files.isRegularFile(archive.authorityList())
                    ? AuthorityEntries.read(archive.authorityList()) : AuthorityEntries.NONE;
            ArchiveWriter writer = new ArchiveWriter(archive, config.tei(), entries, config.iiif());
            DocumentAnnotator annotator = new DocumentAnnotator(authority, config.nameModels());
            for (Map.Entry<String, Map<Integer, CorrectedPage>> document : byDocument.entrySet()) {
                importDocument(document.getKey(), document.getValue(), writer, annotator, report);
            }
        } finally {
            report.write();
        }
        return report;
    }

    /** A file matched to a page of a document of the archive. */
    private record Match(String documentId, int page, CorrectedPage corrected) {
    }

    private Optional<Match> match(Path file, String forced, ImportReport report) {
        CorrectedPage corrected;
        try {
            corrected = new CorrectedPageReader().read(file);
        } catch (IOException e) {
            report.record(Entry.failed(file, e.getMessage(), null, 0));
            return Optional.empty();
        }
        Optional<String> document = Optional.ofNullable(forced).or(() -> documentOf(corrected));
        if (document.isEmpty()) {
            report.record(Entry.failed(file, "no document of the archive is named in the file (pcGtsId, documentId, "
                    + "documentIdentifier), its path or its image's; give it with --document ID", null, 0));
            return Optional.empty();
        }
        if (!Files.isRegularFile(archive.document(document.get()).tei())) {
            report.record(Entry.failed(file, "the archive has no document " + document.get(), document.get(), 0));
            return Optional.empty();
        }
        Optional<Integer> page = Optional.ofNullable(corrected.pageNumber())
                .or(() -> pageNamed(corrected.imageName())).or(() -> pageNamed(file.getFileName().toString()));
        if (page.isEmpty()) {
            report.record(Entry.failed(file, "the page is not named (pcGtsId, PHYSICAL_IMG_NR, an image or file "
                    + "named like p0003.png)", document.get(), 0));
            return Optional.empty();
        }
        return Optional.of(new Match(document.get(), page.get(), corrected));
    }

    /** The document the file names itself, or whose id is a folder of its path or its image's. */
    private Optional<String> documentOf(CorrectedPage corrected) {
        List<String> candidates = new ArrayList<>();
        if (corrected.documentId() != null) {
            candidates.add(corrected.documentId());
        }
        corrected.file().toAbsolutePath().normalize().forEach(part -> candidates.add(part.toString()));
        if (corrected.imageName() != null) {
            candidates.addAll(List.of(corrected.imageName().split("[/\\\\]")));
        }
        return candidates.stream().filter(id -> id.matches("[A-Za-z][A-Za-z0-9._-]{0,199}"))
                .filter(id -> Files.isRegularFile(archive.document(id).tei())).findFirst();
    }

    private static Optional<Integer> pageNamed(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher page = PAGE_NAME.matcher(name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1));
        return page.find() ? Optional.of(Integer.valueOf(page.group(1))) : Optional.empty();
    }

    private void importDocument(String id, Map<Integer, CorrectedPage> pages, ArchiveWriter writer,
                                DocumentAnnotator annotator, ImportReport report) {
        Instant started = Instant.now();
        Map<CorrectedPage, Corrections.Applied> applied = new LinkedHashMap<>();
        try {
            // What the document's TEI now reads: an earlier import's version, or the pipeline's output.
            Path folder = writer.currentFolder(Ids.requireValid(id)).root();
            Document document = new ArchivedDocumentReader().read(folder);
            for (Map.Entry<Integer, CorrectedPage> page : pages.entrySet()) {
                Corrections.Applied done = Corrections.apply(document, page.getValue(), page.getKey());
                applied.put(page.getValue(), done);
                document = done.document();
            }
            int changed = applied.values().stream().mapToInt(Corrections.Applied::wordsChanged).sum();
            Document annotated = annotator.annotate(withoutEntitySteps(document))
                    .withStep(importStep(pages, changed, started));
            WrittenDocument written = writer.writeCorrection(annotated, report.runId(),
                    revision(pages, changed, report.runId()));
            String kept = written.outcome() == WrittenDocument.Outcome.CORRECTION_IN_PLACE
                    ? "the document's TEI now reads the correction; the whole new version is in versions/" + report.runId()
                    : "the document's TEI had been corrected by hand and is kept; the new version is beside it in versions/"
                    + report.runId() + ", to merge";
            pages.forEach((number, page) -> report.record(new Entry(page.file(), "ok", kept, id, number,
                    applied.get(page).wordsChanged(), applied.get(page).examples(), written.tei(), written.folder())));
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof UncheckedIOException u && u.getCause() != null
                    ? e.getMessage() + ": " + u.getCause().getMessage() : e.getMessage();
            pages.forEach((number, page) -> report.record(Entry.failed(page.file(), reason, id, number)));
        }
    }

    /** The document's steps less its earlier annotation, which the corrected text replaces. */
    private static Document withoutEntitySteps(Document document) {
        return new Document(document.id(), document.description(), document.sources(), document.pages(), List.of(),
                document.provenance().stream().filter(step -> !step.stage().equals("annotate")).toList());
    }

    private static ProcessingStep importStep(Map<Integer, CorrectedPage> pages, int changed, Instant started) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("pages", pages.keySet().toString());
        details.put("files", pages.values().stream().map(p -> p.file().getFileName() + " (" + p.format() + ")").toList()
                .toString());
        details.put("wordsChanged", String.valueOf(changed));
        return new ProcessingStep("import", "Archive pipeline import of corrected PAGE/ALTO",
                org.workersarchive.export.TeiWriter.pipelineVersion(), details, Duration.between(started, Instant.now()));
    }

    private static TeiRevision revision(Map<Integer, CorrectedPage> pages, int changed, String runId) {
        List<String> files = new ArrayList<>();
        pages.forEach((number, page) -> files.add(page.format() + " file " + page.file().getFileName() + " (page "
                + number + ")"));
        return new TeiRevision(LocalDate.now(ZoneOffset.UTC), runId, "Corrected outside the pipeline (Transkribus, "
                + "eScriptorium or by hand) and imported in run " + runId + " from " + String.join(", ", files) + ": "
                + changed + (changed == 1 ? " word" : " words") + " changed; names found again in the corrected text.",
                true);
    }
}
