package org.workersarchive.ocr;

import java.util.ArrayList;
import java.util.List;
import org.workersarchive.core.Page;
import org.workersarchive.core.PagePreparation;
import org.workersarchive.core.PagePreparation.OrientationSource;
import org.workersarchive.core.TextOrigin;

/**
 * The reading of one document, page after page: what its pages read so far say about the next.
 * A pamphlet's pages lie the same way in the scanner and are written in one language, so once
 * orientation detection has been sure of a page, the next pages are turned as it was without being
 * examined (detection costs about as much as reading a sparse page), and each page is read first
 * with the model of the document's latest page. A page that then reads poorly is examined after all
 * ({@link PageRecognizer}), so a leaf turned the other way is still found; and once detection has
 * been sure of two pages that disagree, every later page is examined. Thread-safe: the pages of a
 * document are read in parallel.
 */
public final class DocumentReading {

    private final List<String> forcedModels;
    /** The pages orientation detection was sure of, in the order they were read. */
    private final List<PagePreparation> detected = new ArrayList<>();
    private ReadingHint hint = ReadingHint.NONE;

    /**
     * @param forcedModels models every page must be read with (from a sidecar); empty to follow the
     *                     configuration
     */
    public DocumentReading(List<String> forcedModels) {
        this.forcedModels = List.copyOf(forcedModels);
    }

    public List<String> forcedModels() {
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
        if (preparation.orientation() == OrientationSource.DETECTED) {
            detected.add(preparation);
        }
        boolean settled = settled();
        hint = new ReadingHint(settled ? detected.get(0).rotationDegrees() : null,
                settled ? detected.get(0).script() : null, read.languages().get(0), preparation.script());
    }

    /**
     * Whether orientation detection was sure of a page, and all the pages it was sure of agree on the
     * turn and the script. Pages it was unsure of (a short page, a plate) say nothing either way. The
     * parallel reading of a document's first pages examines two or three of them.
     */
    private boolean settled() {
        if (detected.isEmpty()) {
            return false;
        }
        PagePreparation first = detected.get(0);
        return !first.script().equals(PagePreparation.UNKNOWN_SCRIPT) && detected.stream().allMatch(page ->
                page.rotationDegrees() == first.rotationDegrees() && page.script().equals(first.script()));
    }
}
