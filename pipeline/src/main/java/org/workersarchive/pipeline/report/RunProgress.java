package org.workersarchive.pipeline.report;

import java.nio.file.Path;

/**
 * What a run tells as it goes, for a person watching it: an input taken, its pages made, each page
 * read, and its outcome. Pages are the unit of a run's work (a 500-page PDF is 500 times a slip),
 * so a display counts them rather than inputs. Called from the pipeline's threads, concurrently: an
 * implementation is thread-safe. Only the outcome must be handled; the rest may be ignored.
 */
@FunctionalInterface
public interface RunProgress {

    /** The outcome of an input, once it is recorded (its last event). */
    void accept(InputOutcome outcome);

    /**
     * The run holds the archive and has read what it needs (the authority list, a stopped run's
     * journal); its engines start now, which takes a second or two. Nothing a user gave wrongly can
     * stop it from here on, so a display may say what the run will do.
     */
    default void starting() {
    }

    /**
     * An input was taken and its document is under way.
     *
     * @param input the input's first file, as its outcome will name it
     */
    default void started(Path input) {
    }

    /** The input's pages are made (rendered, split) and about to be read: now their number is known. */
    default void pagesMade(Path input, int pages) {
    }

    /** One page of the input was read (here, or by a worker over a broker). */
    default void pageRead(Path input) {
    }
}
