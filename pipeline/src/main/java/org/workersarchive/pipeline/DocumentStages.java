package org.workersarchive.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.Document;
import org.workersarchive.core.Page;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.export.ArchiveWriter;
import org.workersarchive.export.AuthorityEntries;
import org.workersarchive.export.WrittenDocument;
import org.workersarchive.ingest.Ingestor;
import org.workersarchive.ingest.ScanIdentity;
import org.workersarchive.ingest.ScanSet;
import org.workersarchive.ingest.ScanSets;
import org.workersarchive.ocr.DocumentReading;
import org.workersarchive.ocr.EngineProcesses;
import org.workersarchive.ocr.OcrEngines;
import org.workersarchive.pipeline.archive.Admission;
import org.workersarchive.pipeline.archive.ArchiveProblem;
import org.workersarchive.pipeline.archive.ArchiveStore;
import org.workersarchive.pipeline.archive.FailedCopyRefused;
import org.workersarchive.pipeline.archive.InputChangedException;
import org.workersarchive.pipeline.broker.BrokerQueues;
import org.workersarchive.pipeline.report.InputOutcome;
import org.workersarchive.pipeline.report.RunReport;
import org.workersarchive.core.FileNames;

/**
 * The stages of the pipeline, each a plain call, in the order the routes call them: admit, ingest,
 * recognize (per page, from several threads), recognized, annotate, store; the outcomes of
 * duplicates and failures; and finish, once the outcome is recorded. An input is a {@link ScanSet}:
 * one scan, or the files of one issue. What the archive keeps of each input on the way (journal,
 * checksums, staging, originals, failed copies) is the {@link ArchiveStore}'s. Knows nothing of
 * Camel. Thread-safe.
 */
