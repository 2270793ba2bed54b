package org.workersarchive.review.correct;

/**
 * A correction made on a page that another save (or a run, an import, an XML editor) changed since
 * the person loaded it: it is refused, so that neither change is lost without anyone seeing it.
 */
public final class CorrectionConflict extends IllegalStateException {

    public CorrectionConflict(String message) {
        super(message);
    }
}
