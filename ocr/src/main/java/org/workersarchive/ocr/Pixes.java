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

    /** Another reference to the same pixels; destroy it like a copy. */
    static Pix share(Pix pix) {
        return LEPT.pixClone(pix);
    }
}
