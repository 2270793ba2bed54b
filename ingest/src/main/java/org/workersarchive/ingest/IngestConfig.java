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
 * @param maxTextLayerCharacters a PDF page whose text layer holds more characters than this is read by
 *                    OCR instead, and the document's ingest step says so ({@link #TEXT_LAYERS_OVER_LIMIT});
 *                    at least {@value #MIN_TEXT_LAYER_LIMIT}
 */
public record IngestConfig(int renderDpi, int maxPages, Duration pageTimeout, int maxTextLayerCharacters) {

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
    /**
     * A dense broadsheet holds some 50,000 characters a page: more than this is a generated or
     * hostile layer, and PDFBox would hold every one of them in memory at once.
     */
    public static final int DEFAULT_MAX_TEXT_LAYER_CHARACTERS = 200_000;
    /** Below this no page of print would keep its text layer. */
    public static final int MIN_TEXT_LAYER_LIMIT = 1_000;
    /**
     * The ingest step's detail that lists the PDF pages whose text layer was over
     * {@link #maxTextLayerCharacters} and so read by OCR: {@code PAGE=CHARACTERS} pairs, comma
     * separated, the document's page numbers; absent when there were none. The limit is beside it,
     * as {@link #MAX_TEXT_LAYER_DETAIL}.
     */
    public static final String TEXT_LAYERS_OVER_LIMIT = "textLayersOverLimit";
    /** The ingest step's detail that gives the text layer limit, when a page was over it. */
    public static final String MAX_TEXT_LAYER_DETAIL = "maxTextLayerCharacters";

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
        if (maxTextLayerCharacters < MIN_TEXT_LAYER_LIMIT) {
            throw new IllegalArgumentException("the text layer limit must be at least " + MIN_TEXT_LAYER_LIMIT
                    + " characters: " + maxTextLayerCharacters);
        }
    }

    /** With the default text layer limit. */
    public IngestConfig(int renderDpi, int maxPages, Duration pageTimeout) {
        this(renderDpi, maxPages, pageTimeout, DEFAULT_MAX_TEXT_LAYER_CHARACTERS);
    }

    /** With the default page timeout and text layer limit. */
    public IngestConfig(int renderDpi, int maxPages) {
        this(renderDpi, maxPages, DEFAULT_PAGE_TIMEOUT);
    }

    /** 300 dpi (what Tesseract reads best), at most 2000 pages, five minutes a PDF page, 200,000 characters a text layer. */
    public static IngestConfig defaults() {
        return new IngestConfig(300, 2000);
    }
}
