package org.workersarchive.ocr;

import java.time.Duration;
import java.util.Objects;

/**
 * How far the pipeline trusts Tesseract, which runs as native code: the bounds that
 * {@link EngineProcesses} keeps its engine processes within.
 *
 * @param processes       engine processes at most, each reading one page at a time
 * @param pageTimeout     a page still being read after this fails with a "timeout" reason, and its
 *                        process is killed
 * @param pagesPerProcess an engine process reads this many pages, then is replaced by a new one,
 *                        which gives back whatever native memory the old one had gathered
 * @param attempts        how many engine processes may crash on one page before the page (and so its
 *                        document) fails
 * @param heapMegabytes   the Java heap of each engine process
 */
public record EngineLimits(int processes, Duration pageTimeout, int pagesPerProcess, int attempts,
                           int heapMegabytes) {

    public EngineLimits {
        Objects.requireNonNull(pageTimeout, "pageTimeout");
        if (processes < 1) {
            throw new IllegalArgumentException("engine processes must be at least 1: " + processes);
        }
        if (pageTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("the page timeout must be at least a second: " + pageTimeout);
        }
        if (pagesPerProcess < 1) {
            throw new IllegalArgumentException("pages per engine process must be at least 1: " + pagesPerProcess);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts per page must be at least 1: " + attempts);
        }
        if (heapMegabytes < 64) {
            throw new IllegalArgumentException("an engine process needs a heap of at least 64 MB: " + heapMegabytes);
        }
    }

    /**
     * One process per core; five minutes a page (a sound page takes seconds, so only a runaway one
     * meets the bound); a new process every 200 pages; a crashed page tried once more in a fresh
     * process; 512 MB of heap, room for an A3 page at 600 dpi being turned.
     */
    public static EngineLimits defaults(int processes) {
        return new EngineLimits(processes, Duration.ofMinutes(5), 200, 2, 512);
    }

    public EngineLimits withPageTimeout(Duration newTimeout) {
        return new EngineLimits(processes, newTimeout, pagesPerProcess, attempts, heapMegabytes);
    }

    public EngineLimits withPagesPerProcess(int newPagesPerProcess) {
        return new EngineLimits(processes, pageTimeout, newPagesPerProcess, attempts, heapMegabytes);
    }

    public EngineLimits withAttempts(int newAttempts) {
        return new EngineLimits(processes, pageTimeout, pagesPerProcess, newAttempts, heapMegabytes);
    }
}
