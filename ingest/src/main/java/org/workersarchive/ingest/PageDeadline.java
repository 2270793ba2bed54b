package org.workersarchive.ingest;

import java.time.Duration;

/**
 * When the work on one PDF page must be over: checked between the drawing operators of its
 * content streams (forms, patterns, Type 3 glyphs and annotations included), so that a page of
 * twenty million operators fails with "timeout" instead of holding its document for hours. A
 * single operator is not interrupted: the work one operator does is bounded by the page's and the
 * images' pixel limits. Not thread-safe: one per page.
 */
final class PageDeadline {

    private final long endNanos;
    private final Duration allowed;
    private final int pdfPage;
    private final String doing;

    /**
     * @param pdfPage 1-based, for the reason
     * @param doing   what the page is going through, for the reason: "rendering", "reading the text layer of"
     */
    PageDeadline(Duration allowed, int pdfPage, String doing) {
        this.allowed = allowed;
        this.endNanos = System.nanoTime() + allowed.toNanos();
        this.pdfPage = pdfPage;
        this.doing = doing;
    }

    /** @throws PdfPageFailure "timeout: rendering page N …" once the time is over */
    void check() throws PdfPageFailure {
        if (System.nanoTime() - endNanos > 0) {
            throw new PdfPageFailure("timeout: " + doing + " page " + pdfPage + " took longer than "
                    + allowed.toSeconds() + " s (archive.page-timeout); its drawing is too long or loops", true, null);
        }
    }
}
