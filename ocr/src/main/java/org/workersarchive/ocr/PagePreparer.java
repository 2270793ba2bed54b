package org.workersarchive.ocr;

import static org.workersarchive.ocr.Pixes.LEPT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import net.sourceforge.lept4j.ILeptonica;
import net.sourceforge.lept4j.Pix;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.PagePreparation;
import org.workersarchive.core.RejectedInputException;

/**
 * Makes a page image fit to be read: turned upright by Tesseract's orientation detection,
 * straightened by Leptonica's skew search, and, where configured, its background evened out. The
 * upright, straightened image replaces the page's image file (written under a temporary name and
 * renamed), because the boxes Tesseract reports refer to it and the TEI facsimile must show it.
 * <b>Not thread-safe</b>: it holds a native orientation detector; one per reading thread.
 */
final class PagePreparer implements AutoCloseable {

    /** OSD's confidence below which a page is left as it is: OCRmyPDF's default threshold. */
    static final float MIN_ORIENTATION_CONFIDENCE = 14;
    /** OSD's script confidence below which the script is not trusted (Cyrillic pages score 4 to 10, Latin 15 to 35). */
    static final float MIN_SCRIPT_CONFIDENCE = 1;
    /** Leptonica's own default minimum confidence for a skew estimate (pixDeskew). */
    static final float MIN_SKEW_CONFIDENCE = 3;
    /** Smaller skews do not hurt Tesseract and are not worth resampling the image for. */
    static final double MIN_SKEW_DEGREES = 0.1;
    /**
     * Median gray below which the paper counts as not white: the median of a page is its paper; a good
     * scan of white paper measures 250, the yellowed, shaded benchmark and sample pages 204 to 218.
     */
    static final int WHITE_PAPER = 235;
    /** Gray level below which a pixel counts as ink when the skew is searched. */
    private static final int SKEW_INK_THRESHOLD = 130;

    private final OcrConfig config;
    private final OrientationDetector orientation;

    PagePreparer(OcrConfig config) {
        this.config = config;
        this.orientation = new OrientationDetector(config.tessdataDir());
    }

    /**
     * A page ready to be read: the page (with its prepared image and what was done to it) and the
     * gray image for Tesseract, which the caller must close.
     */
    record PreparedPage(Page page, Pix forReading) implements AutoCloseable {
        @Override
        public void close() {
            Pixes.destroy(forReading);
        }
    }

    /**
     * Prepares one page; its image file is replaced by the upright, straightened image when the page
     * had to be turned.
     *
     * @throws RejectedInputException when the image cannot be read
     */
    PreparedPage prepare(Page page) {
        Pix scan = LEPT.pixRead(page.image().path().toString());
        if (scan == null) {
            throw new RejectedInputException("page " + page.number() + ": Leptonica cannot read its image");
        }
        Pix gray = null;
        Pix upright = null;
        try {
            gray = LEPT.pixConvertTo8(scan, 0);
            int dpi = dpi(page);
            OrientationDetector.Orientation seen = orientation.detect(gray, dpi);
            int turn = seen.confidence() >= MIN_ORIENTATION_CONFIDENCE ? (360 - seen.turnedDegrees()) % 360 : 0;
            upright = turned(gray, turn, 0);
            double skew = skewOf(upright);
            PageImage image = page.image();
            if (turn != 0 || skew != 0) {
                image = keep(page, scan, gray, turn, skew);
            }
            Pix straight = skew == 0 ? Pixes.share(upright) : turned(upright, 0, skew);
            Thresholding thresholding = thresholdingFor(straight);
            Pix forReading = thresholding.normalisesBackground() ? normalised(straight) : straight;
            String script = seen.scriptConfidence() >= MIN_SCRIPT_CONFIDENCE ? seen.script() : PagePreparation.UNKNOWN_SCRIPT;
            PagePreparation done = new PagePreparation(turn, skew, script, thresholding.label());
            return new PreparedPage(page.withPreparedImage(image, done), forReading);
        } finally {
            Pixes.destroy(upright);
            Pixes.destroy(gray);
            Pixes.destroy(scan);
        }
    }

    @Override
    public void close() {
        orientation.close();
    }

    private Thresholding thresholdingFor(Pix gray) {
        if (config.thresholding() != Thresholding.AUTO) {
            return config.thresholding();
        }
        return Pixes.medianGray(gray) < WHITE_PAPER ? Thresholding.NORMALISED_OTSU : Thresholding.OTSU;
    }

    private int dpi(Page page) {
        return page.image().dpi() > 0 ? page.image().dpi() : config.defaultDpi();
    }

    /**
     * The angle that straightens the page's lines, clockwise positive, or 0 when Leptonica is not
     * confident or the page is straight enough.
     */
    private static double skewOf(Pix gray) {
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
    private static Pix turned(Pix image, int quarterTurnDegrees, double skewDegrees) {
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

    /**
     * Writes the turned image over the page's image file and returns its description. A colour scan
     * stays in colour for the facsimile.
     */
    private static PageImage keep(Page page, Pix scan, Pix gray, int turn, double skew) {
        Pix kept = turned(LEPT.pixGetDepth(scan) == 32 ? scan : gray, turn, skew);
        Path target = page.image().path();
        Path partial = target.resolveSibling("." + target.getFileName() + ".prepared.partial");
        try {
            if (LEPT.pixWrite(partial.toString(), kept, ILeptonica.IFF_PNG) != 0) {
                throw new IOException("Leptonica could not write " + partial);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new PageImage(target, LEPT.pixGetWidth(kept), LEPT.pixGetHeight(kept), page.image().dpi());
        } catch (IOException e) {
            throw new UncheckedIOException("the prepared image of page " + page.number() + " could not be kept", e);
        } finally {
            Pixes.destroy(kept);
            deleteQuietly(partial);
        }
    }

    /** A leftover partial file is only litter in the document's staging folder, which is dropped anyway. */
    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // the staging folder is deleted with everything in it when the document is stored or fails
        }
    }

    /** The page with its background brought to an even light gray (Leptonica's default settings). */
    private static Pix normalised(Pix gray) {
        try {
            Pix even = LEPT.pixBackgroundNormSimple(gray, null, null);
            return even != null ? even : Pixes.share(gray);
        } finally {
            Pixes.destroy(gray);
        }
    }
}
