package org.workersarchive.pipeline.archive;

/**
 * A failed input of which failed/ keeps no copy: it cannot be read, or it is larger than a copy is
 * kept of. The input then stays where it is; {@link #getMessage} says why, for its reason.
 */
public final class FailedCopyRefused extends Exception {

    private static final long serialVersionUID = 1L;

    FailedCopyRefused(String why) {
        super(why);
    }
}
