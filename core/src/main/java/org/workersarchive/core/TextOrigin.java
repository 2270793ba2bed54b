package org.workersarchive.core;

/** Where a page's text comes from. */
public enum TextOrigin {
    /** Not read yet. */
    NONE,
    /** Read by OCR from the page image. */
    OCR,
    /** Taken from the PDF's own text layer, which is more faithful than OCR. */
    TEXT_LAYER
}
