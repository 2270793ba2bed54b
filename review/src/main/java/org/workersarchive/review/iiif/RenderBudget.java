package org.workersarchive.review.iiif;

import java.time.Duration;

/**
 * What rendering IIIF images may take of this process, so that no request, and no crowd of them,
 * exhausts the heap or every core: renders at once, the bytes they may hold together, how long a
 * request waits for its turn, and the largest image returned (advertised in info.json as IIIF's
 * {@code maxWidth}, {@code maxHeight} and {@code maxArea}). Immutable.
 *
 * @param renders     renders at once (a render takes a core)
 * @param memoryBytes the bytes renders hold together, decoded pixels and output, at most
 * @param keptBytes   the decoded pages kept for the tiles a viewer asks next, at most
 * @param turnWait    how long a request waits for a render's turn before 503
 * @param maxSide     the widest and tallest image returned, in pixels
 * @param maxArea     the most pixels of an image returned
 */
public record RenderBudget(int renders, long memoryBytes, long keptBytes, Duration turnWait, int maxSide, long maxArea) {

    /**
     * A render holds at most this many bytes per pixel returned: its region decoded at up to 4 times
     * its area (subsampled by whole steps), 4 bytes a pixel, half again while scaled; and the image
     * returned with its encoding, 8 bytes a pixel (PageImages' estimate).
     */
    static final int BYTES_PER_AREA = 4 * 4 * 3 / 2 + 8;
    private static final int LARGEST_SIDE = 8192;
    private static final long LARGEST_AREA = 4096L * 4096;

    public RenderBudget {
        if (renders < 1 || memoryBytes < 1 || keptBytes < 0 || turnWait.isNegative() || maxSide < 1 || maxArea < 1) {
            throw new IllegalArgumentException("a render budget needs at least one render, some memory and a size");
        }
    }

    /**
     * This machine's: a render per core; half the heap for renders, an eighth (at most 64 MB) for
     * pages kept; the largest image such that one render of it fits the renders' memory.
     */
    public static RenderBudget forThisProcess() {
        Runtime runtime = Runtime.getRuntime();
        long heap = runtime.maxMemory();
        long memory = heap / 2;
        return new RenderBudget(runtime.availableProcessors(), memory, Math.min(64L << 20, heap / 8),
                Duration.ofSeconds(20), LARGEST_SIDE, Math.max(1, Math.min(LARGEST_AREA, memory / BYTES_PER_AREA)));
    }
}
