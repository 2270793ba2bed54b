package org.workersarchive.pipeline.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.workersarchive.core.Fixity;
import org.workersarchive.ingest.ScanSet;

/**
 * The inputs under way, on disk in {@code ARCHIVE/state/inputs/KEY.json}, so that a run killed at
 * any moment leaves enough for the next one to go on exactly where it stopped. An entry is written
 * when a run takes an input up and deleted once its outcome is recorded and its files have left the
 * inbox; in between it says how many runs took the input up and stopped (a crash, a kill, a power
 * cut), which document one of them wrote, and, once the outcome is recorded, which files are to
 * leave the inbox. An input is known by where its first file lies (KEY is the SHA-256 of that
 * path) and by its bytes: two copies of the same scan are two inputs, the second a duplicate.
 * Entries are written under a temporary name and renamed. Thread-safe for distinct inputs.
 */
final class InputJournal {

    /** One inbox file as it was taken: a file of that name that has changed since is not ours to remove. */
    record TakenFile(String path, long size, long modifiedMillis) {

        static TakenFile of(Path file) throws IOException {
            return new TakenFile(file.toString(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
        }

        boolean isUnchanged() throws IOException {
            Path file = Path.of(path);
            return Files.isRegularFile(file) && Files.size(file) == size
                    && Files.getLastModifiedTime(file).toMillis() == modifiedMillis;
        }
    }

    /**
     * @param sha256          the input's checksum
     * @param runsStopped     runs that took the input up and stopped before its outcome was recorded
     * @param writtenDocument the document a run wrote from it, before its outcome was recorded; or null
     * @param leaving         the outcome is recorded: the files are to leave the inbox
     */
    record Entry(String sha256, int runsStopped, String writtenDocument, boolean leaving, List<TakenFile> files) {
        Entry {
            files = List.copyOf(files);
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Path dir;

    /** @param dir the archive's journal folder ({@link org.workersarchive.core.ArchiveLayout#journal}) */
    InputJournal(Path dir) {
        this.dir = dir;
    }

    /** Where the entries are. */
    Path dir() {
        return dir;
    }

    /**
     * Records that this run takes the input up.
     *
     * @param files the input's files as they are in the inbox (or the batch folder), sidecar included
     * @return the entry: how many earlier runs took it up and stopped before its outcome was
     *         recorded, and the document one of them wrote
     */
    Entry begin(ScanSet input, String sha256) throws IOException {
        // The same place with other bytes is another input: what was known of the first is no more.
        Optional<Entry> earlier = read(input).filter(entry -> entry.sha256().equals(sha256));
        List<TakenFile> taken = new ArrayList<>();
        for (Path file : input.filesWithSidecar()) {
            taken.add(TakenFile.of(file));
        }
        Entry entry = new Entry(sha256, earlier.map(e -> e.runsStopped() + 1).orElse(0),
                earlier.map(Entry::writtenDocument).orElse(null), false, taken);
        write(input, entry);
        return entry;
    }

    /** The input's document is in the archive; its outcome is about to be recorded. */
    void written(ScanSet input, String documentId) throws IOException {
        Entry entry = read(input).orElse(null);
        if (entry != null) {
            write(input, new Entry(entry.sha256(), entry.runsStopped(), documentId, false, entry.files()));
        }
    }

    /** The input is put off (the archive could not be written): this attempt was no stop of a run. */
    void putOff(ScanSet input) throws IOException {
        Entry entry = read(input).orElse(null);
        if (entry != null && entry.runsStopped() > 0) {
            write(input, new Entry(entry.sha256(), entry.runsStopped() - 1, entry.writtenDocument(), false,
                    entry.files()));
        } else {
            Files.deleteIfExists(file(input));
        }
    }

    /** The input's outcome is recorded; its files are about to leave the inbox. */
    void leaving(ScanSet input) throws IOException {
        Entry entry = read(input).orElse(null);
        if (entry != null) {
            write(input, new Entry(entry.sha256(), entry.runsStopped(), entry.writtenDocument(), true, entry.files()));
        }
    }

    /** The input is done with: its outcome recorded, its files gone from the inbox when they were to go. */
    void done(ScanSet input) throws IOException {
        Files.deleteIfExists(file(input));
    }

    /**
     * Finishes what a stopped run had begun: removes from the inbox the files of inputs whose
     * outcome it had recorded (each only if unchanged since it was taken), then forgets them.
     *
     * @return the files removed
     */
    List<Path> finishRemovals() throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.json")) {
            for (Path entryFile : entries) {
                Entry entry = json.readValue(entryFile.toFile(), Entry.class);
                if (!entry.leaving()) {
                    continue;
                }
                for (TakenFile taken : entry.files()) {
                    if (taken.isUnchanged()) {
                        Files.deleteIfExists(Path.of(taken.path()));
                        removed.add(Path.of(taken.path()));
                    }
                }
                Files.delete(entryFile);
            }
        }
        return removed;
    }

    /** The first file of each input under way, or taken up by a run that stopped. */
    List<Path> inputsUnderWay() throws IOException {
        List<Path> inputs = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.json")) {
                for (Path entryFile : entries) {
                    inputs.add(Path.of(json.readValue(entryFile.toFile(), Entry.class).files().get(0).path()));
                }
            }
        }
        return inputs;
    }

    private Optional<Entry> read(ScanSet input) throws IOException {
        try {
            return Optional.of(json.readValue(file(input).toFile(), Entry.class));
        } catch (FileNotFoundException | NoSuchFileException none) {
            return Optional.empty();
        }
    }

    private void write(ScanSet input, Entry entry) throws IOException {
        Files.createDirectories(dir);
        Path partial = dir.resolve("." + UUID.randomUUID() + ".partial");
        json.writeValue(partial.toFile(), entry);
        Files.move(partial, file(input), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path file(ScanSet input) {
        return dir.resolve(Fixity.sha256(input.lead().toAbsolutePath().normalize().toString()) + ".json");
    }
}
