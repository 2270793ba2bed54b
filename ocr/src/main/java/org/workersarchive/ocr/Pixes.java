package org.workersarchive.ocr;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.ptr.PointerByReference;
import java.nio.IntBuffer;
import net.sourceforge.lept4j.Box;
import net.sourceforge.lept4j.Leptonica;
import net.sourceforge.lept4j.Pix;
import net.sourceforge.lept4j.util.LoadLibs;

/** Native Leptonica images: every Pix this module makes is destroyed through here. */
final class Pixes {

    static final Leptonica LEPT = Leptonica.INSTANCE;

    /**
     * Leptonica functions that lept4j's interface mapping lacks. Its direct mapping (Leptonica1) has
     * them but binds every function at once and fails on Debian's Leptonica 1.82, which lacks newer ones.
     */
    interface LeptonicaExtras extends Library {
        LeptonicaExtras INSTANCE = Native.load(LoadLibs.getLeptonicaLibName(), LeptonicaExtras.class);

        /** The gray value at a rank (0 darkest .. 1 lightest) of an 8-bit image, sampled every factor pixels. */
        int pixGetRankValue(Pix pix, int factor, float rank, IntBuffer value);

        /** The part of an image inside a box, as a new Pix; {@code pboxc} may be null. */
        Pix pixClipRectangle(Pix pix, Box box, PointerByReference pboxc);
    }

    private Pixes() {
    }

    /** Frees a Pix (drops one reference to it); null is ignored. */
    static void destroy(Pix pix) {
        if (pix != null) {
            LEPT.pixDestroy(new PointerByReference(pix.getPointer()));
        }
    }

    /** The median gray value of an 8-bit image, sampled on every fourth pixel in both directions. */
    static int medianGray(Pix gray) {
        IntBuffer value = IntBuffer.allocate(1);
        return LeptonicaExtras.INSTANCE.pixGetRankValue(gray, 4, 0.5f, value) == 0 ? value.get(0) : 255;
    }

    /**
     * How unevenly the paper is lit: the difference between the lightest and the darkest of the
     * paper's gray levels (each tile's 90th percentile) over a 4 x 4 grid of tiles. Near 0 on a
     * flatbed scan, 20 to 60 on shaded or unevenly lit paper, over 100 where a tile is a dark border.
     */
    static int paperSpread(Pix gray) {
        int width = LEPT.pixGetWidth(gray);
        int height = LEPT.pixGetHeight(gray);
        int lightest = 0;
        int darkest = 255;
        for (int row = 0; row < 4; row++) {
            for (int column = 0; column < 4; column++) {
                Box box = LEPT.boxCreate(column * width / 4, row * height / 4, width / 4, height / 4);
                Pix tile = LeptonicaExtras.INSTANCE.pixClipRectangle(gray, box, null);
                try {
                    IntBuffer value = IntBuffer.allocate(1);
                    if (tile != null && LeptonicaExtras.INSTANCE.pixGetRankValue(tile, 2, 0.9f, value) == 0) {
                        lightest = Math.max(lightest, value.get(0));
                        darkest = Math.min(darkest, value.get(0));
                    }
                } finally {
                    destroy(tile);
                    LEPT.boxDestroy(new PointerByReference(box.getPointer()));
                }
            }
        }
        return Math.max(0, lightest - darkest);
    }

    /** Another reference to the same pixels; destroy it like a copy. */
    static Pix share(Pix pix) {
        return LEPT.pixClone(pix);
    }
}
