package org.workersarchive.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.core.Document;
import org.workersarchive.core.Folders;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.SourceFile;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.export.ArchiveWriter;
import org.workersarchive.export.AuthorityEntries;
import org.workersarchive.export.WrittenDocument;
import org.workersarchive.ingest.Ingestor;
import org.workersarchive.ingest.OriginalStore;
import org.workersarchive.ingest.ScanIdentity;
import org.workersarchive.ingest.ScanSet;
import org.workersarchive.ingest.ScanSets;
import org.workersarchive.ocr.DocumentReading;
import org.workersarchive.ocr.EngineProcesses;
import org.workersarchive.ocr.NativeCpuTime;
import org.workersarchive.ocr.OcrEngines;

/**
 * The stages of the pipeline, each a plain call, in the order the routes call them: admit, ingest,
 * recognize (per page, from several threads), recognized, annotate, store; the outcomes of
 * duplicates and failures; and finish, once the outcome is recorded. An input is a {@link ScanSet}:
 * one scan, or the files of one issue. Each input is in the {@link InputJournal} from admit to
 * finish, so that a run stopped at any moment is taken up where it stopped. Knows the archive's
 * layout; knows nothing of Camel. Thread-safe. Make it only while holding the {@link ArchiveLock}.
 */
public final class DocumentStages implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentStages.class);
    /** How long the inbox waits before it tries an archive that could not be written. */
    private static final Duration ARCHIVE_RETRY_PAUSE = Duration.ofSeconds(10);
    /** This process, as the reader of the pages its own engines read. */
    private static final String READER = BrokerQueues.thisProcess();
    private static final Map<String, String> EXTENSIONS = Map.of(
            "application/pdf", "pdf", "image/tiff", "tif", "image/jpeg", "jpg", "image/png", "png");

    private final PipelineConfig config;
    private final Ingestor ingestor;
    private final EngineProcesses engines;
    private final DocumentAnnotator annotator;
    private final ArchiveWriter writer;
    private final OriginalStore originals;
    private final DuplicateIndex duplicates;
    private final FailedStore failed;
    private final InputJournal journal;
    private final ArchiveAvailability availability;
    private final String runId;
    private final boolean reprocess;

    /**
     * @param runId     the run's name, written in each document's revision history
     * @param reprocess make documents again from scans the archive holds already, instead of
     *                  recording them as duplicates
     */
    public DocumentStages(PipelineConfig config, String runId, boolean reprocess) {
        this.config = config;
        this.runId = runId;
        this.reprocess = reprocess;
        Path archive = config.archiveDir();
        AuthorityList authority = config.authorityListIfGiven().map(AuthorityList::load).orElseGet(AuthorityList::bundled);
        Path published = publishAuthorityList(authority, archive.resolve("authority.xml"));
        this.ingestor = new Ingestor(config.ingest());
        this.engines = new EngineProcesses(config.ocr(), config.engines(), archive.resolve("logs").resolve("engine-crashes"));
        this.annotator = new DocumentAnnotator(authority);
        this.writer = new ArchiveWriter(archive, config.tei(), authorityEntries(published));
        this.originals = new OriginalStore(archive.resolve("originals"));
        this.duplicates = new DuplicateIndex(archive.resolve("documents"));
        this.failed = new FailedStore(archive.resolve("failed"));
        this.journal = new InputJournal(archive);
        this.availability = new ArchiveAvailability(archive, ARCHIVE_RETRY_PAUSE);
    }

    /**
     * Puts right what a run stopped at any moment (killed, crashed, power lost) left in the
     * archive: half-written documents and copies, staged pages, inputs whose outcome it had
     * recorded but whose files had not all left the inbox. Call it once, before the first input.
     */
    public void recoverStoppedRun() {
        try {
            writer.recoverInterruptedWrites().forEach(LOG::info);
            Path archive = config.archiveDir();
            Folders.deleteTree(archive.resolve("tmp"));
            for (Path store : List.of(archive.resolve("originals"), archive.resolve("failed"), journal.dir())) {
                deletePartials(store);
            }
            journal.finishRemovals().forEach(file -> LOG.info("removed {} from the inbox: its outcome was recorded "
                    + "by a run that stopped before it could remove it", file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put right what a stopped run left in " + config.archiveDir(), e);
        }
    }

    /** Starts the OCR engine processes, which load their models meanwhile; call it before the first input. */
    public void startEngines() {
        engines.startAll();
    }

    /** Whether the archive could not be written a moment ago, and inputs had better wait. */
    public boolean isArchivePaused() {
        return availability.isPaused();
    }

    /** The set of files a file dropped in the inbox belongs to, among the inbox's files. */
    public ScanSet scanSetOf(File file) {
        return ScanSets.setOf(file.toPath());
    }

    /**
     * Identifies the input's files (checksums, types from the bytes) and claims the set's
     * checksum: a duplicate is recognised here, before any work, and the report can name the type
     * of a file that fails later.
     */
    public Admission admit(ScanSet set) throws IOException {
        Instant started = Instant.now();
        for (Path file : set.filesWithSidecar()) {
            if (Files.isSymbolicLink(file)) {
                // Following it could copy any file of this machine into the archive (failed/ included).
                throw new RejectedInputException("symbolic link to " + Files.readSymbolicLink(file)
                        + ": the pipeline takes files, not links, and did not read its target; copy the file itself");
            }
        }
        List<ScanIdentity> identities = ingestor.identify(set);
        String sha256 = Ingestor.checksum(identities);
        InputJournal.Entry resumed = journal.begin(set, sha256);
        String existing = duplicates.claim(sha256).orElse(null);
        boolean makeAgain = reprocess && existing != null && !DuplicateIndex.isInProgress(existing);
        return new Admission(set, identities, sha256, makeAgain ? null : existing, makeAgain ? existing : null,
                resumed.runsStopped(), resumed.writtenDocument(), started);
    }

    /**
     * Makes the document's pages, in a staging folder of the archive; refuses an input that runs
     * kept stopping on (one that crashes the whole process each time), so that the rest can go on.
     */
    public Document ingest(Admission admission) {
        if (admission.runsStopped() >= config.inputAttempts()) {
            throw new RejectedInputException("the pipeline stopped " + admission.runsStopped() + " times while "
                    + "this input was under way (it was killed, or crashed); set aside so that the rest can go on");
        }
        Path staging = stagingDir(admission).resolve(UUID.randomUUID().toString());
        Document document = ingestor.ingest(admission.set(), admission.identities(), staging);
        // Made again from the same bytes under another name, it is still the same document.
        return admission.reprocessing() == null ? document : document.withId(admission.reprocessing());
    }

    /**
     * The reading of a document's pages, which its pages share: a document whose sidecar names its
     * languages is read with exactly those models.
     */
    public DocumentReading reading(Document document) {
        return new DocumentReading(document.description().languages());
    }

    /** Reads one page; called from the OCR worker threads, one Tesseract engine each. */
    public Page recognize(Page page, DocumentReading reading) {
        return engines.recognize(page, reading).readBy(READER);
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

    /** Keeps the originals under their checksums, then writes the document folder atomically. */
    public InputOutcome store(Document document, Admission admission) {
        Map<String, Path> outputs = new HashMap<>();
        for (SourceFile source : document.sources()) {
            Path original = storeOriginal(source);
            outputs.put(document.sources().size() == 1 ? "original" : "original-" + source.fileName(), original);
        }
        WrittenDocument written = writer.write(document, runId);
        duplicates.completed(admission.sha256(), written.id());
        recordWritten(admission, written.id());
        deleteStaging(admission);
        outputs.putAll(Map.of("folder", written.folder(), "tei", written.tei(), "text", written.text(),
                "provenance", written.provenance(), "pdf", written.folder().resolve(ArchiveWriter.PDF_FILE),
                "alto", written.folder().resolve(ArchiveWriter.ALTO_FOLDER)));
        String made = switch (written.outcome()) {
            case NEW -> null;
            case REPLACED -> "made again; replaced the earlier output, which had not been corrected";
            case VERSION_BESIDE_CORRECTION -> "made again; the archive's TEI had been corrected by hand and is kept; "
                    + "this run's output is stored beside it in " + written.folder().getParent().getParent()
                    .relativize(written.folder());
        };
        String note = Stream.of(made, noTextNote(document)).filter(Objects::nonNull).reduce((a, b) -> a + "; " + b)
                .orElse(null);
        Double confidence = document.meanConfidence().isPresent() ? document.meanConfidence().getAsDouble() : null;
        return new InputOutcome(admission.input(), admission.set().files(), admission.sha256(), admission.mediaType(),
                InputOutcome.Status.ok, note, written.id(),
                document.pages().stream().map(InputOutcome.PageOutcome::of).toList(), confidence, outputs,
                NewNames.of(document), secondsSince(admission.started()));
    }

    /**
     * The outcome of an input whose bytes the archive holds already: a duplicate; or, when a run
     * that stopped had written its document from this very input, that document.
     */
    public InputOutcome duplicate(Admission admission) {
        boolean own = admission.duplicateOf().equals(admission.writtenBeforeStop());
        return new InputOutcome(admission.input(), admission.set().files(), admission.sha256(), admission.mediaType(),
                own ? InputOutcome.Status.ok : InputOutcome.Status.duplicate,
                own ? "its document was written by a run that stopped before recording it"
                        : "same bytes as document " + admission.duplicateOf(),
                admission.duplicateOf(), List.of(), null, own ? Map.of("folder", writer.folderOf(admission.duplicateOf()))
                        : Map.of(), List.of(), secondsSince(admission.started()));
    }

    /**
     * The outcome of an input that failed at any stage: a copy of each file (and of its sidecar)
     * and the reason go to failed/, the checksum claim is released so that a later run may try again.
     * A failure that is the archive's (its disk full or read-only), not the input's, defers the
     * input instead: it stays where it is, and the inbox pauses.
     *
     * @param admission null when the input failed before it was admitted
     */
    public InputOutcome failed(ScanSet set, Admission admission, Exception failure) {
        Path input = set.lead();
        Throwable cause = essentialCause(failure);
        String reason = reasonOf(cause);
        Optional<String> archiveProblem = availability.problemIn(failure);
        if (archiveProblem.isPresent()) {
            return deferred(set, admission, archiveProblem.get());
        }
        if (cause instanceof RejectedInputException) {
            LOG.warn("{}: {}", input, reason);
        } else {
            LOG.error("{}: {}", input, reason, cause);
        }
        String sha256 = admission == null ? null : admission.sha256();
        String mediaType = admission == null ? null : admission.mediaType();
        if (admission != null) {
            duplicates.released(sha256);
            deleteStaging(admission);
        }
        Map<String, Path> outputs = new HashMap<>();
        List<Path> kept = set.filesWithSidecar();
        for (Path file : kept) {
            try {
                Path copy = failed.keep(file, reason);
                String suffix = kept.size() == 1 ? "" : "-" + file.getFileName();
                outputs.put("failedCopy" + suffix, copy);
                outputs.put("reason" + suffix, FailedStore.reasonFile(copy));
            } catch (IOException e) {
                LOG.error("cannot keep the failed input {} in {}: {}", file, config.archiveDir(), e.getMessage());
                return deferred(set, admission, "its copy cannot be kept in failed/: " + e.getMessage());
            }
        }
        return new InputOutcome(input, set.files(), sha256, mediaType, InputOutcome.Status.failed, reason, null,
                List.of(), null, outputs, List.of(), admission == null ? 0 : secondsSince(admission.started()));
    }

    /**
     * Ends an input once its outcome is recorded: it leaves the place it came from when that is
     * the inbox (every file and the sidecar, kept in the archive or in failed/ by now), or failed/
     * when it is done with at last; then it leaves the journal. A deferred input stays where it is,
     * to be taken again.
     *
     * @param admission null when the input failed before it was admitted
     */
    public void finish(ScanSet set, Admission admission, InputOutcome outcome, InputSource source) throws IOException {
        if (outcome.status() == InputOutcome.Status.deferred) {
            return;
        }
        boolean doneWith = outcome.status() != InputOutcome.Status.failed;
        if (source == InputSource.INBOX || source == InputSource.FAILED && doneWith) {
            journal.leaving(set);
            for (Path file : set.filesWithSidecar()) {
                Files.deleteIfExists(file);
                if (source == InputSource.FAILED) {
                    Files.deleteIfExists(FailedStore.reasonFile(file));
                }
            }
        }
        journal.done(set);
    }

    @Override
    public void close() {
        engines.close();
    }

    /** The OCR engines, as they describe themselves (an ingest node's are never started). */
    OcrEngines engines() {
        return engines;
    }

    /** CPU time the OCR engines spent in Tesseract and Leptonica on this run's pages so far. */
    public NativeCpuTime ocrCpuTime() {
        return engines.nativeCpuTime();
    }

    /**
     * The outcome of an input that could not be processed because the archive cannot be written: it
     * stays where it is, and the inbox takes nothing for a while.
     */
    private InputOutcome deferred(ScanSet set, Admission admission, String why) {
        availability.pause(why);
        if (admission != null) {
            duplicates.released(admission.sha256());
            deleteStaging(admission);
            try {
                journal.putOff(set);
            } catch (IOException e) {
                LOG.warn("cannot note in the journal that {} is put off: {}", set.lead(), e.getMessage());
            }
        }
        return new InputOutcome(set.lead(), set.files(), admission == null ? null : admission.sha256(),
                admission == null ? null : admission.mediaType(), InputOutcome.Status.deferred,
                "the archive cannot be written (" + why + "); the input stays where it is and is taken again",
                null, List.of(), null, Map.of(), List.of(), admission == null ? 0 : secondsSince(admission.started()));
    }

    /** "no text" for a document without a word (a blank page), or which of its pages have none; else null. */
    private static String noTextNote(Document document) {
        List<Integer> blank = document.pages().stream().filter(page -> page.words().findAny().isEmpty())
                .map(Page::number).toList();
        if (blank.isEmpty()) {
            return null;
        }
        return blank.size() == document.pages().size() ? "no text"
                : "no text on page" + (blank.size() == 1 ? " " : "s ") + blank.stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
    }

    private void recordWritten(Admission admission, String documentId) {
        try {
            journal.written(admission.set(), documentId);
        } catch (IOException e) {
            // The document is whole in the archive; a run that takes the input up again finds it as a duplicate.
            LOG.warn("cannot note in the journal that {} is written: {}", admission.input(), e.getMessage());
        }
    }

    /** Hidden files of writes under way ({@code .NAME….partial}) in one folder of the archive. */
    private static void deletePartials(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var entries = Files.newDirectoryStream(folder, ".*.partial")) {
            for (Path partial : entries) {
                Folders.deleteTree(partial);
                LOG.info("deleted {}, left half-written by a stopped run", partial);
            }
        }
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

    private Path storeOriginal(SourceFile source) {
        String extension = EXTENSIONS.getOrDefault(source.mediaType(), "bin");
        try {
            return originals.store(source.path(), source.sha256(), extension);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the original of " + source.path(), e);
        }
    }

    private Path stagingDir(Admission admission) {
        return config.archiveDir().resolve("tmp").resolve(admission.sha256());
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

    private static Path publishAuthorityList(AuthorityList authority, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
            authority.copyTo(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the authority list to " + target, e);
        }
    }

    private static AuthorityEntries authorityEntries(Path published) {
        try {
            return AuthorityEntries.read(published);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double secondsSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }
}
