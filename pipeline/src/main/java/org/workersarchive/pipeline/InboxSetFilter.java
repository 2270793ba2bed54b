package org.workersarchive.pipeline;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.workersarchive.ingest.ScanSet;
import org.workersarchive.ingest.ScanSets;

/**
 * Which inbox files the inbox's file endpoint takes: the first file of each set (see
 * {@link ScanSets}) once every file of the set and its sidecar have rested for a while, so that
 * the pages of an issue copied in one after another are taken together. Sidecars are never taken
 * on their own; they go with their scans.
 */
final class InboxSetFilter implements GenericFileFilter<File> {

    /** Long enough for the next page of a set being copied in to appear. */
    static final Duration SET_QUIET = Duration.ofSeconds(3);
    /** A set whose sidecar lists files that do not come is taken after this, and fails with the reason. */
    static final Duration MISSING_FILES_GRACE = Duration.ofMinutes(10);

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory()) {
            return false;
        }
        Path path = file.getFile().toPath().toAbsolutePath().normalize();
        if (ScanSets.isSidecarName(path.getFileName().toString())) {
            return false;
        }
        ScanSet set = ScanSets.setOf(path);
        if (!set.lead().equals(path)) {
            return false;
        }
        List<Path> members = new ArrayList<>(set.files());
        if (set.sidecar() != null) {
            members.add(set.sidecar());
        }
        Duration rested = restedFor(members);
        return set.missing().isEmpty() ? rested.compareTo(SET_QUIET) >= 0 : rested.compareTo(MISSING_FILES_GRACE) >= 0;
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
