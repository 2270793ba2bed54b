package org.workersarchive.ocr;

/**
 * How a page is made black and white before Tesseract reads it. Yellowed paper, shading towards
 * the edges and bleed-through defeat a single global threshold; which method copes best was
 * measured on the benchmark pages (README, "OCR quality").
 */
public enum Thresholding {
    /**
     * {@link #NORMALISED_OTSU} where the paper is dark, or tinted and unevenly lit or shaded;
     * {@link #OTSU} on white paper, where evening out the background has nothing to gain, and on
     * evenly tinted paper, which reads worse evened out. Best on the benchmark pages and the real ones.
     */
    AUTO("auto", 0, false),
    /** Tesseract's default: one global Otsu threshold. */
    OTSU("otsu", 0, false),
    /** Tesseract's tiled, locally adaptive Otsu (Leptonica). */
    ADAPTIVE_OTSU("adaptive-otsu", 1, false),
    /** Tesseract's Sauvola threshold, computed per pixel from its neighbourhood. */
    SAUVOLA("sauvola", 2, false),
    /** Leptonica's background normalisation (the paper brought to an even gray), then Otsu. */
    NORMALISED_OTSU("normalised-otsu", 0, true);

    private final String label;
    private final int tesseractMethod;
    private final boolean normalisesBackground;

    Thresholding(String label, int tesseractMethod, boolean normalisesBackground) {
        this.label = label;
        this.tesseractMethod = tesseractMethod;
        this.normalisesBackground = normalisesBackground;
    }

    /** The name used in settings and records, e.g. {@code sauvola}. */
    public String label() {
        return label;
    }

    /** The value of Tesseract's {@code thresholding_method} variable. */
    int tesseractMethod() {
        return tesseractMethod;
    }

    /** Whether the background is normalised on every page, whatever its paper. */
    boolean normalisesBackground() {
        return normalisesBackground;
    }

    /** The method of a label; lists the labels when there is none. */
    public static Thresholding ofLabel(String label) {
        for (Thresholding method : values()) {
            if (method.label.equals(label)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown thresholding '" + label + "'; one of auto, otsu, adaptive-otsu, "
                + "sauvola, normalised-otsu");
    }
}
