package org.workersarchive.export;

import org.workersarchive.core.PageImage;

/**
 * A page image's pixels as PDF points: the page has the image's physical size (72 points an
 * inch), and y is turned round, since boxes count from the top left and PDF from the bottom left.
 *
 * @param pointsPerPixel 72 / the image's resolution
 * @param width          of the page, in points
 * @param height         of the page, in points
 */
record PdfPageGeometry(float pointsPerPixel, float width, float height) {

    /** The resolution taken for an image whose own is unknown: what scans for OCR are usually made at. */
    static final int ASSUMED_DPI = 300;

    static PdfPageGeometry of(PageImage image) {
        float scale = 72f / (image.dpi() == 0 ? ASSUMED_DPI : image.dpi());
        return new PdfPageGeometry(scale, image.width() * scale, image.height() * scale);
    }

    /** A horizontal position or a length, from pixels to points. */
    float points(int pixels) {
        return pixels * pointsPerPixel;
    }

    /** A vertical position counted in pixels from the top, as points from the bottom. */
    float y(int pixelsFromTop) {
        return height - pixelsFromTop * pointsPerPixel;
    }
}
