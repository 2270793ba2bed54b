package org.workersarchive.export;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a document was written in the archive.
 *
 * @param id         the document's id, also its folder's name
 * @param folder     archive/documents/ID
 * @param tei        the TEI file
 * @param text       the plain text, pages separated by form feeds
 * @param provenance provenance.json
 * @param pageImages the page images, in page order
 */
public record WrittenDocument(String id, Path folder, Path tei, Path text, Path provenance, List<Path> pageImages) {

    public WrittenDocument {
        pageImages = List.copyOf(pageImages);
    }
}
