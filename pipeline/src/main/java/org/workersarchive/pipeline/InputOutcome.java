package org.workersarchive.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.workersarchive.core.Page;

/**
 * What became of one input (a scan file, or the files of one issue): a line of the run report.
 *
 * @param input          the file as given (inbox or batch input); the first, for several files
 * @param files          every file of the input, in page order (the input alone for one file)
 * @param sha256         its checksum, or null when it could not be read
 * @param mediaType      detected from its bytes, or null when detection did not happen
 * @param status         ok, failed, duplicate or deferred
 * @param reason         why it failed or was deferred, or of which document it is a duplicate; for a
 *                       document made, what the archivist should know (a corrected TEI kept), else null
 * @param documentId     the document made from it (or that it duplicates); null when failed
 * @param pages          the pages made, in order; empty when none were
 * @param meanConfidence mean OCR word confidence 0..100, or null when no word was read
 * @param outputs        name to path of what was written (tei, text, folder, provenance, failed copy)
 * @param unknownNames   names the authority list does not know, as they occur in the document
 * @param seconds        wall-clock time spent on it
 */
public record InputOutcome(Path input, List<Path> files, String sha256, String mediaType, Status status, String reason,
                           String documentId, List<PageOutcome> pages, Double meanConfidence, Map<String, Path> outputs,
                           List<NewNames.Occurrence> unknownNames, double seconds) {

    /**
     * The status of an input, as written in report.json; deferred: not processed because the archive
     * could not be written, and left where it is to be taken again.
     */
    public enum Status { ok, failed, duplicate, deferred }

    public InputOutcome {
        Objects.requireNonNull(input, "input");
        files = List.copyOf(files);
        Objects.requireNonNull(status, "status");
        pages = List.copyOf(pages);
        outputs = Map.copyOf(outputs);
        unknownNames = List.copyOf(unknownNames);
    }

    /**
     * How one page was read, so that an archivist can sort out the pages that need a human look.
     *
     * @param number          1-based
     * @param languages       the models it was read with, main one first
     * @param meanConfidence  mean word confidence 0..100, null when no word was read
     * @param words           how many words were read
     * @param script          the script orientation detection saw, or unknown
     * @param rotationDegrees how far the scan was turned clockwise to stand upright
     * @param skewDegrees     how far it was then turned to straighten it
     */
    public record PageOutcome(int number, List<String> languages, Double meanConfidence, long words, String script,
                              int rotationDegrees, double skewDegrees) {

        public PageOutcome {
            languages = List.copyOf(languages);
        }

        static PageOutcome of(Page page) {
            return new PageOutcome(page.number(), page.languages(),
                    page.meanConfidence().isPresent() ? page.meanConfidence().getAsDouble() : null,
                    page.words().count(), page.preparation().script(), page.preparation().rotationDegrees(),
                    page.preparation().skewDegrees());
        }
    }
}
