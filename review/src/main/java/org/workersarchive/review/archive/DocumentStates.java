package org.workersarchive.review.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.workersarchive.core.ArchiveFiles;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Document;
import org.workersarchive.core.Fixity;
import org.workersarchive.core.Ids;
import org.workersarchive.export.ArchiveWriter;
import org.workersarchive.export.ArchivedDocumentReader;

/**
 * Reads documents as the archive holds them now ({@link DocumentState}), keeping the last few read:
 * a state is reused while its TEI's checksum is unchanged, so that a page view reads one file's
 * checksum rather than every ALTO file again. Thread-safe.
 */
public final class DocumentStates {

    /** Documents kept read: a reviewer's few open documents, not the archive. */
    private static final int KEPT = 32;

    private final ArchiveLayout archive;
    private final ArchiveWriter writer;
    private final Map<String, DocumentState> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DocumentState> eldest) {
            return size() > KEPT;
        }
    };

    /** @param writer the archive's writer, which knows which folder a document's TEI was written with */
    public DocumentStates(ArchiveLayout archive, ArchiveWriter writer) {
        this.archive = archive;
        this.writer = writer;
    }

    /**
     * Whether the archive has a document of this id: a valid id whose folder holds a TEI, a regular
     * file of the archive (a link that leads out of it is not the document's).
     */
    public boolean exists(String id) {
        return isId(id) && ArchiveFiles.regularFileInside(archive.root(), archive.document(id).tei()).isPresent();
    }

    /**
     * The document as its TEI now reads, or empty when there is none of that id.
     *
     * @throws IOException naming the file that cannot be read
     */
    public Optional<DocumentState> current(String id) throws IOException {
        if (!exists(id)) {
            return Optional.empty();
        }
        String sha = Fixity.sha256(archive.document(id).tei());
        synchronized (kept) {
            DocumentState state = kept.get(id);
            if (state != null && state.teiSha256().equals(sha)) {
                return Optional.of(state);
            }
        }
        DocumentState state = read(id, sha);
        synchronized (kept) {
            kept.put(id, state);
        }
        return Optional.of(state);
    }

    private DocumentState read(String id, String sha) throws IOException {
        DocumentFolder document = archive.document(id);
        Path folder = writer.currentFolder(id).root();
        Document read = new ArchivedDocumentReader().read(folder);
        Document withEntities = read.withAnnotations(new EntityReader().read(folder, read));
        boolean handEdited = folder.equals(document.root()) && ArchiveWriter.correctedSinceWritten(document.root());
        return new DocumentState(withEntities, folder, sha, !handEdited, ReviewRecord.of(withEntities));
    }

    private static boolean isId(String id) {
        try {
            Ids.requireValid(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
