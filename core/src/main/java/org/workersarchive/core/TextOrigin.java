package org.workersarchive.core;

/** Where a page's text comes from. */
public enum TextOrigin {
    /** Not read yet. */
    NONE,
    /** Read by OCR from the page image. */
    OCR,
    /** Taken from the PDF's own text layer, which is more faithful than OCR. */
    TEXT_LAYER,
    /**
     * A PDF's invisible text layer (render mode 3: an earlier OCR laid under the page image), not
     * trusted as it is: the page is read, and the layer is kept only where it agrees with the
     * reading ({@link TextAgreement}); the page then says {@link #TEXT_LAYER} or {@link #OCR}.
     */
    INVISIBLE_TEXT_LAYER
}
