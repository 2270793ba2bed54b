package org.workersarchive.pipeline.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.workersarchive.core.Ids;

/**
 * Which checksums the archive already holds, so that the same bytes under any name become one
 * document. A document folder's name ends with its checksum prefix ({@link Ids#documentId}), so
 * the index is built from folder names alone, without reading any file. Thread-safe: a checksum
 * is claimed before its document is made, so two copies in one run cannot both be processed; the
 * second waits for the first's outcome.
 */
final class DuplicateIndex {

    private static final String IN_PROGRESS = "";
    private static final String IN_PROGRESS_NOTE = "(in progress in this run)";

    private final Map<String, String> documentByChecksumPrefix = new ConcurrentHashMap<>();

    DuplicateIndex(Path documentsDir) {
        if (!Files.isDirectory(documentsDir)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(documentsDir, Files::isDirectory)) {
            for (Path folder : folders) {
                String id = folder.getFileName().toString();
                int dash = id.lastIndexOf('-');
                if (!id.startsWith(".") && dash > 0) {
                    documentByChecksumPrefix.put(id.substring(dash + 1), id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the archive's documents in " + documentsDir, e);
        }
    }

    /**
     * Claims a checksum for a new document. Returns the id of the document that already has these
     * bytes, or empty when the caller now owns the checksum. When another input of the same bytes
     * is being made into its document right now, waits until it is written (and returns its id) or
     * has failed (and the caller owns the checksum): a duplicate is recorded with the id of the
     * document it duplicates, never with a placeholder.
     *
     * @throws InterruptedException when the run is stopped while waiting
     */
    synchronized Optional<String> claim(String sha256) throws InterruptedException {
        String key = Ids.checksumPrefix(sha256);
        while (IN_PROGRESS.equals(documentByChecksumPrefix.get(key))) {
            wait();
        }
        String existing = documentByChecksumPrefix.putIfAbsent(key, IN_PROGRESS);
        return Optional.ofNullable(existing);
    }

    /** Whether what {@link #claim} returned means "being made in this run" rather than a document's id. */
    static boolean isInProgress(String claimed) {
        return claimed.equals(IN_PROGRESS_NOTE);
    }

    /** The document for a claimed checksum is written. */
    synchronized void completed(String sha256, String documentId) {
        documentByChecksumPrefix.put(Ids.checksumPrefix(sha256), documentId);
        notifyAll();
    }

    /** The document for a claimed checksum failed; the same bytes may be tried again. */
    synchronized void released(String sha256) {
        documentByChecksumPrefix.remove(Ids.checksumPrefix(sha256), IN_PROGRESS);
        notifyAll();
    }
}
