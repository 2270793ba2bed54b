package org.workersarchive.core;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What one stage did to a document, for provenance.json and the TEI header.
 *
 * @param stage       ingest, ocr, annotate, export
 * @param tool        the tool that did the work, e.g. "Tesseract"
 * @param toolVersion its version as it reports it
 * @param details     settings and figures worth keeping (languages, pages, dpi)
 * @param took        wall-clock time of the step
 */
public record ProcessingStep(String stage, String tool, String toolVersion, Map<String, String> details,
                             Duration took) {

    public ProcessingStep {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(took, "took");
        details = Map.copyOf(details);
    }
}
