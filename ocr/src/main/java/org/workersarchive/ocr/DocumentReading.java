package org.workersarchive.ocr;

import java.util.ArrayList;
import java.util.List;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.PagePreparation.OrientationSource;
import org.workersarchive.core.PagePreparation;
import org.workersarchive.core.TextOrigin;

/**
 * The reading of one document, page after page: what its pages read so far say about the next.
 * A pamphlet's pages lie the same way in the scanner and are written in one language, so once its
 * first pages have shown how they lie (orientation detection was sure of them, or they read well
 * as they lay), the next pages are turned so without being examined (detection costs about as
 * much as reading a sparse page), and each page is read first with the model of the document's
 * latest page. A page that then reads poorly is examined after all ({@link PageRecognizer}), so a
 * leaf turned the other way is still found; and once two pages disagree, every later page is read
 * as it lies first. Thread-safe: the pages of a document are read in parallel.
 */
public final class DocumentReading {

    private final List<Language> forcedModels;
    /**
     * The pages that showed how they lay, in the order they were read: those orientation detection
     * was sure of, and those that read well as they lay (in the script of their model).
     */
    private final List<PagePreparation> shown = new ArrayList<>();
    private ReadingHint hint = ReadingHint.NONE;

    /**
     * @param forcedModels models every page must be read with (from a sidecar); empty to follow the
     *                     configuration
     */
    public DocumentReading(List<Language> forcedModels) {
        this.forcedModels = List.copyOf(forcedModels);
    }

    public List<Language> forcedModels() {
        return forcedModels;
    }

    /** What to tell the engine that reads the document's next page. */
    public synchronized ReadingHint hint() {
        return hint;
    }

    /** Takes in what a page read in the document showed; text-layer pages show nothing. */
    public synchronized void learn(Page read) {
        PagePreparation preparation = read.preparation();
        if (read.textOrigin() != TextOrigin.OCR || read.languages().isEmpty()) {
            return;
        }
        if (preparation.orientation() == OrientationSource.DETECTED
                || preparation.orientation() == OrientationSource.AS_IT_LAY
                && preparation.script().isKnown()) {
            shown.add(preparation);
        }
        boolean settled = settled();
        hint = new ReadingHint(settled ? shown.get(0).rotationDegrees() : null,
                settled ? shown.get(0).script() : null, read.languages().get(0), preparation.script());
    }

    /**
     * Whether a page has shown how it lay, and all the pages that did agree on the turn and the
     * script. Pages orientation detection was unsure of (a short page, a plate) say nothing either
     * way. The parallel reading of a document's first pages reads two or three of them unsettled.
     */
    private boolean settled() {
        if (shown.isEmpty()) {
            return false;
        }
        PagePreparation first = shown.get(0);
        return first.script().isKnown() && shown.stream().allMatch(page ->
                page.rotationDegrees() == first.rotationDegrees() && page.script().equals(first.script()));
    }
}
