package org.workersarchive.pipeline;

/** Where a run's inputs come from, which decides whether they leave that place when done with. */
public enum InputSource {
    /** Files named on the command line: only ever read. */
    BATCH,
    /** The inbox: each input leaves it once its outcome is recorded, whatever the outcome. */
    INBOX,
    /**
     * The archive's failed/ folder, sent through again after a fix: an input that now makes a
     * document (or is found a duplicate) leaves failed/ with its reason; one that fails again stays,
     * with the new reason.
     */
    FAILED
}
