package org.workersarchive.ocr;

import static org.workersarchive.ocr.Pixes.LEPT;

import com.sun.jna.ptr.PointerByReference;
import java.nio.FloatBuffer;
import net.sourceforge.lept4j.Box;
import net.sourceforge.lept4j.ILeptonica;
import net.sourceforge.lept4j.Pix;

/**
 * The Leptonica operations a page's preparation is made of: the skew found, the image turned, its
 * background evened out, its small text scaled up, a sample band cut out. Each returns a new Pix
 * that the caller destroys ({@link Pixes#destroy}) and leaves its argument as it was.
 */
final class PageImageOps {

    /** Leptonica's own default minimum confidence for a skew estimate (pixDeskew). */
    static final float MIN_SKEW_CONFIDENCE = 3;
    /** Smaller skews do not hurt Tesseract and are not worth resampling the image for. */
    static final double MIN_SKEW_DEGREES = 0.1;
    /** Gray level below which a pixel counts as ink when the skew is searched. */
    private static final int SKEW_INK_THRESHOLD = 130;

    private PageImageOps() {
    }

    /**
     * The angle that straightens the page's lines, clockwise positive, or 0 when Leptonica is not
     * confident or the page is straight enough.
     */
    static double skewOf(Pix gray) {
        Pix ink = LEPT.pixConvertTo1(gray, SKEW_INK_THRESHOLD);
        try {
            FloatBuffer angle = FloatBuffer.allocate(1);
            FloatBuffer confidence = FloatBuffer.allocate(1);
            if (ink == null || LEPT.pixFindSkew(ink, angle, confidence) != 0
                    || confidence.get(0) < MIN_SKEW_CONFIDENCE || Math.abs(angle.get(0)) < MIN_SKEW_DEGREES) {
                return 0;
            }
            // Leptonica turns clockwise for positive angles and reports the turn that straightens the page.
            return Math.round(angle.get(0) * 100) / 100.0;
        } finally {
            Pixes.destroy(ink);
        }
    }


    /** The image turned clockwise by a quarter-turn multiple, then by a small angle; white comes in at the edges. */
    static Pix turned(Pix image, int quarterTurnDegrees, double skewDegrees) {
        Pix upright = quarterTurnDegrees == 0 ? Pixes.share(image) : LEPT.pixRotateOrth(image, quarterTurnDegrees / 90);
        if (skewDegrees == 0) {
            return upright;
        }
        try {
            return LEPT.pixRotate(upright, (float) Math.toRadians(skewDegrees), ILeptonica.L_ROTATE_AREA_MAP,
                    ILeptonica.L_BRING_IN_WHITE, 0, 0);
        } finally {
            Pixes.destroy(upright);
        }
    }


    /** A copy of the page with its background brought to an even light gray (Leptonica's default settings). */
    static Pix normalised(Pix gray) {
        Pix even = LEPT.pixBackgroundNormSimple(gray, null, null);
        return even != null ? even : Pixes.share(gray);
    }

    /** The image scaled by a factor both ways, its gray levels interpolated (Leptonica's pixScale). */
    static Pix scaled(Pix image, double factor) {
        return LEPT.pixScale(image, (float) factor, (float) factor);
    }

    /**
     * A band across the middle of the page, {@code fraction} of its height but at least
     * {@code minHeight} pixels (the whole page when it is not taller): a sample of its text that
     * tells its language at a fraction of the cost of reading it all.
     */
    static Pix middleBand(Pix image, double fraction, int minHeight) {
        int width = LEPT.pixGetWidth(image);
        int height = LEPT.pixGetHeight(image);
        int bandHeight = Math.max(minHeight, (int) Math.round(height * fraction));
        if (bandHeight >= height) {
            return Pixes.share(image);
        }
        Box box = LEPT.boxCreate(0, (height - bandHeight) / 2, width, bandHeight);
        try {
            Pix band = Pixes.LeptonicaExtras.INSTANCE.pixClipRectangle(image, box, null);
            return band != null ? band : Pixes.share(image);
        } finally {
            LEPT.boxDestroy(new PointerByReference(box.getPointer()));
        }
    }
}
