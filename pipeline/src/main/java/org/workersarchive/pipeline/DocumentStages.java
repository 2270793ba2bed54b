package org.workersarchive.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.core.Document;
import org.workersarchive.core.Folders;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.export.ArchiveWriter;
import org.workersarchive.export.WrittenDocument;
import org.workersarchive.ingest.Ingestor;
import org.workersarchive.ingest.OriginalStore;
import org.workersarchive.ingest.ScanIdentity;
import org.workersarchive.ocr.TesseractEngines;

/**
 * The stages of the pipeline, each a plain call, in the order the routes call them: admit, ingest,
 * recognize (per page, from several threads), recognized, annotate, store; and the outcomes of
 * duplicates and failures. Knows the archive's layout; knows nothing of Camel. Thread-safe.
 */
public final class DocumentStages implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentStages.class);
    private static final Map<String, String> EXTENSIONS = Map.of(
            "application/pdf", "pdf", "image/tiff", "tif", "image/jpeg", "jpg", "image/png", "png");

    private final PipelineConfig config;
    private final Ingestor ingestor;
    private final TesseractEngines engines;
    private final DocumentAnnotator annotator;
    private final ArchiveWriter writer;
    private final OriginalStore originals;
    private final DuplicateIndex duplicates;
    private final FailedStore failed;

    public DocumentStages(PipelineConfig config) {
        this.config = config;
        Path archive = config.archiveDir();
        AuthorityList authority = config.authorityListIfGiven().map(AuthorityList::load).orElseGet(AuthorityList::bundled);
        this.ingestor = new Ingestor(config.ingest());
        this.engines = new TesseractEngines(config.ocr());
        this.annotator = new DocumentAnnotator(authority);
        this.writer = new ArchiveWriter(archive, config.tei());
        this.originals = new OriginalStore(archive.resolve("originals"));
        this.duplicates = new DuplicateIndex(archive.resolve("documents"));
        this.failed = new FailedStore(archive.resolve("failed"));
        publishAuthorityList(authority, archive.resolve("authority.xml"));
    }

    /**
     * Identifies the input (checksum, type from the bytes) and claims its checksum: a duplicate
     * is recognised here, before any work, and the report can name the type of a file that fails
     * later.
     */
    public Admission admit(Path input) {
        Instant started = Instant.now();
        ScanIdentity identity = ingestor.identify(input);
        return new Admission(input, identity, duplicates.claim(identity.sha256()).orElse(null), started);
    }

    /** Makes the document's pages, in a staging folder of the archive. */
    public Document ingest(Admission admission) {
        Path staging = stagingDir(admission).resolve(UUID.randomUUID().toString());
        return ingestor.ingest(admission.input(), admission.identity(), staging);
    }

    /** Reads one page; called from the OCR worker threads, one Tesseract engine each. */
    public Page recognize(Page page) {
        return engines.recognize(page);
    }

    /** Records the OCR step once every page of the document has been read. */
    public Document recognized(Document document, Instant ocrStarted) {
        Map<String, String> details = new HashMap<>(engines.describe());
        details.put("pagesRead", String.valueOf(document.pages().stream()
                .filter(p -> p.textOrigin() == TextOrigin.OCR).count()));
        details.put("pagesFromTextLayer", String.valueOf(document.pages().stream()
                .filter(p -> p.textOrigin() == TextOrigin.TEXT_LAYER).count()));
        return document.withStep(new ProcessingStep("ocr", "Tesseract", engines.tesseractVersion(), details,
                Duration.between(ocrStarted, Instant.now())));
    }

    public Document annotate(Document document) {
        return annotator.annotate(document);
    }

    /** Keeps the original under its checksum, then writes the document folder atomically. */
    public InputOutcome store(Document document, Admission admission) {
        Path original = storeOriginal(admission, document.source().mediaType());
        WrittenDocument written = writer.write(document);
        duplicates.completed(admission.identity().sha256(), written.id());
        deleteStaging(admission);
        Map<String, Path> outputs = Map.of("folder", written.folder(), "tei", written.tei(), "text", written.text(),
                "provenance", written.provenance(), "original", original);
        Double confidence = document.meanConfidence().isPresent() ? document.meanConfidence().getAsDouble() : null;
        return new InputOutcome(admission.input(), admission.identity().sha256(), document.source().mediaType(),
                InputOutcome.Status.ok, null, written.id(),
                document.pages().stream().map(InputOutcome.PageOutcome::of).toList(), confidence, outputs,
                NewNames.of(document), secondsSince(admission.started()));
    }

    public InputOutcome duplicate(Admission admission) {
        return new InputOutcome(admission.input(), admission.identity().sha256(), admission.identity().mediaType(),
                InputOutcome.Status.duplicate,
                "same bytes as document " + admission.duplicateOf(), admission.duplicateOf(), List.of(), null,
                Map.of(), List.of(), secondsSince(admission.started()));
    }

    /**
     * The outcome of an input that failed at any stage: a copy and the reason go to failed/, the
     * checksum claim is released so that a later run may try again.
     *
     * @param admission null when the input failed before it was admitted
     */
    public InputOutcome failed(Path input, Admission admission, Exception failure) {
        Throwable cause = essentialCause(failure);
        String reason = reasonOf(cause);
        if (cause instanceof RejectedInputException) {
            LOG.warn("{}: {}", input, reason);
        } else {
            LOG.error("{}: {}", input, reason, cause);
        }
        String sha256 = admission == null ? null : admission.identity().sha256();
        String mediaType = admission == null ? null : admission.identity().mediaType();
        if (admission != null) {
            duplicates.released(sha256);
            deleteStaging(admission);
        }
        Map<String, Path> outputs = new HashMap<>();
        try {
            Path copy = failed.keep(input, reason);
            outputs.put("failedCopy", copy);
            outputs.put("reason", FailedStore.reasonFile(copy));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep failed input " + input + " in " + config.archiveDir(), e);
        }
        return new InputOutcome(input, sha256, mediaType, InputOutcome.Status.failed, reason, null, List.of(), null,
                outputs, List.of(), admission == null ? 0 : secondsSince(admission.started()));
    }

    @Override
    public void close() {
        engines.close();
    }

    /**
     * The failure that says what went wrong: a rejection anywhere in the chain of causes, or else
     * the innermost cause (what wraps it, such as the routing layer's own exception, adds nothing).
     */
    static Throwable essentialCause(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof RejectedInputException) {
                return t;
            }
            innermost = t;
        }
        return innermost;
    }

    static String reasonOf(Throwable cause) {
        if (cause instanceof RejectedInputException rejected) {
            return rejected.reason();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private Path storeOriginal(Admission admission, String mediaType) {
        String extension = EXTENSIONS.getOrDefault(mediaType, "bin");
        try {
            return originals.store(admission.input(), admission.identity().sha256(), extension);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the original of " + admission.input(), e);
        }
    }

    private Path stagingDir(Admission admission) {
        return config.archiveDir().resolve("tmp").resolve(admission.identity().sha256());
    }

    /** The staging folder holds only page images this run made; whatever is left there is ours. */
    private void deleteStaging(Admission admission) {
        Path staging = stagingDir(admission);
        try {
            Folders.deleteTree(staging);
        } catch (IOException e) {
            LOG.warn("could not clean the staging folder {}: {}", staging, e.getMessage());
        }
    }

    private static void publishAuthorityList(AuthorityList authority, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
            authority.copyTo(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the authority list to " + target, e);
        }
    }

    private static double secondsSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }
}
