package org.workersarchive.samples;

import java.util.Map;
import org.workersarchive.core.EntityType;

/**
 * How well one scan was read.
 *
 * @param file       the scan's file name
 * @param documentId the archive's document, or null when the archive has none for it
 * @param cer        character error rate (1 when missing)
 * @param wer        word error rate (1 when missing)
 * @param charEdits  edits, for pooling over documents
 * @param truthChars characters of the truth
 * @param wordEdits  word edits
 * @param truthWords words of the truth
 * @param entities   entity scores per type
 */
public record DocumentScore(String file, String documentId, double cer, double wer, int charEdits, int truthChars,
                            int wordEdits, int truthWords, Map<EntityType, Prf> entities) {

    public DocumentScore {
        entities = Map.copyOf(entities);
    }
}
