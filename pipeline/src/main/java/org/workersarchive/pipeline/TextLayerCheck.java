package org.workersarchive.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.workersarchive.core.Document;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.TextAgreement;
import org.workersarchive.core.TextOrigin;

/**
 * Decides, for each page whose PDF carried an invisible text layer (an earlier OCR laid under the
 * scan), whether that layer or this pipeline's reading of the image is kept: the layer only where
 * it agrees with the reading ({@link TextAgreement}) and its positions still fit the image (the
 * page was neither turned nor straightened). A layer of another page, another edition or a poor
 * old OCR is not trusted with confidence 100. The decision and its reason are recorded per page
 * as a processing step, in provenance.json and the TEI header. Stateless.
 */
final class TextLayerCheck {

    static final String STAGE = "layer-check";

    private TextLayerCheck() {
    }

    /**
     * @param ingested the document as ingested, its invisible layers on their pages
     * @param read     the same document with every page read by OCR
     * @return the read document, each checked page with the text kept, and the step that says why;
     *         the read document itself when no page had an invisible layer
     */
    static Document apply(Document ingested, Document read) {
        Map<String, String> verdicts = new TreeMap<>();
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < read.pages().size(); i++) {
            Page reading = read.pages().get(i);
            Page layer = i < ingested.pages().size() ? ingested.pages().get(i) : null;
            if (layer == null || layer.textOrigin() != TextOrigin.INVISIBLE_TEXT_LAYER) {
                pages.add(reading);
                continue;
            }
            double agreement = TextAgreement.of(layer.text(), reading.text());
            String share = String.format(Locale.ROOT, "%.2f of their words in common", agreement);
            String key = String.format(Locale.ROOT, "page %04d", reading.number());
            if (agreement >= TextAgreement.AGREES && !reading.preparation().turned()) {
                pages.add(reading.withText(TextOrigin.TEXT_LAYER, List.of(), layer.blocks()));
                verdicts.put(key, "the invisible text layer was kept: it agrees with a reading of the image (" + share + ")");
            } else if (agreement >= TextAgreement.AGREES) {
                pages.add(reading);
                verdicts.put(key, "the reading was kept: the invisible text layer agrees with it (" + share
                        + "), but the image was turned or straightened, and the layer's positions no longer fit it");
            } else {
                pages.add(reading);
                verdicts.put(key, "the reading was kept: the invisible text layer (an earlier OCR) does not match the "
                        + "page image (" + share + ")");
            }
        }
        if (verdicts.isEmpty()) {
            return read;
        }
        return read.withPages(pages).withStep(new ProcessingStep(STAGE, "Archive pipeline", "1.0", verdicts,
                Duration.ZERO));
    }
}
