package org.workersarchive.ocr;

/**
 * How the long s (ſ) and the r rotunda (ꝛ) of Fraktur print are transcribed. Tesseract's Fraktur
 * models write them as printed; most transcriptions of newspapers and of the twentieth century's
 * print, and every search, have the modern letters, so the modern form is the default. Editions
 * that keep the letters as printed (the Deutsches Textarchiv's) set {@link #AS_PRINTED}.
 */
public enum LongS {
    /** ſ as s, ꝛ as r. */
    MODERN("modern"),
    /** As the Fraktur models read them. */
    AS_PRINTED("as-printed");

    private final String label;

    LongS(String label) {
        this.label = label;
    }

    /** The name used in settings and records. */
    public String label() {
        return label;
    }

    /** A word as this convention transcribes it. */
    String transcribe(String word) {
        return this == MODERN ? word.replace('ſ', 's').replace('ꝛ', 'r') : word;
    }

    /** The convention of a label; lists the labels when there is none. */
    public static LongS ofLabel(String label) {
        for (LongS convention : values()) {
            if (convention.label.equals(label)) {
                return convention;
            }
        }
        throw new IllegalArgumentException("unknown long-s transcription '" + label + "'; one of modern, as-printed");
    }
}
