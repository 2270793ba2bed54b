package org.workersarchive.ocr;

/**
 * Engines shared by the test classes of this module, made once: loading the models is the slow
 * part. The JVM ends with the tests, which frees them.
 */
final class SharedEngines {

    private static TesseractEngines engines;

    private SharedEngines() {
    }

    static synchronized TesseractEngines get() {
        if (engines == null) {
            engines = new TesseractEngines(OcrConfig.defaults());
        }
        return engines;
    }
}
