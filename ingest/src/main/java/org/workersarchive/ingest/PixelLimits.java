package org.workersarchive.ingest;

import org.workersarchive.core.RejectedInputException;

/**
 * The size every page image must have, checked from the size a file declares before any pixel
 * buffer is made: at most {@link IngestConfig#MAX_PIXELS} pixels and {@link IngestConfig#MAX_SIDE}
 * a side, at least {@link IngestConfig#MIN_SIDE} each way.
 */
final class PixelLimits {

    private PixelLimits() {
    }

    /**
     * @param width  as the file declares it, at most {@link Integer#MAX_VALUE}
     * @param height as the file declares it, at most {@link Integer#MAX_VALUE}
     * @throws RejectedInputException "image too large: …" or "image too small to hold text: …"
     */
    static void requireReadable(long width, long height) {
        String size = width + "x" + height + " pixels";
        if (width * height > IngestConfig.MAX_PIXELS) {
            throw new RejectedInputException("image too large: " + size + " (limit "
                    + IngestConfig.MAX_PIXELS / 1_000_000 + " megapixels)");
        }
        if (width > IngestConfig.MAX_SIDE || height > IngestConfig.MAX_SIDE) {
            throw new RejectedInputException("image too large: " + size + " (limit " + IngestConfig.MAX_SIDE
                    + " pixels a side)");
        }
        if (width < IngestConfig.MIN_SIDE || height < IngestConfig.MIN_SIDE) {
            throw new RejectedInputException("image too small to hold text: " + size + " (at least "
                    + IngestConfig.MIN_SIDE + " pixels each way)");
        }
    }

    /** Whether an image of this size is within the upper limits. */
    static boolean withinUpperLimits(long width, long height) {
        // The sides first: once they are bounded, their product cannot overflow.
        return width <= IngestConfig.MAX_SIDE && height <= IngestConfig.MAX_SIDE
                && width * height <= IngestConfig.MAX_PIXELS;
    }
}
