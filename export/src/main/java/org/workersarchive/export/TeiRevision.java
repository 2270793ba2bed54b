package org.workersarchive.export;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One change in a TEI's revision history ({@code revisionDesc/change}).
 *
 * @param when       the day
 * @param run        the run that made it, or null
 * @param text       what was done, in words
 * @param correction whether it is a correction made by a person (imported from Transkribus,
 *                   eScriptorium), rather than the pipeline's own output
 */
public record TeiRevision(LocalDate when, String run, String text, boolean correction) {

    public TeiRevision {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(text, "text");
    }
}
