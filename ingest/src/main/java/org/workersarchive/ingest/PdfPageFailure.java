package org.workersarchive.ingest;

import java.io.IOException;

/**
 * What stopped a PDF page from being drawn whole: an image that cannot be decoded, or is too large
 * to, a resource the drawing needs and the file lacks, or the page's time running out. Thrown from
 * inside PDFBox's content-stream processing, which lets an {@link IOException} through its nested
 * forms; the first one thrown is the one reported.
 */
final class PdfPageFailure extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean timeout;

    PdfPageFailure(String reason, boolean timeout, Throwable cause) {
        super(reason, cause);
        this.timeout = timeout;
    }

    /** Whether the page ran out of time, rather than failed. */
    boolean isTimeout() {
        return timeout;
    }
}
