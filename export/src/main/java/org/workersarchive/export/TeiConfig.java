package org.workersarchive.export;

import java.util.Objects;
import org.workersarchive.core.ArchiveLayout;

/**
 * Settings of the TEI writer.
 *
 * @param authorityUri   where the authority list is, relative to a document's TEI file; an entity's
 *                       {@code @ref} is this URI, '#', and the entry's key
 * @param uncertainBelow OCR confidence (0 to 100) below which a word is marked as uncertain, with
 *                       {@code <unclear cert="…">}; 0 marks none
 * @param wordZones      a zone per word too, inside its line's, and each word of the text in a
 *                       {@code <w facs="…">} pointing at it (larger files; for word-level alignment)
 */
public record TeiConfig(String authorityUri, int uncertainBelow, boolean wordZones) {

    /**
     * Where Tesseract's confidence parts misread words from right ones best: the mark catches most
     * misread words while marking few of the rest (README, "The TEI").
     */
    public static final int DEFAULT_UNCERTAIN_BELOW = 60;

    public TeiConfig {
        Objects.requireNonNull(authorityUri, "authorityUri");
        if (uncertainBelow < 0 || uncertainBelow > 100) {
            throw new IllegalArgumentException("uncertain-below must be within 0..100: " + uncertainBelow);
        }
    }

    public TeiConfig withAuthorityUri(String uri) {
        return new TeiConfig(uri, uncertainBelow, wordZones);
    }

    public TeiConfig withWordZones(boolean zones) {
        return new TeiConfig(authorityUri, uncertainBelow, zones);
    }

    /** The archive's own layout: documents/ID/document.tei.xml points at authority.xml at the top; zones down to lines. */
    public static TeiConfig defaults() {
        return new TeiConfig(ArchiveLayout.DocumentFolder.AUTHORITY_LIST_FROM_TEI, DEFAULT_UNCERTAIN_BELOW, false);
    }
}
