package org.workersarchive.review.correct;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.Fixity;
import org.workersarchive.export.ArchiveWriter;
import org.workersarchive.export.TeiRevision;
import org.workersarchive.export.TeiWriter;
import org.workersarchive.export.WrittenDocument;
import org.workersarchive.review.archive.DocumentState;
import org.workersarchive.review.archive.DocumentStates;

/**
 * Saves a correction as a new version of its document, as an import saves a corrected PAGE file
 * ({@link ArchiveWriter#writeCorrection}): the whole version (TEI, ALTO, PAGE, PDF, text, METS,
 * IIIF) in {@code versions/RUN/}, its TEI in the document's place with a {@code change} in its
 * revision history saying who did what and when; the archive then keeps it as a hand correction
 * is kept. Optimistic locking: the person's page named the checksum of the TEI it showed, and a TEI
 * that changed since is not overwritten ({@link CorrectionConflict}). One save at a time per
 * document in this server, and none while a run holds the archive. Thread-safe.
 */
public final class DocumentCorrector {

    private static final DateTimeFormatter RUN_NAME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss-SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String TOOL = "Archive review server";

    private final ArchiveLayout archive;
    private final DocumentStates states;
    private final ArchiveWriter writer;
    private final CorrectionApplier applier;
    private final Map<String, Object> documentLocks = new ConcurrentHashMap<>();

    public DocumentCorrector(ArchiveLayout archive, DocumentStates states, ArchiveWriter writer,
                             CorrectionApplier applier) {
        this.archive = archive;
        this.states = states;
        this.writer = writer;
        this.applier = applier;
    }

    /**
     * What a save did.
     *
     * @param state   the document as it now reads
     * @param runId   the version's name in versions/
     * @param version the version's folder
     * @param said    what was done, as the revision history says it
     */
    public record Saved(DocumentState state, String runId, Path version, String said) {
    }

    /**
     * @param seenSha256 the checksum of the TEI the person's page showed
     * @param who        the person, as their session names them
     * @throws CorrectionConflict       when the TEI changed since, or was edited by hand
     * @throws IllegalArgumentException when the correction names what the document lacks
     * @throws IllegalStateException    when a run holds the archive
     */
    public Saved save(String documentId, String seenSha256, Correction correction, String who) throws IOException {
        Objects.requireNonNull(who, "who");
        synchronized (documentLocks.computeIfAbsent(documentId, k -> new Object())) {
            Instant started = Instant.now();
            String runId = RUN_NAME.format(started) + "-review";
            try (ArchiveWriteLock lock = ArchiveWriteLock.take(archive, "review server, saving a correction " + runId)) {
                DocumentState state = states.current(documentId).orElseThrow(() ->
                        new IllegalArgumentException("the archive has no document " + documentId));
                if (!state.teiSha256().equals(seenSha256)) {
                    throw new CorrectionConflict("the document was changed since you opened it (another correction, an "
                            + "import or a run): your correction was not saved. Reload the page to see it as it is now, "
                            + "then make your correction again; what you typed is kept below.");
                }
                if (!state.correctable()) {
                    throw new CorrectionConflict("this document's TEI was edited by hand outside the pipeline: a "
                            + "correction saved here would only wait beside it, unseen. Merge the hand edit first "
                            + "(./archive import its PAGE or ALTO files), then correct it here.");
                }
                CorrectionApplier.Edit edit = applier.apply(state, correction, who);
                String said = "Corrected in the review server by " + who + " at " + started + ": " + edit.said() + ".";
                var document = edit.review().into(edit.document(), TOOL, TeiWriter.pipelineVersion(),
                        Duration.between(started, Instant.now()));
                WrittenDocument written = writer.writeCorrection(document, runId,
                        new TeiRevision(LocalDate.ofInstant(started, ZoneOffset.UTC), runId, said, true));
                DocumentState now = states.current(documentId).orElseThrow();
                if (!now.teiSha256().equals(Fixity.sha256(written.tei()))) {
                    throw new IllegalStateException("the corrected TEI of " + documentId + " is not the one in place");
                }
                return new Saved(now, runId, written.folder(), said);
            }
        }
    }
}
