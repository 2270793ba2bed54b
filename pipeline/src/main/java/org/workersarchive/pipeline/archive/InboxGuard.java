package org.workersarchive.pipeline.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workersarchive.core.Fixity;
import org.workersarchive.ingest.ScanSet;
import org.workersarchive.ingest.ScanSets;
import org.workersarchive.core.FileNames;

/**
 * What the run knows of each input's files as it took them, so that nothing leaves its place
 * unless it is still what was taken, and so that the inbox does not take again at once what it
 * must not: a file that failed soon after its last change (a copy that paused may go on), or one
 * that failed and had to stay where it is (it cannot be read, or is too large to keep a copy of),
 * until it changes. In memory: a run that starts again takes each such input once more.
 * Thread-safe.
 */
final class InboxGuard {

    private static final Logger LOG = LoggerFactory.getLogger(InboxGuard.class);

    /**
     * One file as it was taken: its size, times and, once it is admitted, its checksum.
     *
     * @param changed  the inode's change time (a new permission changes it), or null where the system does not say
     * @param sha256   the checksum it was admitted with, or null before (and for a sidecar)
     */
    record TakenFile(Path path, long size, FileTime modified, FileTime changed, String sha256) {

        static TakenFile of(Path file) {
            try {
                BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                FileTime changed = null;
                try {
                    changed = (FileTime) Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
                } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
                    // size and time alone then tell a change
                }
                return new TakenFile(file, basic.size(), basic.lastModifiedTime(), changed, null);
            } catch (IOException gone) {
                return new TakenFile(file, -1, FileTime.fromMillis(0), null, null);
            }
        }

        TakenFile withSha256(String checksum) {
            return new TakenFile(path, size, modified, changed, checksum);
        }

        /** Whether the file's size and times are still these (its mode and owner included, by the change time). */
        boolean isUnchanged() {
            TakenFile now = of(path);
            return now.size == size && now.modified.equals(modified) && Objects.equals(now.changed, changed);
        }

        /** As {@link #isUnchanged}, and its bytes still have the checksum it was admitted with. */
        boolean isUnchangedWithContent() throws IOException {
            return isUnchanged() && (sha256 == null || Fixity.sha256(path).equals(sha256));
        }
    }

    /** @param untilChanged taken again only once changed; else once rested for the failure rest */
    private record Held(List<TakenFile> files, boolean untilChanged) {
    }

    private final Duration failureRest;
    private final Map<Path, List<TakenFile>> takenByLead = new ConcurrentHashMap<>();
    private final Map<Path, Held> heldByLead = new ConcurrentHashMap<>();

    /** @param failureRest how long an inbox file must have rested before it may be failed */
    InboxGuard(Duration failureRest) {
        this.failureRest = failureRest;
    }

    Duration failureRest() {
        return failureRest;
    }

    /** Notes the set's files (and sidecar) as they are now, as it is taken. */
    void take(ScanSet set) {
        takenByLead.put(set.lead(), snapshot(set));
    }

    /** Notes each file's checksum as admitted. */
    void admitted(ScanSet set, List<String> sha256OfEachFile) {
        takenByLead.computeIfPresent(set.lead(), (lead, taken) -> {
            List<TakenFile> withSums = new ArrayList<>(taken);
            for (int i = 0; i < set.files().size() && i < sha256OfEachFile.size(); i++) {
                withSums.set(i, withSums.get(i).withSha256(sha256OfEachFile.get(i)));
            }
            return List.copyOf(withSums);
        });
    }

    /** Whether any file of the set has changed (size, time, mode) since it was taken. */
    boolean changedSinceTaken(ScanSet set) {
        List<TakenFile> taken = takenByLead.get(set.lead());
        return taken != null && !taken.stream().allMatch(TakenFile::isUnchanged);
    }

    /** Whether the set's newest file changed less than the failure rest ago: it may be a copy that paused. */
    boolean changedRecently(ScanSet set) {
        Instant newest = Instant.EPOCH;
        for (TakenFile file : snapshot(set)) {
            newest = file.modified().toInstant().isAfter(newest) ? file.modified().toInstant() : newest;
        }
        return Duration.between(newest, Instant.now()).compareTo(failureRest) < 0;
    }

    /** The set is taken again only once it has rested for the failure rest (or changed). */
    void holdUntilRested(ScanSet set) {
        heldByLead.put(set.lead(), new Held(snapshot(set), false));
    }

    /** The set stays where it is, and is taken again only once it changes (mended, its permission given). */
    void holdUntilChanged(ScanSet set) {
        heldByLead.put(set.lead(), new Held(snapshot(set), true));
    }

    /**
     * Whether the inbox may take the set now that it has rested this long: not while it is held,
     * unless it changed since.
     */
    boolean mayTake(ScanSet set, Duration rested) {
        if (ScanSets.isLoneSidecar(set) && rested.compareTo(failureRest) < 0) {
            return false; // its scans may still be on their way
        }
        Held held = heldByLead.get(set.lead());
        if (held == null) {
            return true;
        }
        if (!held.files().stream().allMatch(TakenFile::isUnchanged) || held.files().size() != set.filesWithSidecar().size()) {
            heldByLead.remove(set.lead());
            return true;
        }
        return !held.untilChanged() && rested.compareTo(failureRest) >= 0;
    }

    /**
     * Removes the set's files from the inbox, each only if it is still what was taken (size, times,
     * checksum) and no program holds it open for writing: a file that changed since, or may still
     * change, is a new input and stays, to be taken as one (as what it is then).
     *
     * @return the files that stayed
     */
    List<Path> removeUnchanged(ScanSet set) throws IOException {
        List<TakenFile> taken = takenByLead.getOrDefault(set.lead(), snapshot(set));
        Set<Path> held = OpenWriters.heldForWriting(taken.stream().map(TakenFile::path).toList());
        List<Path> stayed = new ArrayList<>();
        for (TakenFile file : taken) {
            if (held.contains(file.path())) {
                LOG.warn("{} is open for writing by another program: it stays in the inbox, and is taken again as "
                        + "a new input once that program has closed it", FileNames.printable(file.path().toString()));
                stayed.add(file.path());
            } else if (file.isUnchangedWithContent()) {
                Files.deleteIfExists(file.path());
            } else if (Files.exists(file.path(), LinkOption.NOFOLLOW_LINKS)) {
                LOG.warn("{} changed after it was taken: it stays in the inbox, and is taken again as a new input",
                        FileNames.printable(file.path().toString()));
                stayed.add(file.path());
            }
        }
        return stayed;
    }

    /** The run is done with the set: forgets how it was taken. */
    void forget(ScanSet set) {
        takenByLead.remove(set.lead());
    }

    private static List<TakenFile> snapshot(ScanSet set) {
        return set.filesWithSidecar().stream().map(TakenFile::of).toList();
    }
}
