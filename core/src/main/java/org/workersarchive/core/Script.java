package org.workersarchive.core;

import java.util.Map;
import java.util.Objects;

/**
 * A writing system, as Tesseract's orientation detector names it ({@code Latin}, {@code Cyrillic},
 * {@code Fraktur}, …) and as BCP 47 and ISO 15924 code it ({@code Latn}, {@code Cyrl}, {@code Latf}).
 * Fraktur is a script of its own here, as it is to Tesseract and to ISO 15924: it is read with
 * other models than Antiqua, and a TEI tags it apart ({@code de-Latf}).
 *
 * @param name the detector's name, which provenance and report.json record; {@code unknown} when
 *             nothing told the script
 * @param code its ISO 15924 code; {@code Zyyy} (undetermined) for {@link #UNKNOWN}, {@code Zzzz}
 *             (uncoded) for a name the table does not know
 */
public record Script(String name, String code) {

    public static final Script LATIN = new Script("Latin", "Latn");
    public static final Script FRAKTUR = new Script("Fraktur", "Latf");
    public static final Script CYRILLIC = new Script("Cyrillic", "Cyrl");
    public static final Script UNKNOWN = new Script("unknown", "Zyyy");

    /** The scripts Tesseract's orientation detector (osd.traineddata) names, by their ISO 15924 codes. */
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("Latin", "Latn"), Map.entry("Fraktur", "Latf"), Map.entry("Cyrillic", "Cyrl"),
            Map.entry("Greek", "Grek"), Map.entry("Arabic", "Arab"), Map.entry("Hebrew", "Hebr"),
            Map.entry("Armenian", "Armn"), Map.entry("Georgian", "Geor"), Map.entry("Han", "Hani"),
            Map.entry("Hangul", "Hang"), Map.entry("Japanese", "Jpan"), Map.entry("Devanagari", "Deva"),
            Map.entry("Bengali", "Beng"), Map.entry("Thai", "Thai"), Map.entry("unknown", "Zyyy"));

    public Script {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        if (!code.matches("[A-Z][a-z]{3}")) {
            throw new IllegalArgumentException("not an ISO 15924 code: " + code);
        }
    }

    /** The script the orientation detector (or a record of it) names so. */
    public static Script named(String name) {
        return new Script(name, CODES.getOrDefault(name, "Zzzz"));
    }

    public boolean isKnown() {
        return !equals(UNKNOWN);
    }

    @Override
    public String toString() {
        return name;
    }
}
