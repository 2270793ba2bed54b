package org.workersarchive.export;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a document was written in the archive.
 *
 * @param id         the document's id, also its folder's name
 * @param folder     archive/documents/ID, or archive/documents/ID/versions/RUN when the document's TEI
 *                   had been corrected by hand and this output went beside it
 * @param tei        the TEI file
 * @param text       the plain text, pages separated by form feeds
 * @param provenance provenance.json
 * @param pageImages the page images, in page order
 * @param outcome    how it went in beside what the archive held
 */
public record WrittenDocument(String id, Path folder, Path tei, Path text, Path provenance, List<Path> pageImages,
                              Outcome outcome) {

    /** What writing did to the archive's document of that id. */
    public enum Outcome {
        /** There was none. */
        NEW,
        /** There was one, as the pipeline had written it; it was replaced. */
        REPLACED,
        /** There was one, corrected since it was written; it was kept and this output stored as a version. */
        VERSION_BESIDE_CORRECTION,
        /**
         * A correction imported: stored as a version, and its TEI put in place of the document's,
         * which was as the pipeline had written it.
         */
        CORRECTION_IN_PLACE
    }

    public WrittenDocument {
        pageImages = List.copyOf(pageImages);
    }
}
