package org.workersarchive.pipeline.routes;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workersarchive.core.FileNames;
import org.workersarchive.ingest.ScanSet;
import org.workersarchive.ingest.ScanSets;
import org.workersarchive.pipeline.archive.OpenWriters;

/**
 * Which inbox files the inbox's file endpoint takes: the first file of each set (see
 * {@link ScanSets}) once every file of the set and its sidecar have rested for a while, so that
 * the pages of an issue copied in one after another are taken together. Sidecars are never taken
 * on their own; they go with their scans. Nothing is taken while the archive cannot be written,
 * nor what the store holds back (a failure to try again once rested, one left in place), nor a
 * set a file of which some program still holds open for writing (a copy that paused, on Linux).
 * The folder is listed and grouped once per poll, not once per file: an inbox of a thousand
 * files is one listing.
 */
public final class InboxSetFilter implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxSetFilter.class);

    /** Long enough for the next page of a set being copied in to appear. */
    static final Duration SET_QUIET = Duration.ofSeconds(3);
    /** A set whose sidecar lists files that do not come is taken after this, and fails with the reason. */
    static final Duration MISSING_FILES_GRACE = Duration.ofMinutes(10);
    /** Shorter than the poll interval, so that each poll sees the folder as it is. */
    private static final Duration LISTING_LIFETIME = Duration.ofMillis(500);

    private final BiPredicate<ScanSet, Duration> mayTake;
    private final Map<Path, Listing> listingByFolder = new HashMap<>();
    /** Files said to be open for writing, so that each is said once while it stays so. */
    private final Set<Path> saidHeld = new HashSet<>();

    /**
     * @param mayTake whether the archive's store lets the inbox take a set that has rested this
     *                long (not while the archive cannot be written; not a failure held to rest, nor
     *                one left in place, until it changes)
     */
    public InboxSetFilter(BiPredicate<ScanSet, Duration> mayTake) {
        this.mayTake = mayTake;
    }

    /** A folder's sets as listed at one moment; which of their files are open for writing, looked at once if asked. */
    private static final class Listing {

        private final Map<Path, ScanSet> setByLead;
        private final Instant made;
        private Set<Path> heldForWriting;

        Listing(Map<Path, ScanSet> setByLead, Instant made) {
            this.setByLead = setByLead;
            this.made = made;
        }

        Map<Path, ScanSet> setByLead() {
            return setByLead;
        }

        Instant made() {
            return made;
        }

        /** One look through /proc for every file of the listing, at the first set that has rested. */
        Set<Path> heldForWriting() {
            if (heldForWriting == null) {
                List<Path> files = setByLead.values().stream().flatMap(set -> set.filesWithSidecar().stream()).toList();
                heldForWriting = OpenWriters.heldForWriting(files);
            }
            return heldForWriting;
        }
    }

    @Override
    public synchronized boolean accept(GenericFile<File> file) {
        if (file.isDirectory()) {
            return false;
        }
        Path path = file.getFile().toPath().toAbsolutePath().normalize();
        ScanSet set = setsIn(path.getParent()).get(path);
        if (set == null) {
            return false; // a sidecar, or a file of a set taken by its first file
        }
        Duration rested = restedFor(set.filesWithSidecar());
        boolean whole = set.missing().isEmpty() ? rested.compareTo(SET_QUIET) >= 0 : rested.compareTo(MISSING_FILES_GRACE) >= 0;
        return whole && mayTake.test(set, rested) && !isHeldOpen(set, path.getParent());
    }

    /**
     * Whether a file of the set is still open for writing (a copy that paused): it is not done,
     * however long it has rested. Said once per file, at the first poll that finds it so.
     */
    private boolean isHeldOpen(ScanSet set, Path folder) {
        Set<Path> held = listingByFolder.get(folder).heldForWriting();
        boolean any = false;
        for (Path file : set.filesWithSidecar()) {
            if (held.contains(file)) {
                any = true;
                if (saidHeld.add(file)) {
                    LOG.warn("{} is still open for writing by another program: it is taken once that program has "
                            + "closed it", FileNames.printable(file.toString()));
                }
            } else {
                saidHeld.remove(file);
            }
        }
        return any;
    }

    private Map<Path, ScanSet> setsIn(Path folder) {
        Listing listing = listingByFolder.get(folder);
        if (listing == null || Duration.between(listing.made(), Instant.now()).compareTo(LISTING_LIFETIME) > 0) {
            Map<Path, ScanSet> setByLead = new HashMap<>();
            ScanSets.setsIn(folder).forEach(set -> setByLead.put(set.lead(), set));
            listing = new Listing(setByLead, Instant.now());
            listingByFolder.put(folder, listing);
        }
        return listing.setByLead();
    }

    /** How long since the most recent change to any of the files. */
    private static Duration restedFor(List<Path> files) {
        Instant latest = Instant.EPOCH;
        for (Path file : files) {
            try {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                latest = modified.isAfter(latest) ? modified : latest;
            } catch (IOException gone) {
                return Duration.ZERO; // moved or being replaced: look again at the next poll
            }
        }
        return Duration.between(latest, Instant.now());
    }
}
