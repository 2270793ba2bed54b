package org.workersarchive.review.archive;

import java.nio.file.Path;
import java.util.Objects;
import org.workersarchive.core.Document;

/**
 * A document as the archive holds it now: what its TEI reads (the folder it was written with, an
 * earlier correction's version or the pipeline's own), with its entities, and the checksum of the
 * TEI in the document's place. A correction names that checksum: when the TEI changed since the
 * person loaded the page, their correction is refused rather than laid over another's. Immutable.
 *
 * @param document  the model, entities included; page images relative to {@code folder}
 * @param folder    the folder the document was read from (documents/ID or documents/ID/versions/RUN)
 * @param teiSha256 the SHA-256 of documents/ID/document.tei.xml
 * @param correctable false when its TEI was edited by hand outside the pipeline: a correction would
 *                  then only wait beside it, unseen, so none is taken here
 * @param review    what people decided about it so far
 */
public record DocumentState(Document document, Path folder, String teiSha256, boolean correctable,
                            ReviewRecord review) {

    public DocumentState {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(teiSha256, "teiSha256");
        Objects.requireNonNull(review, "review");
    }

    public String id() {
        return document.id();
    }

    /** A page image, by its page number, as a file. */
    public Path pageImage(int page) {
        return folder.resolve(document.pages().get(page - 1).image().path());
    }
}
