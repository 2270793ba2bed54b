package org.workersarchive.export;

import java.util.Objects;

/**
 * Settings of the TEI writer.
 *
 * @param authorityUri where the authority list is, relative to a document's TEI file; an entity's
 *                     {@code @ref} is this URI, '#', and the entry's key
 */
public record TeiConfig(String authorityUri) {

    public TeiConfig {
        Objects.requireNonNull(authorityUri, "authorityUri");
    }

    /** The archive's own layout: documents/ID/document.tei.xml points at authority.xml at the top. */
    public static TeiConfig defaults() {
        return new TeiConfig("../../authority.xml");
    }
}
