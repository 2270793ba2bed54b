package org.workersarchive.review.training;

import java.nio.file.Path;
import org.workersarchive.core.BoundingBox;

/**
 * A line a person corrected or confirmed: what OCR read and what the line says, where it stands on
 * which image.
 *
 * @param documentId the document
 * @param page       its page
 * @param lineId     the line's id (kept by corrections)
 * @param box        where it stands on the image
 * @param image      the page image the box refers to
 * @param ocr        the line as the pipeline read it
 * @param truth      the line as people corrected or confirmed it
 * @param corrected  true when a person changed it
 * @param pageChecked true when it is on a page a person read whole against its image
 */
public record GroundTruthLine(String documentId, int page, String lineId, BoundingBox box, Path image, String ocr,
                             String truth, boolean corrected, boolean pageChecked) {
}
