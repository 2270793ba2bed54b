package org.workersarchive.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tessdata folder that makes Tesseract crash on demand: Debian's models (linked) and one more,
 * {@value #NAME}, the English model with bytes of its network weights inverted, which Tesseract 5.3
 * loads and then dies of a segmentation fault reading any page tried here. A document forces it
 * with its sidecar's {@code languages}.
 */
public final class CrashingModel {

    /** The model's name, as a sidecar's languages give it. */
    public static final String NAME = "corrupt";

    private CrashingModel() {
    }

    /** Makes the folder in {@code parent} and returns it. */
    public static Path tessdataIn(Path parent) throws IOException {
        Path tessdata = Files.createDirectories(parent.resolve("tessdata-with-a-crashing-model"));
        for (String model : List.of("fra", "rus", "deu", "eng", "frk", "Fraktur", "Cyrillic", "osd")) {
            Files.createSymbolicLink(tessdata.resolve(model + ".traineddata"),
                    OcrConfig.DEBIAN_TESSDATA.resolve(model + ".traineddata"));
        }
        byte[] model = Files.readAllBytes(OcrConfig.DEBIAN_TESSDATA.resolve("eng.traineddata"));
        for (int i = model.length / 10; i < model.length / 10 + 200_000; i += 7) {
            model[i] ^= (byte) 0xFF;
        }
        Files.write(tessdata.resolve(NAME + ".traineddata"), model);
        return tessdata;
    }
}
