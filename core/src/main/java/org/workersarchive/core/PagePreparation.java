package org.workersarchive.core;

import java.util.Objects;

/**
 * What was done to a page image before it was read, so that a scholar can tell why the facsimile
 * differs from the scan and an archivist can find the pages that were sideways or skewed.
 *
 * @param rotationDegrees   how far the scan was turned clockwise to stand upright: 0, 90, 180 or 270
 * @param skewDegrees       how far it was then turned to straighten its lines, clockwise positive;
 *                          0 when it was straight enough
 * @param script            the writing system Tesseract's orientation detector saw (Latin, Cyrillic, …),
 *                          or, on a page not examined, that of the model it read well with (the
 *                          document's, for a page turned as its first pages were); {@link Script#UNKNOWN}
 *                          when neither tells
 * @param thresholding      how the page was made black and white for reading, e.g. {@code otsu} or
 *                          {@code sauvola}; the kept image is never thresholded, only the copy that was read;
 *                          {@code none} when the page was not read
 * @param orientation       where the rotation and script came from
 * @param scale             how many times larger than the kept image the page was read: more than 1
 *                          where its text was too small in pixels for Tesseract; the boxes are the
 *                          kept image's all the same
 */
public record PagePreparation(int rotationDegrees, double skewDegrees, Script script, String thresholding,
                              OrientationSource orientation, double scale) {

    /** A page that was not prepared: a text-layer page, or one not read yet. */
    public static final PagePreparation NONE = new PagePreparation(0, 0, Script.UNKNOWN, "none",
            OrientationSource.NONE, 1);

    /** Where a page's rotation and script came from. */
    public enum OrientationSource {
        /** The page was not prepared. */
        NONE,
        /** Orientation detection on this page, sure of itself. */
        DETECTED,
        /** Orientation detection on this page, too unsure to turn it: it was read as it lay, or both ways. */
        UNSURE,
        /**
         * The document's first pages, on which orientation detection agreed: this page was not
         * examined itself, and was read as they were (a page that then read poorly is examined after all).
         */
        DOCUMENT,
        /**
         * Not examined: the page was read as it lay, as most leaves lie in the scanner, and kept so
         * because it read well (a page that reads poorly as it lies is examined, and this reading
         * kept only when it is still the better one). Upside-down or sideways text, or text read
         * with a model of the wrong script, reads with half the confidence of upright text.
         */
        AS_IT_LAY
    }

    public PagePreparation {
        if (rotationDegrees % 90 != 0 || rotationDegrees < 0 || rotationDegrees >= 360) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270: " + rotationDegrees);
        }
        if (!(Math.abs(skewDegrees) <= 45)) {
            throw new IllegalArgumentException("skew out of -45..45 degrees: " + skewDegrees);
        }
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(thresholding, "thresholding");
        Objects.requireNonNull(orientation, "orientation");
        if (!(scale >= 1 && scale <= 4)) {
            throw new IllegalArgumentException("scale out of 1..4: " + scale);
        }
    }

    /** A preparation that read the page at the kept image's own size. */
    public PagePreparation(int rotationDegrees, double skewDegrees, Script script, String thresholding,
                           OrientationSource orientation) {
        this(rotationDegrees, skewDegrees, script, thresholding, orientation, 1);
    }

    /** The same preparation with the script the page was found to be in. */
    public PagePreparation withScript(Script newScript) {
        return new PagePreparation(rotationDegrees, skewDegrees, newScript, thresholding, orientation, scale);
    }

    /** The same preparation, the page read at this many times the kept image's size. */
    public PagePreparation withScale(double newScale) {
        return new PagePreparation(rotationDegrees, skewDegrees, script, thresholding, orientation, newScale);
    }

    /** Whether the kept image differs in geometry from the scan. */
    public boolean turned() {
        return rotationDegrees != 0 || skewDegrees != 0;
    }
}
