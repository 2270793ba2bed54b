package org.workersarchive.ocr;

import com.sun.jna.Pointer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import net.sourceforge.lept4j.Pix;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.TessAPI;
import org.workersarchive.core.Block;
import org.workersarchive.core.Language;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.Script;

/**
 * A thread's native Tesseract engines (TessBaseAPI handles) that read prepared page images, one
 * handle per set of models, kept loaded because pages switch between languages and loading a model
 * costs as much as reading a small page. <b>Not thread-safe</b>: Tesseract keeps the image and the
 * results of the page it is reading in the handle, so each thread needs its own. Must be closed to
 * free native memory.
 */
final class TesseractEngine implements AutoCloseable {

    // Tess4J's direct-mapped TessAPI1 binds every function at once and fails on Tesseract 5.3,
    // which lacks the newer ones (TessBaseAPIGetPAGEText); the interface mapping binds on first use.
    private static final TessAPI TESS = TessAPI.INSTANCE;

    /** Handles kept loaded at once; a box in four languages read per page needs four. */
    private static final int MAX_LOADED = 6;

    private final OcrConfig config;
    private final Map<String, TessBaseAPI> handleByModels = new LinkedHashMap<>(8, 0.75f, true);

    TesseractEngine(OcrConfig config) {
        this.config = config;
    }

    /** The version of the native library, e.g. "5.3.0". */
    static String version() {
        return TESS.TessVersion();
    }

    /**
     * Reads a prepared page image into blocks, lines and words, their boxes in the pixels of the
     * image it was scaled from.
     *
     * @param scale  how many times larger the image is than the kept one the boxes refer to (1: the same)
     * @param dpi    the kept image's resolution
     * @param models Tesseract model names to read with; the engine is reloaded when they change
     * @throws RejectedInputException when Tesseract cannot recognise the image
     */
    List<Block> read(Pix image, double scale, int pageNumber, int dpi, List<Language> models) {
        TessBaseAPI handle = loaded(Language.tesseractModels(models));
        try {
            TESS.TessBaseAPISetImage2(handle, image);
            TESS.TessBaseAPISetSourceResolution(handle, (int) Math.round(dpi * scale));
            if (TESS.TessBaseAPIRecognize(handle, null) != 0) {
                throw new RejectedInputException("page " + pageNumber + ": Tesseract could not recognise it");
            }
            String tsv = takeText(TESS.TessBaseAPIGetTsvText(handle, 0));
            return new TsvLayoutReader(pageNumber, Pixes.LEPT.pixGetWidth(image), Pixes.LEPT.pixGetHeight(image),
                    scale, transcription(models)).read(tsv);
        } finally {
            TESS.TessBaseAPIClear(handle);
        }
    }

    /**
     * How the words of a reading in these languages are written down: Fraktur's long s as the
     * configuration says, the letters of the old Russian spelling that the models cannot write put back.
     */
    private UnaryOperator<String> transcription(List<Language> models) {
        UnaryOperator<String> fraktur = models.stream().anyMatch(model -> model.script().equals(Script.FRAKTUR))
                ? config.longS()::transcribe : UnaryOperator.identity();
        return models.stream().anyMatch(Language::oldSpelling)
                ? word -> OldRussianSpelling.restored(fraktur.apply(word)) : fraktur;
    }

    @Override
    public void close() {
        handleByModels.values().forEach(TesseractEngine::free);
        handleByModels.clear();
    }

    private TessBaseAPI loaded(String models) {
        TessBaseAPI handle = handleByModels.get(models);
        if (handle != null) {
            return handle;
        }
        if (handleByModels.size() >= MAX_LOADED) {
            Map.Entry<String, TessBaseAPI> leastUsed = handleByModels.entrySet().iterator().next();
            free(leastUsed.getValue());
            handleByModels.remove(leastUsed.getKey());
        }
        handle = TESS.TessBaseAPICreate();
        int status = TESS.TessBaseAPIInit2(handle, config.tessdataDir().toString(), models,
                TessOcrEngineMode.OEM_LSTM_ONLY);
        if (status != 0) {
            free(handle);
            throw new IllegalStateException("Tesseract could not load '" + models + "' from " + config.tessdataDir());
        }
        TESS.TessBaseAPISetPageSegMode(handle, TessPageSegMode.PSM_AUTO);
        TESS.TessBaseAPISetVariable(handle, "thresholding_method",
                String.valueOf(config.thresholding().tesseractMethod()));
        // Tesseract prints remarks ("Detected 55 diacritics") on standard error; they mean nothing to users.
        TESS.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
        handleByModels.put(models, handle);
        return handle;
    }

    private static void free(TessBaseAPI handle) {
        TESS.TessBaseAPIEnd(handle);
        TESS.TessBaseAPIDelete(handle);
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
