package org.workersarchive.ocr;

import static org.workersarchive.ocr.PageImageOps.normalised;
import static org.workersarchive.ocr.PageImageOps.skewOf;
import static org.workersarchive.ocr.PageImageOps.turned;
import static org.workersarchive.ocr.Pixes.LEPT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import net.sourceforge.lept4j.ILeptonica;
import net.sourceforge.lept4j.Pix;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.PagePreparation;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.Script;

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
    /** OSD's script confidence below which the script is not trusted; Cyrillic pages score lower than Latin ones. */
    static final float MIN_SCRIPT_CONFIDENCE = 1;
    /**
     * OSD's confidence from which a turn it suggests, though not sure enough to apply, is tried by
     * reading the page both ways: short sideways pages score under the sure threshold, but above this.
     */
    static final float MIN_SUGGESTION_CONFIDENCE = 4;
    /**
     * Median gray below which the paper counts as not white: the median of a page is its paper, near
     * 255 on a good scan of white paper and well under this on yellowed, shaded paper.
     */
    static final int WHITE_PAPER = 235;
    /** Median gray below which the paper is evened out however even it is: dark, dim scans. */
    static final int DARK_PAPER = 190;
    /**
     * The range of {@link Pixes#paperSpread} in which tinted paper is evened out: unevenly lit or
     * shaded. Evenly tinted paper reads better without (Tesseract's Otsu copes, and evening out
     * sharpens its grain into specks); over the range, the spread is a dark border or a picture,
     * which evening out turns into noise. Measured on real and drawn pages: DEVELOPERS.md.
     */
    static final int UNEVEN_PAPER = 20;
    static final int BORDERS_NOT_PAPER = 60;
    /**
     * How hard the kept page image is compressed (zlib, 0 to 9): less than zlib's default 6, since
     * writing was the costliest step of preparation; level 3 takes half the time for a fifth more
     * disk (DEVELOPERS.md).
     */
    static final int KEPT_IMAGE_ZLIB_LEVEL = 3;

    private final OcrConfig config;
    private final OrientationDetector orientation;
    private final CpuClock clock;

    /** @param clock charged with the work: orientation detection to Tesseract, the rest to Leptonica */
    PagePreparer(OcrConfig config, CpuClock clock) {
        this.config = config;
        this.orientation = new OrientationDetector(config.tessdataDir());
        this.clock = clock;
    }

    /**
     * A page ready to be read, not yet kept: the page (with the geometry of its prepared image and
     * what was done to it), the gray image for Tesseract, and the turned image to keep in place of the
     * scan (null when the page was not turned). Close it when done.
     *
     * @param suggestedTurn a clockwise turn OSD suggested without the confidence to apply it, worth a
     *                      second reading; 0 when there is none
     */
    record PreparedPage(Page page, Pix forReading, Pix toKeep, int suggestedTurn) implements AutoCloseable {
        @Override
        public void close() {
            Pixes.destroy(forReading);
            Pixes.destroy(toKeep);
        }
    }

    /**
     * Prepares one page, turned as orientation detection finds it. Nothing is written: call
     * {@link #keep} with the preparation that was chosen.
     *
     * @throws RejectedInputException when the image cannot be read
     */
    PreparedPage prepare(Page page) {
        return prepare(page, -1, null, null);
    }

    /**
     * Prepares one page turned clockwise by the given quarter turns, whatever orientation detection
     * finds (its script is still taken).
     */
    PreparedPage prepare(Page page, int forcedTurn) {
        return prepare(page, forcedTurn, null, null);
    }

    /** Prepares one page turned as its document's first pages were, without examining it. */
    PreparedPage prepareAsDocument(Page page, ReadingHint settled) {
        return prepare(page, settled.settledTurn(), settled.script(), PagePreparation.OrientationSource.DOCUMENT);
    }

    /** Prepares one page as it lies, without examining it (its script is not known yet). */
    PreparedPage prepareAsItLies(Page page) {
        return prepare(page, 0, Script.UNKNOWN, PagePreparation.OrientationSource.AS_IT_LAY);
    }

    /**
     * @param forcedTurn  -1 to follow orientation detection
     * @param knownScript with a forced turn, the script the page is taken to be in: orientation
     *                    detection is not run; null to run it
     * @param source      with a known script, where the turn comes from
     */
    private PreparedPage prepare(Page page, int forcedTurn, Script knownScript,
                                 PagePreparation.OrientationSource source) {
        return clock.charge(CpuClock.Library.LEPTONICA, () -> prepareImage(page, forcedTurn, knownScript, source));
    }

    private PreparedPage prepareImage(Page page, int forcedTurn, Script knownScript,
                                      PagePreparation.OrientationSource source) {
        Pix scan = LEPT.pixRead(page.image().path().toString());
        if (scan == null) {
            throw new RejectedInputException("page " + page.number() + ": Leptonica cannot read its image");
        }
        Pix gray = null;
        try {
            gray = LEPT.pixConvertTo8(scan, 0);
            Thresholding thresholding = thresholdingFor(gray);
            return knownScript != null
                    ? turnedAsDocument(page, scan, gray, thresholding,
                            new Orientation(forcedTurn, 0, knownScript, source))
                    : examinedAndTurned(page, scan, gray, thresholding, forcedTurn);
        } finally {
            Pixes.destroy(gray);
            Pixes.destroy(scan);
        }
    }

    /**
     * The background is evened out before orientation detection: on yellowed, thin paper OSD
     * otherwise reads the verso's show-through (measured: a French page seen as Cyrillic).
     */
    private PreparedPage examinedAndTurned(Page page, Pix scan, Pix gray, Thresholding thresholding, int forcedTurn) {
        Pix base = null;
        Pix upright = null;
        try {
            base = thresholding.normalisesBackground() ? normalised(gray) : Pixes.share(gray);
            Orientation orientation = examined(base, page, forcedTurn);
            upright = turned(base, orientation.turn(), 0);
            double skew = skewOf(upright);
            Pix toKeep = orientation.turn() != 0 || skew != 0
                    ? turned(LEPT.pixGetDepth(scan) == 32 ? scan : gray, orientation.turn(), skew) : null;
            Pix forReading = skew == 0 ? Pixes.share(upright) : turned(upright, 0, skew);
            return prepared(page, orientation, skew, thresholding, forReading, toKeep);
        } finally {
            Pixes.destroy(upright);
            Pixes.destroy(base);
        }
    }

    /**
     * Without orientation detection nothing needs the background evened out before the page is
     * turned: a gray page is turned once, kept so, and evened out for reading, where the examined
     * page is turned twice (as kept, and as read).
     */
    private PreparedPage turnedAsDocument(Page page, Pix scan, Pix gray, Thresholding thresholding,
                                          Orientation orientation) {
        Pix upright = null;
        Pix straight = null;
        try {
            upright = turned(gray, orientation.turn(), 0);
            double skew = skewOf(upright);
            straight = skew == 0 ? Pixes.share(upright) : turned(upright, 0, skew);
            Pix toKeep = orientation.turn() == 0 && skew == 0 ? null
                    : LEPT.pixGetDepth(scan) == 32 ? turned(scan, orientation.turn(), skew) : Pixes.share(straight);
            Pix forReading = thresholding.normalisesBackground() ? normalised(straight) : Pixes.share(straight);
            return prepared(page, orientation, skew, thresholding, forReading, toKeep);
        } finally {
            Pixes.destroy(straight);
            Pixes.destroy(upright);
        }
    }

    private static PreparedPage prepared(Page page, Orientation orientation, double skew, Thresholding thresholding,
                                         Pix forReading, Pix toKeep) {
        PageImage image = toKeep == null ? page.image() : new PageImage(page.image().path(), LEPT.pixGetWidth(toKeep),
                LEPT.pixGetHeight(toKeep), page.image().dpi());
        PagePreparation done = new PagePreparation(orientation.turn(), skew, orientation.script(), thresholding.label(),
                orientation.source());
        return new PreparedPage(page.withPreparedImage(image, done), forReading, toKeep, orientation.suggestedTurn());
    }

    /**
     * How a page is to be turned and which script it is in.
     *
     * @param suggestedTurn a turn orientation detection suggested without the confidence to apply it; else 0
     */
    private record Orientation(int turn, int suggestedTurn, Script script, PagePreparation.OrientationSource source) {
    }

    /** Orientation detection on the page itself; {@code forcedTurn} -1 follows it, else overrides its turn. */
    private Orientation examined(Pix base, Page page, int forcedTurn) {
        OrientationDetector.Orientation seen = clock.charge(CpuClock.Library.TESSERACT,
                () -> orientation.detect(base, dpi(page)));
        int detectedTurn = (360 - seen.turnedDegrees()) % 360;
        boolean sure = seen.confidence() >= MIN_ORIENTATION_CONFIDENCE;
        int turn = forcedTurn >= 0 ? forcedTurn : sure ? detectedTurn : 0;
        int suggestedTurn = forcedTurn < 0 && !sure && seen.confidence() >= MIN_SUGGESTION_CONFIDENCE ? detectedTurn : 0;
        // A sideways page's script is judged by OSD on the page as it lies, which it reads fine.
        Script script = seen.scriptConfidence() >= MIN_SCRIPT_CONFIDENCE ? seen.script() : Script.UNKNOWN;
        return new Orientation(turn, suggestedTurn, script, sure && forcedTurn < 0
                ? PagePreparation.OrientationSource.DETECTED : PagePreparation.OrientationSource.UNSURE);
    }

    /**
     * The script orientation detection sees on a prepared page, for a page that was not examined
     * itself; {@link Script#UNKNOWN} when it is not sure enough. It costs about what reading a sparse
     * page costs; the caller charges it to Tesseract.
     */
    Script scriptOf(PreparedPage prepared) {
        OrientationDetector.Orientation seen = orientation.detect(prepared.forReading(), dpi(prepared.page()));
        return seen.scriptConfidence() >= MIN_SCRIPT_CONFIDENCE ? seen.script() : Script.UNKNOWN;
    }

    /**
     * Writes the turned image of a prepared page over the page's image file (under a temporary name,
     * then renamed), so that the boxes read from it and the facsimile agree. A colour scan stays in
     * colour. Nothing is written for a page that was not turned.
     */
    void keep(PreparedPage prepared) {
        if (prepared.toKeep() != null) {
            clock.charge(CpuClock.Library.LEPTONICA, () -> write(prepared));
        }
    }

    private void write(PreparedPage prepared) {
        Path target = prepared.page().image().path();
        Path partial = target.resolveSibling("." + target.getFileName() + ".prepared.partial");
        try {
            LEPT.pixSetZlibCompression(prepared.toKeep(), KEPT_IMAGE_ZLIB_LEVEL);
            if (LEPT.pixWrite(partial.toString(), prepared.toKeep(), ILeptonica.IFF_PNG) != 0) {
                throw new IOException("Leptonica could not write " + partial);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the prepared image of page " + prepared.page().number()
                    + " could not be kept", e);
        } finally {
            deleteQuietly(partial);
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
        int median = Pixes.medianGray(gray);
        if (median >= WHITE_PAPER) {
            return Thresholding.OTSU;
        }
        if (median < DARK_PAPER) {
            return Thresholding.NORMALISED_OTSU;
        }
        int spread = Pixes.paperSpread(gray);
        return spread >= UNEVEN_PAPER && spread <= BORDERS_NOT_PAPER ? Thresholding.NORMALISED_OTSU : Thresholding.OTSU;
    }

    private int dpi(Page page) {
        return page.image().dpi() > 0 ? page.image().dpi() : config.defaultDpi();
    }

    /** A leftover partial file is only litter in the document's staging folder, which is dropped anyway. */
    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // the staging folder is deleted with everything in it when the document is stored or fails
        }
    }
}
