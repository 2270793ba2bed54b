package org.workersarchive.pipeline.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.Document;
import org.workersarchive.core.FileNames;
import org.workersarchive.core.Folders;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.SourceFile;
import org.workersarchive.export.AuthorityEntries;
import org.workersarchive.ingest.OriginalStore;
import org.workersarchive.ingest.ScanIdentity;
import org.workersarchive.ingest.ScanSet;
import org.workersarchive.pipeline.InputSource;
import org.workersarchive.pipeline.report.InputOutcome;
import org.workersarchive.pipeline.report.RunReport;

/**
 * The archive's bookkeeping around the documents a run makes: the lock that lets one run at a time
 * write, the journal of inputs under way, the index of the checksums already made into documents,
 * the staging folders of inputs under way, the originals kept under their checksums, the copies of
 * failed inputs, and whether the archive can be written at all. The stages make documents; this
 * keeps track of the inputs they are made from. Thread-safe for distinct inputs.
 */
public final class ArchiveStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long the inbox waits before it tries an archive that could not be written. */
    private static final Duration ARCHIVE_RETRY_PAUSE = Duration.ofSeconds(10);

    private final ArchiveLayout layout;
    private final ArchiveLock lock;
    private final boolean reprocess;
    private final InputJournal journal;
    private final DuplicateIndex duplicates;
    private final OriginalStore originals;
    private final FailedStore failed;
    private final ArchiveAvailability availability;
    private final OutcomeRecord outcomes;
    private final InboxGuard guard;
    private final StoreLimits limits;

    private ArchiveStore(ArchiveLayout layout, ArchiveLock lock, boolean reprocess, StoreLimits limits)
            throws IOException {
        this.layout = layout;
        this.lock = lock;
        this.reprocess = reprocess;
        this.journal = new InputJournal(layout.journal());
        this.duplicates = new DuplicateIndex(layout.documents());
        this.originals = new OriginalStore(layout.originals());
        this.failed = new FailedStore(layout.failed());
        this.availability = new ArchiveAvailability(layout, ARCHIVE_RETRY_PAUSE);
        this.outcomes = OutcomeRecord.open(layout.outcomes());
        this.limits = limits;
        this.guard = new InboxGuard(limits.inboxFailureRest());
    }

    /**
     * Takes the archive's lock (or fails, saying which run holds it) and reads what the archive holds.
     *
     * @param holder    what this run is, for the next one that finds the lock taken
     * @param reprocess make documents again from scans the archive holds already, instead of
     *                  recording them as duplicates
     * @param limits    how failed inputs are treated
     */
    public static ArchiveStore open(ArchiveLayout layout, String holder, boolean reprocess, StoreLimits limits) {
        ArchiveLock lock = ArchiveLock.take(layout.root(), holder);
        try {
            return new ArchiveStore(layout, lock, reprocess, limits);
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("cannot open the outcome record " + layout.outcomes() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public ArchiveLayout layout() {
        return layout;
    }

    /**
     * Puts right what a stopped run left of its inputs: staged pages, half-written copies, inputs
     * whose outcome it had recorded but whose files had not all left the inbox.
     */
    public void recoverStoppedRun() throws IOException {
        Folders.deleteTree(layout.staging());
        for (Path store : List.of(layout.originals(), layout.failed(), layout.journal())) {
            deletePartials(store);
        }
        journal.finishRemovals().forEach(file -> LOG.info("removed {} from the inbox: its outcome was recorded "
                + "by a run that stopped before it could remove it", FileNames.printable(file.toString())));
        rebuildStoppedReports();
    }

    /**
     * Records an input's outcome durably: when this returns, the outcome survives any kill, and the
     * input may leave its place.
     *
     * @param line the outcome as the report gives it, with the run that recorded it
     * @throws IOException when it cannot be recorded: the input must stay where it is
     */
    public void record(ObjectNode line) throws IOException {
        outcomes.append(line);
    }

    /**
     * Whether the document of this id was made from these very files (by path), by an earlier run
     * or by one that stopped before it recorded the outcome: then the input is no duplicate of
     * another's document, but done before.
     */
    public boolean madeFrom(String documentId, ScanSet set) {
        Path provenance = layout.document(documentId).provenance();
        try {
            List<String> paths = new ArrayList<>();
            JSON.readTree(provenance.toFile()).path("sources").forEach(source -> paths.add(source.path("path").asText()));
            return paths.equals(set.files().stream().map(Path::toString).toList());
        } catch (IOException unreadable) {
            return false; // a document without its record of sources is no proof; the input is a duplicate
        }
    }

    /**
     * Writes again, from the outcome record, the report of each run that stopped before it could
     * write its own whole (killed, crashed): every outcome it recorded is in it.
     */
    private void rebuildStoppedReports() throws IOException {
        Map<String, List<JsonNode>> linesByRun = new HashMap<>();
        Map<String, Boolean> stopped = new HashMap<>();
        OutcomeRecord.read(layout.outcomes(), line -> {
            String run = line.path("run").asText("");
            if (!run.isEmpty() && FileNames.isPlain(run) && !run.startsWith(".") && stopped.computeIfAbsent(run, r ->
                    !RunReport.isFinished(FileNames.resolveIn(layout.runs(), r).resolve(RunReport.FILE_NAME)))) {
                linesByRun.computeIfAbsent(run, r -> new ArrayList<>()).add(line);
            }
        });
        for (Map.Entry<String, List<JsonNode>> run : linesByRun.entrySet()) {
            Path folder = FileNames.resolveIn(layout.runs(), run.getKey());
            Files.createDirectories(folder);
            RunReport.rebuild(folder.resolve(RunReport.FILE_NAME), run.getValue());
            LOG.info("rebuilt the report of run {}, which stopped before writing it: {} outcome(s)", run.getKey(),
                    run.getValue().size());
        }
    }

    /** The authority list an earlier run published in this archive, if any. */
    public Optional<Path> publishedAuthorityList() {
        return Files.isRegularFile(layout.authorityList()) ? Optional.of(layout.authorityList()) : Optional.empty();
    }

    /**
     * Publishes the authority list in the archive, where every document's references point.
     *
     * @return the entries of the published copy, as the documents' references name them
     */
    public AuthorityEntries publish(AuthorityList authority) {
        Path target = layout.authorityList();
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
            authority.copyTo(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return AuthorityEntries.read(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the authority list to " + target, e);
        }
    }

    /**
     * Takes an input on: notes it in the journal and claims its checksum, so that a duplicate is
     * known before any work and a run stopped from now on takes it up again.
     *
     * @param identities each file's checksum and type, from its bytes
     * @param sha256     the set's checksum
     */
    public Admission admit(ScanSet set, List<ScanIdentity> identities, String sha256, Instant started) throws IOException {
        if (guard.changedSinceTaken(set)) {
            throw new InputChangedException(set.lead() + " changed while it was being read");
        }
        guard.admitted(set, identities.stream().map(ScanIdentity::sha256).toList());
        InputJournal.Entry resumed = journal.begin(set, sha256);
        String existing;
        try {
            existing = duplicates.claim(sha256).orElse(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            journal.putOff(set);
            throw new java.io.InterruptedIOException("stopped while waiting for an input of the same bytes: " + set.lead());
        }
        boolean makeAgain = reprocess && existing != null && !DuplicateIndex.isInProgress(existing);
        return new Admission(set, identities, sha256, makeAgain ? null : existing, makeAgain ? existing : null,
                resumed.runsStopped(), resumed.writtenDocument(), started);
    }

    /** Notes the set's files as they are now, as it is taken up: nothing leaves its place unless still so. */
    public void take(ScanSet set) {
        guard.take(set);
    }

    /** Whether any file of the set changed (size, time, mode) since it was taken up. */
    public boolean changedSinceTaken(ScanSet set) {
        return guard.changedSinceTaken(set);
    }

    /** Whether the set changed less than the inbox failure rest ago, so that a failure may be a copy that paused. */
    public boolean changedRecently(ScanSet set) {
        return guard.changedRecently(set);
    }

    /** The inbox takes the set again once it has rested for the inbox failure rest, or changed. */
    public void holdUntilRested(ScanSet set) {
        guard.holdUntilRested(set);
    }

    /** How long an inbox file must have rested before it may be failed. */
    public java.time.Duration inboxFailureRest() {
        return guard.failureRest();
    }

    /**
     * Whether the inbox may take the set, which has rested this long: not while the archive cannot
     * be written, nor while the set is held (a failure to retry once rested, one left in place
     * until it changes).
     */
    public boolean mayTake(ScanSet set, java.time.Duration rested) {
        return !isPaused() && guard.mayTake(set, rested);
    }

    /** Refuses a symbolic link: following it could copy any file of this machine into the archive (failed/ included). */
    public static void requireFiles(ScanSet set) throws IOException {
        for (Path file : set.filesWithSidecar()) {
            if (Files.isSymbolicLink(file)) {
                throw new RejectedInputException("symbolic link to " + Files.readSymbolicLink(file)
                        + ": the pipeline takes files, not links, and did not read its target; copy the file itself");
            }
        }
    }

    /** A new, empty staging folder for the pages of an admitted input; the store deletes it when the input is done. */
    public Path newStagingFolder(Admission admission) {
        return layout.staging(admission.sha256()).resolve(UUID.randomUUID().toString());
    }

    /**
     * Keeps each source file of the document under its checksum in originals/.
     *
     * @return the kept originals, as the report names them: "original", or "original-NAME" for each of several
     */
    public Map<String, Path> keepOriginals(Document document) {
        Map<String, Path> kept = new HashMap<>();
        for (SourceFile source : document.sources()) {
            try {
                Path original = originals.store(source);
                kept.put(document.sources().size() == 1 ? "original" : "original-" + source.fileName(), original);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the original of " + source.path(), e);
            }
        }
        return kept;
    }

    /** The input's document is in the archive: its checksum now names it, and its staging folder goes. */
    public void written(Admission admission, String documentId) {
        duplicates.completed(admission.sha256(), documentId);
        try {
            journal.written(admission.set(), documentId);
        } catch (IOException e) {
            // The document is whole in the archive; a run that takes the input up again finds it as a duplicate.
            LOG.warn("cannot note in the journal that {} is written: {}", admission.input(), e.getMessage());
        }
        deleteStaging(admission);
    }

    /** The input made no document: its checksum is free for a later try, its staging folder goes. */
    public void released(Admission admission) {
        duplicates.released(admission.sha256());
        deleteStaging(admission);
    }

    /**
     * Keeps a copy of each file of a failed input (and of its sidecar) in failed/, each with its reason.
     *
     * @return the copies and reason files, as the report names them
     * @throws IOException when a copy cannot be written
     */
    public Map<String, Path> keepFailed(ScanSet set, String reason) throws IOException, FailedCopyRefused {
        Map<String, Path> kept = new HashMap<>();
        List<Path> files = set.filesWithSidecar();
        for (Path file : files) {
            requireCopyable(file);
        }
        for (Path file : files) {
            try {
                Path copy = failed.keep(file, reason);
                String suffix = files.size() == 1 ? "" : "-" + file.getFileName();
                kept.put("failedCopy" + suffix, copy);
                kept.put("reason" + suffix, FailedStore.reasonFile(copy));
            } catch (IOException e) {
                LOG.error("cannot keep the failed input {} in {}: {}", file, layout.root(), e.getMessage());
                throw e;
            }
        }
        return kept;
    }

    /** Refuses to copy what cannot be read, or is larger than the copy limit; a link is kept as a link. */
    private void requireCopyable(Path file) throws FailedCopyRefused {
        if (Files.isSymbolicLink(file) || !Files.exists(file)) {
            return;
        }
        if (!Files.isReadable(file)) {
            throw new FailedCopyRefused("it cannot be read (permission denied), so it is not copied to failed/ and "
                    + "stays where it is");
        }
        try {
            long size = Files.size(file);
            if (size > limits.failedCopyLimitBytes()) {
                throw new FailedCopyRefused(String.format(java.util.Locale.ROOT, "not copied to failed/: %s is %.1f MB, "
                        + "over the %d MB kept of a failed input (archive.failed-copy-limit-mb); it stays where it is",
                        file.getFileName(), size / 1e6, limits.failedCopyLimitBytes() / (1024 * 1024)));
            }
        } catch (IOException unreadable) {
            throw new FailedCopyRefused("its size cannot be read (" + unreadable.getMessage() + "), so it is not copied "
                    + "to failed/ and stays where it is");
        }
    }

    /**
     * What is wrong with the archive, when a failure is the archive's (a full disk, a read-only
     * folder) rather than the input's; empty when it is the input's.
     */
    public Optional<ArchiveProblem> problemIn(Throwable failure) {
        return availability.problemIn(failure);
    }

    /**
     * Puts an input off because the archive cannot be written: the inbox takes nothing until it can
     * be written again where it could not (space returned to a full disk), and the input, left
     * where it is, is then taken again as if for the first time.
     *
     * @param admission null when the input was not admitted
     */
    public void putOff(ScanSet set, Admission admission, ArchiveProblem problem) {
        // Its staged pages deleted first: the space they free is not space returned.
        putOff(set, admission, problem.why(), false);
        availability.pauseUntilWritable(problem, sizeOf(set));
    }

    /** The input's outcome could not be recorded: as {@link #putOff(ScanSet, Admission, ArchiveProblem)}. */
    public void putOffUnrecorded(ScanSet set, String why) {
        putOff(set, null, new ArchiveProblem(why, layout.outcomes().getParent()));
    }

    /** The bytes of the set's files, as far as they can be told. */
    private static long sizeOf(ScanSet set) {
        long bytes = 0;
        for (Path file : set.filesWithSidecar()) {
            try {
                bytes += Files.size(file);
            } catch (IOException gone) {
                // not counted
            }
        }
        return bytes;
    }

    /**
     * Puts an input off: left where it is, taken again later.
     *
     * @param admission null when the input was not admitted
     * @param pauseInbox whether the inbox takes nothing for a while (the archive's problem, not this input's)
     */
    public void putOff(ScanSet set, Admission admission, String why, boolean pauseInbox) {
        if (pauseInbox) {
            availability.pause(why);
        }
        guard.forget(set);
        if (admission == null) {
            return;
        }
        released(admission);
        try {
            journal.putOff(set);
        } catch (IOException e) {
            LOG.warn("cannot note in the journal that {} is put off: {}", set.lead(), e.getMessage());
        }
    }

    /** The files of the set (and its sidecar) that are no longer where they were given. */
    public static List<Path> removedFrom(ScanSet set) {
        return set.filesWithSidecar().stream().filter(file -> !Files.exists(file, LinkOption.NOFOLLOW_LINKS)).toList();
    }

    /**
     * A file of the input was removed while it was processed: nothing of it is kept (its checksum
     * freed, its staged pages deleted); {@link #finish} then forgets it, leaving in place what
     * remains of it, to be taken again as what it now is.
     *
     * @param admission null when the input was not admitted
     */
    public void withdraw(ScanSet set, Admission admission) {
        if (admission != null) {
            released(admission);
        }
    }

    /** Whether the archive could not be written a moment ago, and inputs had better wait. */
    public boolean isPaused() {
        return availability.isPaused();
    }

    /**
     * Ends an input once its outcome is recorded: it leaves the place it came from when that is
     * the inbox (every file and the sidecar, kept in the archive or in failed/ by now, each only if
     * it is still what was taken: one that changed since is a new input), or failed/ when it is
     * done with at last; then it leaves the journal. A deferred input stays where it is, to be
     * taken again; so does a failed one failed/ keeps no copy of, until it changes.
     */
    public void finish(ScanSet set, InputOutcome outcome, InputSource source) throws IOException {
        InputOutcome.Status status = outcome.status();
        if (status == InputOutcome.Status.deferred) {
            guard.forget(set);
            return;
        }
        if (status == InputOutcome.Status.withdrawn) {
            if (source == InputSource.FAILED) {
                for (Path gone : removedFrom(set)) {
                    Files.deleteIfExists(FailedStore.reasonFile(gone)); // the reason of a copy no longer kept
                }
            }
            journal.done(set);
            guard.forget(set);
            return;
        }
        boolean doneWith = status != InputOutcome.Status.failed;
        if (source == InputSource.INBOX && !doneWith && !outcome.keptInFailed()) {
            // Nothing of it is kept in the archive: it stays, and is taken again once it changes.
            guard.holdUntilChanged(set);
        } else if (source == InputSource.INBOX) {
            journal.leaving(set);
            guard.removeUnchanged(set);
        } else if (source == InputSource.FAILED && doneWith) {
            for (Path file : set.filesWithSidecar()) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(FailedStore.reasonFile(file));
            }
        }
        journal.done(set);
        guard.forget(set);
    }

    /** Lets the next run in. */
    @Override
    public void close() {
        try {
            outcomes.close();
        } catch (IOException e) {
            LOG.warn("cannot close the outcome record: {}", e.getMessage());
        } finally {
            lock.close();
        }
    }

    /** The staging folder holds only page images this run made; whatever is left there is ours. */
    private void deleteStaging(Admission admission) {
        Path staging = layout.staging(admission.sha256());
        try {
            Folders.deleteTree(staging);
        } catch (IOException e) {
            LOG.warn("could not clean the staging folder {}: {}", staging, e.getMessage());
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
}
