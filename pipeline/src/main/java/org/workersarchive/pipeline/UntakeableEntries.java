package org.workersarchive.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workersarchive.core.FileNames;

/**
 * Gives each inbox entry that can never be taken ({@link InboxEntries#untakeableIn}) its outcome,
 * once: it is left where it is, and said again only if it goes and comes back, or its reason
 * changes. What the archive could not record is tried again at the next look. Thread-safe.
 */
public final class UntakeableEntries {

    private static final Logger LOG = LoggerFactory.getLogger(UntakeableEntries.class);

    private final Path inbox;
    private final BiPredicate<Path, String> record;
    private final Map<Path, String> said = new HashMap<>();

    /** @param record records the entry as failed with the reason; whether it did */
    public UntakeableEntries(Path inbox, BiPredicate<Path, String> record) {
        this.inbox = inbox;
        this.record = record;
    }

    /** Looks at the inbox once, and records what it has not said yet; never throws (it runs on a schedule). */
    public synchronized void look() {
        Map<Path, String> now;
        try {
            now = InboxEntries.untakeableIn(inbox);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot list the inbox {}: {}", FileNames.printable(inbox.toString()), e.getMessage());
            return;
        }
        said.keySet().retainAll(now.keySet());
        now.forEach((entry, reason) -> {
            try {
                if (!reason.equals(said.get(entry)) && record.test(entry, reason)) {
                    said.put(entry, reason);
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot record {}: {}", FileNames.printable(entry.toString()), e.getMessage());
            }
        });
    }
}