public final class DocumentStages implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentStages.class);
    /** This process, as the reader of the pages its own engines read. */
    private static final String READER = BrokerQueues.thisProcess();

    private final PipelineConfig config;
    private final ArchiveStore store;
    private final Ingestor ingestor;
    private final EngineProcesses engines;
    private final DocumentAnnotator annotator;
    private final ArchiveWriter writer;
    private final String runId;

    /**
     * @param store the archive, open (its lock held) for as long as these stages run
     * @param runId the run's name, written in each document's revision history
     */
    DocumentStages(PipelineConfig config, ArchiveStore store, String runId) {
        this.config = config;
        this.store = store;
        this.runId = runId;
        ArchiveLayout archive = store.layout();
        // The archive's own list, which names added in the review server go into, is kept from run to
        // run; only a list the configuration names replaces it, and the bundled one starts a new archive.
        AuthorityList authority = config.authorityListIfGiven().or(store::publishedAuthorityList)
                .map(AuthorityList::load).orElseGet(AuthorityList::bundled);
        AuthorityEntries published = store.publish(authority);
        this.ingestor = new Ingestor(config.ingest());
        this.engines = new EngineProcesses(config.ocr(), config.engines(), archive.engineCrashes());
        this.annotator = new DocumentAnnotator(authority, config.nameModels());
        this.writer = new ArchiveWriter(archive, config.tei(), published, config.iiif());
    }

    /**
     * Puts right what a run stopped at any moment (killed, crashed, power lost) left in the
     * archive: half-written documents and copies, staged pages, inputs whose outcome it had
     * recorded but whose files had not all left the inbox. Call it once, before the first input.
     */
    public void recoverStoppedRun() {
        try {
            writer.recoverInterruptedWrites().forEach(LOG::info);
            store.recoverStoppedRun();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put right what a stopped run left in " + config.archiveDir(), e);
        }
    }

    /** Starts the OCR engine processes, which load their models meanwhile; call it before the first input. */
    public void startEngines() {
        engines.startAll();
    }

    /**
     * Identifies the input's files (checksums, types from the bytes) and claims the set's
     * checksum: a duplicate is recognised here, before any work, and the report can name the type
     * of a file that fails later.
     */
    public Admission admit(ScanSet set) throws IOException {
        Instant started = Instant.now();
        store.take(set);
        if (ScanSets.isLoneSidecar(set)) {
            throw new RejectedInputException("sidecar " + set.lead().getFileName() + " describes no scan: none named "
                    + "like it came with it (if its scan came before it, that scan was made a document without it; "
                    + "put the sidecar beside the scan in failed/ or the inbox and send both again)");
        }
        // Refused at once, not held as a copy that paused: a pipe, a folder or a name not in UTF-8 is no
        // scan on its way (an empty file may be one: the ingestor refuses it, within the paused-copy rule).
        InboxEntries.requireTakeable(set);
        List<ScanIdentity> identities;
        try {
            ArchiveStore.requireFiles(set);
            identities = ingestor.identify(set);
        } catch (RejectedInputException e) {
            throw new FileRejected(e);
        }
        return store.admit(set, identities, Ingestor.checksum(identities), started);
    }

    /** Makes the document's pages in a staging folder, unless runs kept stopping on this input. */
    public Document ingest(Admission admission) {
        admission.requireFewerStopsThan(config.inputAttempts());
        Document document;
        try {
            document = ingestor.ingest(admission.set(), admission.identities(), store.newStagingFolder(admission));
        } catch (RejectedInputException e) {
            throw new FileRejected(e);
        }
        // Made again from the same bytes under another name, it is still the same document.
        return admission.reprocessing() == null ? document : document.withId(admission.reprocessing());
    }

    /** What a document's pages share as they are read: a sidecar's languages are the models used. */
    public DocumentReading reading(Document document) {
        return new DocumentReading(document.description().languages());
    }

    /** Reads one page; called from the OCR worker threads, one Tesseract engine each. */
    public Page recognize(Page page, DocumentReading reading) {
        return engines.recognize(page, reading).readBy(READER);
    }

    /**
     * Records the OCR step once every page of the document has been read, after each page that
     * came with an invisible text layer kept that layer or its reading ({@link TextLayerCheck}).
     *
     * @param ingested the document as ingested, before its pages were read
     */
    public Document recognized(Document document, Document ingested, Instant ocrStarted) {
        return engines.withStep(TextLayerCheck.apply(ingested, document), ocrStarted);
    }

    public Document annotate(Document document) {
        return annotator.annotate(document);
    }

    /** Keeps the originals under their checksums, then writes the document folder atomically. */
    public InputOutcome store(Document document, Admission admission) {
        Map<String, Path> originals = store.keepOriginals(document);
        WrittenDocument written = writer.write(document, runId);
        store.written(admission, written.id());
        return InputOutcome.ok(admission, document, written, originals);
    }

    /**
     * The outcome of an input whose bytes the archive holds already: a duplicate; or, when a run
     * that stopped had written its document from this very input, that document.
     */
    public InputOutcome duplicate(Admission admission) {
        if (admission.duplicateOf().equals(admission.writtenBeforeStop())) {
            return InputOutcome.writtenBeforeStop(admission, writer.folderOf(admission.duplicateOf()));
        }
        // The same files at the same place: this input's own document, made by an earlier run (a batch
        // run again) or by one killed between writing it and noting so; no copy of another's.
        return store.madeFrom(admission.duplicateOf(), admission.set())
                ? InputOutcome.madeBefore(admission, writer.folderOf(admission.duplicateOf()))
                : InputOutcome.duplicate(admission);
    }

    /**
     * The outcome of an input that failed at any stage: a copy of each file (and of its sidecar)
     * and the reason go to failed/, the checksum claim is released so that a later run may try again.
     * A failure that is the archive's (its disk full or read-only) or the broker's (unreachable),
     * not the input's, defers the input instead: it stays where it is, and the inbox pauses. So
     * does, without a pause, an input that changed while it was taken, or an inbox file that
     * failed within the inbox failure rest of its last change (a copy that paused). An input
     * failed/ keeps no copy of (unreadable, or over the copy limit) fails where it is, and says so.
     * An input a file of which was removed meanwhile is withdrawn: nothing of it is kept.
     *
     * @param admission null when the input failed before it was admitted
     * @param source    where the input came from: an inbox file that changed a moment ago is not failed yet
     */
    public InputOutcome failed(ScanSet set, Admission admission, Exception failure, InputSource source) {
        List<Path> gone = ArchiveStore.removedFrom(set);
        if (!gone.isEmpty()) {
            // Removed from its place while it was processed: not to be put off (it will not come
            // back), nor failed (it is not its fault); what remains of it is taken again as it is.
            store.withdraw(set, admission);
            LOG.warn("{}: withdrawn before it was done: {} removed while it was processed", set.lead(), gone);
            return InputOutcome.withdrawn(set, admission, gone);
        }
        Optional<ArchiveProblem> archiveProblem = store.problemIn(failure);
        if (archiveProblem.isPresent()) {
            return deferred(set, admission, archiveProblem.get());
        }
        Optional<String> brokerProblem = BrokerOutage.problemIn(failure);
        if (brokerProblem.isPresent()) {
            store.putOff(set, admission, brokerProblem.get(), true);
            return InputOutcome.putOff(set, admission, "the broker cannot be reached (" + brokerProblem.get()
                    + "); the input stays where it is and is taken again");
        }
        if (failure instanceof InputChangedException || store.changedSinceTaken(set)) {
            store.putOff(set, admission, "changed", false);
            return InputOutcome.putOff(set, admission, "the file changed while it was being taken (a copy still under "
                    + "way?); it stays where it is, and is taken again, as a new input, once it rests");
        }
        Throwable cause = FailureReasons.essentialCause(failure);
        String reason = FailureReasons.reasonOf(cause);
        if (source == InputSource.INBOX && FileRejected.isIn(failure) && store.changedRecently(set)) {
            // A copy that paused looks like a damaged file: the rest of it may still come. Only what the
            // file's bytes were refused for: a page its readers kept stopping on is no copy under way.
            store.putOff(set, admission, reason, false);
            store.holdUntilRested(set);
            return InputOutcome.putOff(set, admission, "it failed (" + reason + ") within "
                    + store.inboxFailureRest().toSeconds() + " s of its last change, so it may be a copy that paused; "
                    + "it stays in the inbox and is taken again once it has rested " + store.inboxFailureRest().toSeconds()
                    + " s (archive.inbox-failure-rest)");
        }
        if (cause instanceof RejectedInputException) {
            LOG.warn("{}: {}", FileNames.printable(set.lead().toString()), FileNames.printable(reason));
        } else {
            LOG.error("{}: {}", FileNames.printable(set.lead().toString()), FileNames.printable(reason), cause);
        }
        if (admission != null) {
            store.released(admission);
        }
        try {
            return InputOutcome.failed(set, admission, reason, store.keepFailed(set, reason));
        } catch (FailedCopyRefused notKept) {
            LOG.warn("{}: {}", FileNames.printable(set.lead().toString()), FileNames.printable(notKept.getMessage()));
            return InputOutcome.failed(set, admission, reason + "; " + notKept.getMessage(), Map.of());
        } catch (IOException e) {
            return deferred(set, admission, new ArchiveProblem("its copy cannot be kept in failed/: " + e.getMessage(),
                    store.layout().failed()));
        }
    }

    /**
     * Records an outcome in the archive's outcome record, forced to the disk, then in the run's
     * report. An outcome that cannot be recorded (the archive's disk full) is not acted on: the
     * input is put off, stays where it is and is taken again.
     *
     * @return the outcome to finish the input with: the one given, or its deferral
     */
    public InputOutcome record(ScanSet set, InputOutcome outcome, RunReport report) {
        InputOutcome recorded = outcome;
        ObjectNode line = RunReport.inputNode(outcome).put("run", runId).put("recorded", Instant.now().toString());
        try {
            store.record(line);
        } catch (IOException e) {
            String why = "its outcome (" + outcome.status() + ") cannot be recorded in " + store.layout().outcomes()
                    + ": " + e.getMessage();
            store.putOffUnrecorded(set, why);
            recorded = InputOutcome.deferred(set, null, why);
        }
        report.record(recorded);
        return recorded;
    }

    /** Ends an input once its outcome is recorded ({@link ArchiveStore#finish}). */
    public void finish(ScanSet set, InputOutcome outcome, InputSource source) throws IOException {
        store.finish(set, outcome, source);
    }

    @Override
    public void close() {
        engines.close();
    }

    /** The OCR engines: what they spent, how they describe themselves (an ingest node's are never started). */
    OcrEngines engines() {
        return engines;
    }

    /** The input stays where it is, and the inbox takes nothing until the archive can be written again. */
    private InputOutcome deferred(ScanSet set, Admission admission, ArchiveProblem problem) {
        store.putOff(set, admission, problem);
        return InputOutcome.deferred(set, admission, problem.why());
    }
}
