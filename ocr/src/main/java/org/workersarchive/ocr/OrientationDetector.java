package org.workersarchive.ocr;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import net.sourceforge.lept4j.Pix;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.TessAPI;
import org.workersarchive.core.Script;

/**
 * Tesseract's orientation and script detection (OSD, the {@code osd} model): how far a page is
 * turned (0, 90, 180, 270 degrees) and which script it is written in. <b>Not thread-safe</b>: one
 * native handle, one per reading thread. Must be closed.
 */
final class OrientationDetector implements AutoCloseable {

    private static final TessAPI TESS = TessAPI.INSTANCE;

    /**
     * What OSD saw.
     *
     * @param turnedDegrees        how far the page is turned clockwise from upright (0, 90, 180, 270)
     * @param confidence           OSD's confidence in that; around 20 to 35 on a page of text, under 2 on noise
     * @param script               e.g. Latin, Cyrillic; {@link Script#UNKNOWN} when OSD could not tell
     * @param scriptConfidence     OSD's confidence in the script
     */
    record Orientation(int turnedDegrees, float confidence, Script script, float scriptConfidence) {

        static final Orientation UNKNOWN = new Orientation(0, 0, Script.UNKNOWN, 0);
    }

    private TessBaseAPI handle;

    OrientationDetector(Path tessdataDir) {
        handle = TESS.TessBaseAPICreate();
        if (TESS.TessBaseAPIInit2(handle, tessdataDir.toString(), "osd", TessOcrEngineMode.OEM_DEFAULT) != 0) {
            close();
            throw new IllegalStateException("Tesseract could not load its orientation model (osd.traineddata) from "
                    + tessdataDir + " (Debian package tesseract-ocr-osd)");
        }
        TESS.TessBaseAPISetPageSegMode(handle, TessPageSegMode.PSM_OSD_ONLY);
        TESS.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
    }

    /**
     * Detects the orientation and script of a page image.
     *
     * @return {@link Orientation#UNKNOWN} when the page has too little text for OSD to judge
     */
    Orientation detect(Pix page, int dpi) {
        try {
            TESS.TessBaseAPISetImage2(handle, page);
            TESS.TessBaseAPISetSourceResolution(handle, dpi);
            IntBuffer degrees = IntBuffer.allocate(1);
            FloatBuffer confidence = FloatBuffer.allocate(1);
            FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
            PointerByReference script = new PointerByReference();
            if (TESS.TessBaseAPIDetectOrientationScript(handle, degrees, confidence, script, scriptConfidence) != 1) {
                return Orientation.UNKNOWN;
            }
            // The script name points into the model's own table: it is copied, never freed.
            Pointer name = script.getValue();
            return new Orientation(Math.floorMod(degrees.get(0), 360), confidence.get(0),
                    name == null ? Script.UNKNOWN : Script.named(name.getString(0)), scriptConfidence.get(0));
        } finally {
            TESS.TessBaseAPIClear(handle);
        }
    }

    @Override
    public void close() {
        if (handle != null) {
            TESS.TessBaseAPIEnd(handle);
            TESS.TessBaseAPIDelete(handle);
            handle = null;
        }
    }
}
