package org.workersarchive.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the ingest stage.
 *
 * @param renderDpi   resolution at which image-only PDF pages are rendered for OCR (72..1200)
 * @param maxPages    a PDF or TIFF with more pages fails with "too many pages" (at least 1)
 * @param pageTimeout how long a PDF page may take to render and to give up its text layer: a page
 *                    of millions of drawing operators would otherwise hold its document for hours
 */
public record IngestConfig(int renderDpi, int maxPages, Duration pageTimeout) {

    /** As OCR's page timeout: a sound page renders in a second or two, so only a runaway one meets it. */
    public static final Duration DEFAULT_PAGE_TIMEOUT = Duration.ofMinutes(5);

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
        Objects.requireNonNull(pageTimeout, "pageTimeout");
        if (pageTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("the page timeout must be positive: " + pageTimeout);
        }
    }

    /** With the default page timeout. */
    public IngestConfig(int renderDpi, int maxPages) {
        this(renderDpi, maxPages, DEFAULT_PAGE_TIMEOUT);
    }

    /** 300 dpi (what Tesseract reads best), at most 2000 pages, five minutes a PDF page. */
    public static IngestConfig defaults() {
        return new IngestConfig(300, 2000);
    }
}
