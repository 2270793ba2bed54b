package org.workersarchive.ocr;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import net.sourceforge.lept4j.Leptonica;
import net.sourceforge.lept4j.Pix;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.TessAPI;
import org.workersarchive.core.Page;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.TextOrigin;

/**
 * One native Tesseract engine (a TessBaseAPI handle). <b>Not thread-safe</b>: Tesseract keeps the
 * image and the results of the page it is reading in the handle, so each thread needs its own
 * engine ({@link TesseractEngines} gives one per thread). Must be closed to free native memory.
 */
public final class TesseractEngine implements AutoCloseable {

    // Tess4J's direct-mapped TessAPI1 binds every function at once and fails on Tesseract 5.3,
    // which lacks the newer ones (TessBaseAPIGetPAGEText); the interface mapping binds on first use.
    private static final TessAPI TESS = TessAPI.INSTANCE;
    private static final Leptonica LEPT = Leptonica.INSTANCE;

    private final OcrConfig config;
    private TessBaseAPI handle;
    private String loadedLanguages;

    public TesseractEngine(OcrConfig config) {
        this.config = config;
    }

    /** The version of the native library, e.g. "5.3.0". */
    public static String version() {
        return TESS.TessVersion();
    }

    /**
     * Reads a page with the configured languages; see {@link #recognize(Page, List)}.
     */
    public Page recognize(Page page) {
        return recognize(page, config.languages());
    }

    /**
     * Reads a page's image and returns the page with its blocks, lines and words, their boxes in
     * that image's pixels, and its language (the models it was read with when the text does not
     * tell). A page whose text came from a PDF text layer is returned as it is.
     *
     * @param languages Tesseract model names to read with; the engine is reloaded when they change
     * @throws RejectedInputException when the image cannot be read or recognised
     */
    public Page recognize(Page page, List<String> languages) {
        if (page.textOrigin() == TextOrigin.TEXT_LAYER) {
            return page;
        }
        ensureLoaded(String.join("+", languages));
        Pix pix = LEPT.pixRead(page.image().path().toString());
        if (pix == null) {
            throw new RejectedInputException("page " + page.number() + ": Leptonica cannot read its image");
        }
        try {
            TESS.TessBaseAPISetImage2(handle, pix);
            int dpi = page.image().dpi() > 0 ? page.image().dpi() : config.defaultDpi();
            TESS.TessBaseAPISetSourceResolution(handle, dpi);
            if (TESS.TessBaseAPIRecognize(handle, null) != 0) {
                throw new RejectedInputException("page " + page.number() + ": Tesseract could not recognise it");
            }
            String tsv = takeText(TESS.TessBaseAPIGetTsvText(handle, 0));
            TsvLayoutReader layout = new TsvLayoutReader(page.number(), page.image().width(), page.image().height());
            Page read = page.withText(TextOrigin.OCR, languages, layout.read(tsv));
            List<String> identified = TextLanguageGuesser.guess(read.text(), languages).map(List::of).orElse(languages);
            return read.withText(TextOrigin.OCR, identified, read.blocks());
        } finally {
            TESS.TessBaseAPIClear(handle);
            LEPT.pixDestroy(new PointerByReference(pix.getPointer()));
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

    private void ensureLoaded(String languages) {
        if (languages.equals(loadedLanguages)) {
            return;
        }
        close();
        handle = TESS.TessBaseAPICreate();
        int status = TESS.TessBaseAPIInit2(handle, config.tessdataDir().toString(), languages,
                TessOcrEngineMode.OEM_LSTM_ONLY);
        if (status != 0) {
            close();
            throw new IllegalStateException("Tesseract could not load '" + languages + "' from " + config.tessdataDir());
        }
        TESS.TessBaseAPISetPageSegMode(handle, TessPageSegMode.PSM_AUTO);
        // Tesseract prints remarks ("Detected 55 diacritics") on standard error; they mean nothing to users.
        TESS.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
        loadedLanguages = languages;
    }

    /** Copies a string Tesseract allocated, then frees it. */
    private static String takeText(Pointer text) {
        if (text == null) {
            return "";
        }
        try {
            return text.getString(0, "UTF-8");
        } finally {
            TESS.TessDeleteText(text);
        }
    }
}
