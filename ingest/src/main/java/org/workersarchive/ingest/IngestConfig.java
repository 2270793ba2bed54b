package org.workersarchive.ingest;

/**
 * Settings of the ingest stage.
 *
 * @param renderDpi resolution at which image-only PDF pages are rendered for OCR (72..1200)
 * @param maxPages  a PDF or TIFF with more pages fails with "too many pages" (at least 1)
 */
public record IngestConfig(int renderDpi, int maxPages) {

    /**
     * Images larger than this are refused before any pixel buffer is made, and PDF pages larger
     * than this at {@link #renderDpi} are rendered at a lower resolution, down to 72 dpi.
     */
    public static final long MAX_PIXELS = 100_000_000L;
    /** Tesseract refuses an image wider or higher than this ("Image too large"), so ingest does first. */
    public static final int MAX_SIDE = 32_767;
    /**
     * An image narrower or lower than this cannot hold a line of text that Tesseract can read
     * (it needs letters about 10 pixels high, and a line of them more), so it is refused rather
     * than passed on to come out with no text and no word of why.
     */
    public static final int MIN_SIDE = 16;

    public IngestConfig {
        if (renderDpi < 72 || renderDpi > 1200) {
            throw new IllegalArgumentException("render dpi out of 72..1200: " + renderDpi);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1: " + maxPages);
        }
    }

    /** 300 dpi (what Tesseract reads best) and at most 2000 pages. */
    public static IngestConfig defaults() {
        return new IngestConfig(300, 2000);
    }
}
