package org.workersarchive.review.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workersarchive.core.ArchiveLayout;

/**
 * The archive's documents as the list shows them, kept up to date with the folder: a refresh looks
 * at each document's TEI (its size and time first, its checksum only when they moved) and reads
 * again the documents that changed, whoever changed them (a run, an import, a person with an XML
 * editor, this server). Each document read is handed to a listener (the search index).
 * Thread-safe; refreshes run one at a time.
 */
public final class ArchiveCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveCatalog.class);

    /** Told of each document read anew, and of each that left the archive. */
    public interface Listener {
        void changed(DocumentState state) throws IOException;

        void removed(String id) throws IOException;
    }

    /** What a refresh found. */
    public record Refresh(int documents, int readAgain, int removed, List<String> unreadable) {
        public Refresh {
            unreadable = List.copyOf(unreadable);
        }
    }

    private record Stamp(long modified, long size) {
    }

    private record Entry(Stamp stamp, DocumentSummary summary) {
    }

    private final ArchiveLayout archive;
    private final DocumentStates states;
    private final int uncertainBelow;
    private final Listener listener;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, String> unreadable = new ConcurrentHashMap<>();

    /** @param uncertainBelow the TEI's threshold under which a word counts as doubtful */
    public ArchiveCatalog(ArchiveLayout archive, DocumentStates states, int uncertainBelow, Listener listener) {
        this.archive = archive;
        this.states = states;
        this.uncertainBelow = uncertainBelow;
        this.listener = listener;
    }

    /** Every document listed, in no order. */
    public List<DocumentSummary> all() {
        return entries.values().stream().map(Entry::summary).toList();
    }

    public Optional<DocumentSummary> summary(String id) {
        return Optional.ofNullable(entries.get(id)).map(Entry::summary);
    }

    /** Documents that could not be read at the last refresh, with the reason. */
    public Map<String, String> unreadable() {
        return Map.copyOf(unreadable);
    }

    /** Looks at every document folder and reads again those whose TEI changed. */
    public synchronized Refresh refresh() throws IOException {
        Set<String> seen = new HashSet<>();
        int readAgain = 0;
        for (String id : documentIds()) {
            seen.add(id);
            try {
                readAgain += refresh(id) ? 1 : 0;
                unreadable.remove(id);
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                // A folder a person broke is listed as unreadable; the others are served.
                unreadable.put(id, e.getMessage());
                LOG.warn("document {} cannot be read: {}", id, e.getMessage());
            }
        }
        int removed = 0;
        for (String gone : new ArrayList<>(entries.keySet())) {
            if (!seen.contains(gone)) {
                entries.remove(gone);
                listener.removed(gone);
                removed++;
            }
        }
        return new Refresh(entries.size(), readAgain, removed, List.copyOf(unreadable.keySet()));
    }

    /** Reads the document again if its TEI changed; true when it did. */
    public synchronized boolean refresh(String id) throws IOException {
        Path tei = archive.document(id).tei();
        BasicFileAttributes attributes = Files.readAttributes(tei, BasicFileAttributes.class);
        Stamp stamp = new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size());
        Entry entry = entries.get(id);
        if (entry != null && entry.stamp().equals(stamp)) {
            return false;
        }
        Optional<DocumentState> state = states.current(id);
        if (state.isEmpty()) {
            return false;
        }
        if (entry != null && entry.summary().teiSha256().equals(state.get().teiSha256())) {
            entries.put(id, new Entry(stamp, entry.summary()));
            return false;
        }
        entries.put(id, new Entry(stamp, DocumentSummary.of(state.get(), uncertainBelow)));
        listener.changed(state.get());
        return true;
    }

    private List<String> documentIds() throws IOException {
        if (!Files.isDirectory(archive.documents())) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(archive.documents())) {
            // Hidden folders are documents being written or replaced: never taken for documents.
            return folders.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> Files.isRegularFile(f.resolve(ArchiveLayout.DocumentFolder.TEI)))
                    .map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
