package org.workersarchive.ocr;

import java.util.Objects;
import org.workersarchive.core.Language;
import org.workersarchive.core.Script;

/**
 * What the pages of a document read so far say about its next page, so that the reading of one
 * page is not all done again for each: see {@link DocumentReading}.
 *
 * @param settledTurn the clockwise turn (0, 90, 180, 270) that stands the document's pages upright,
 *                    once its first pages agreed on it; {@code null} while they have not: the page
 *                    is read as it lies, and examined itself if it reads poorly so
 * @param script      the script of those pages, with {@code settledTurn}; else {@code null}
 * @param model       the model the document's latest page was read with, the likeliest for the next
 *                    page of {@code modelScript}; {@code null} before any
 * @param modelScript the script of that page; {@code null} with {@code model}
 */
public record ReadingHint(Integer settledTurn, Script script, Language model, Script modelScript) {

    /** Nothing known yet: the page is read as it lies, with the reading thread's likeliest model. */
    public static final ReadingHint NONE = new ReadingHint(null, null, null, null);

    public ReadingHint {
        if ((settledTurn == null) != (script == null)) {
            throw new IllegalArgumentException("a settled turn goes with its script: " + settledTurn + ", " + script);
        }
        if (settledTurn != null && (settledTurn % 90 != 0 || settledTurn < 0 || settledTurn >= 360)) {
            throw new IllegalArgumentException("turn must be 0, 90, 180 or 270: " + settledTurn);
        }
        if ((model == null) != (modelScript == null)) {
            throw new IllegalArgumentException("a model goes with its script: " + model + ", " + modelScript);
        }
    }

    /** Whether the page's turn and script are taken from the document's first pages. */
    public boolean settled() {
        return settledTurn != null;
    }

    /** The same without the settled turn: for a page that must be examined itself. */
    ReadingHint unsettled() {
        return new ReadingHint(null, null, model, modelScript);
    }

    /** The model to read a page of the given script with first, if the document has read one in it. */
    Language modelFor(Script pageScript) {
        return Objects.equals(modelScript, pageScript) ? model : null;
    }
}
