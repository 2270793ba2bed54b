package org.workersarchive.pipeline.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Document;
import org.workersarchive.core.Language;
import org.workersarchive.core.Page;
import org.workersarchive.core.Script;
import org.workersarchive.export.WrittenDocument;
import org.workersarchive.ingest.IngestConfig;
import org.workersarchive.ingest.ScanSet;
import org.workersarchive.ingest.ScanSets;
import org.workersarchive.pipeline.PipelineConfigLoader;
import org.workersarchive.pipeline.archive.Admission;
import org.workersarchive.pipeline.archive.ArchiveStore;

/**
 * What became of one input (a scan file, or the files of one issue): a line of the run report.
 *
 * @param input          the file as given (inbox or batch input); the first, for several files
 * @param files          every file of the input, in page order (the input alone for one file)
 * @param sha256         its checksum, or null when it could not be read
 * @param mediaType      detected from its bytes, or null when detection did not happen
 * @param status         ok, failed, duplicate, deferred or withdrawn
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
     * could not be written, and left where it is to be taken again; withdrawn: a file of it was
     * removed from its place before it was done, and nothing of it is kept.
     */
    public enum Status { ok, failed, duplicate, deferred, withdrawn }

    public InputOutcome {
        Objects.requireNonNull(input, "input");
        files = List.copyOf(files);
        Objects.requireNonNull(status, "status");
        pages = List.copyOf(pages);
        outputs = Map.copyOf(outputs);
        unknownNames = List.copyOf(unknownNames);
    }

    /**
     * A document made and written.
     *
     * @param originals the originals kept of its files, as {@link ArchiveStore#keepOriginals} names them
     */
    public static InputOutcome ok(Admission admission, Document document, WrittenDocument written,
                           Map<String, Path> originals) {
        DocumentFolder folder = new DocumentFolder(written.folder());
        Map<String, Path> outputs = new HashMap<>(originals);
        outputs.putAll(Map.of("folder", written.folder(), "tei", written.tei(), "text", written.text(),
                "provenance", written.provenance(), "pdf", folder.pdf(), "alto", folder.alto()));
        String note = Stream.concat(Stream.of(howWritten(written), noTextNote(document), textLayerNote(document)),
                        ScanSets.numberingNotes(admission.set()).stream()).filter(Objects::nonNull)
                .reduce((a, b) -> a + "; " + b).orElse(null);
        Double confidence = document.meanConfidence().isPresent() ? document.meanConfidence().getAsDouble() : null;
        return new InputOutcome(admission.input(), admission.set().files(), admission.sha256(), admission.mediaType(),
                Status.ok, note, written.id(), document.pages().stream().map(PageOutcome::of).toList(), confidence,
                outputs, NewNames.of(document), secondsSince(admission.started()));
    }

    /** An input whose bytes the archive holds already, as the document it names. */
    public static InputOutcome duplicate(Admission admission) {
        return new InputOutcome(admission.input(), admission.set().files(), admission.sha256(), admission.mediaType(),
                Status.duplicate, "same bytes as document " + admission.duplicateOf(), admission.duplicateOf(),
                List.of(), null, Map.of(), List.of(), secondsSince(admission.started()));
    }

    /** An input whose own document a run that stopped had written, in this folder, but not recorded. */
    public static InputOutcome writtenBeforeStop(Admission admission, Path folder) {
        return new InputOutcome(admission.input(), admission.set().files(), admission.sha256(), admission.mediaType(),
                Status.ok, "its document was written by a run that stopped before recording it",
                admission.writtenBeforeStop(), List.of(), null, Map.of("folder", folder), List.of(),
                secondsSince(admission.started()));
    }

    /**
     * An input whose own document (made from these very files, at this place) the archive holds
     * already: a batch run over the same folder again, or a run killed after it wrote the document
     * and before it noted so.
     */
    public static InputOutcome madeBefore(Admission admission, Path folder) {
        return new InputOutcome(admission.input(), admission.set().files(), admission.sha256(), admission.mediaType(),
                Status.ok, "its document was made before, from this same file, and is kept as it is",
                admission.duplicateOf(), List.of(), null, Map.of("folder", folder), List.of(),
                secondsSince(admission.started()));
    }

    /**
     * An input that failed, kept in failed/.
     *
     * @param admission null when it failed before it was admitted
     * @param kept      its copies and reason files, as {@link ArchiveStore#keepFailed} names them
     */
    public static InputOutcome failed(ScanSet set, Admission admission, String reason, Map<String, Path> kept) {
        return new InputOutcome(set.lead(), set.files(), admission == null ? null : admission.sha256(),
                admission == null ? null : admission.mediaType(), Status.failed, reason, null, List.of(), null, kept,
                List.of(), admission == null ? 0 : secondsSince(admission.started()));
    }

    /**
     * An input left where it is, to be taken again, because the archive cannot be written.
     *
     * @param admission null when it was not admitted
     */
    public static InputOutcome deferred(ScanSet set, Admission admission, String why) {
        return putOff(set, admission, "the archive cannot be written (" + why + "); the input stays where it is "
                + "and is taken again");
    }

    /**
     * An input left where it is, to be taken again, for the reason given whole: the broker cannot
     * be reached, the file changed while it was taken, it failed so soon after its last change
     * that it may be a copy that paused.
     *
     * @param admission null when it was not admitted
     */
    public static InputOutcome putOff(ScanSet set, Admission admission, String reason) {
        return new InputOutcome(set.lead(), set.files(), admission == null ? null : admission.sha256(),
                admission == null ? null : admission.mediaType(), Status.deferred, reason,
                null, List.of(), null, Map.of(), List.of(), admission == null ? 0 : secondsSince(admission.started()));
    }

    /**
     * An input a file of which was removed from its place (the inbox, the batch folder, failed/)
     * while it was processed: no document is made of it and no copy kept; what remains of it is
     * taken again as what it now is.
     *
     * @param gone      the files that were removed
     * @param admission null when it was not admitted
     */
    public static InputOutcome withdrawn(ScanSet set, Admission admission, List<Path> gone) {
        String reason = "withdrawn before it was done: " + gone.stream().map(f -> f.getFileName().toString())
                .collect(Collectors.joining(", ")) + (gone.size() == 1 ? " was" : " were") + " removed while it was "
                + "processed; nothing of it is kept";
        return new InputOutcome(set.lead(), set.files(), admission == null ? null : admission.sha256(),
                admission == null ? null : admission.mediaType(), Status.withdrawn, reason, null, List.of(), null,
                Map.of(), List.of(), admission == null ? 0 : secondsSince(admission.started()));
    }

    /** Whether failed/ keeps a copy of the input (or of each of its files). */
    public boolean keptInFailed() {
        return outputs.keySet().stream().anyMatch(name -> name.startsWith("failedCopy"));
    }

    /** What the archivist should know of how the document went in beside what the archive held; else null. */
    private static String howWritten(WrittenDocument written) {
        return switch (written.outcome()) {
            case NEW -> null;
            case REPLACED -> "made again; replaced the earlier output, which had not been corrected";
            case VERSION_BESIDE_CORRECTION -> "made again; the archive's TEI had been corrected by hand and is kept; "
                    + "this run's output is stored beside it in " + written.folder().getParent().getParent()
                    .relativize(written.folder());
            // Only an import writes a correction in place; a batch never does.
            case CORRECTION_IN_PLACE -> throw new IllegalStateException("a batch wrote a correction in place");
        };
    }

    /** "no text" for a document without a word (a blank page), or which of its pages have none; else null. */
    private static String noTextNote(Document document) {
        List<Integer> blank = document.pages().stream().filter(page -> page.words().findAny().isEmpty())
                .map(Page::number).toList();
        if (blank.isEmpty()) {
            return null;
        }
        return blank.size() == document.pages().size() ? "no text"
                : "no text on page" + (blank.size() == 1 ? " " : "s ") + blank.stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
    }

    /**
     * Which PDF pages had a text layer over the limit, and so were read by OCR: "page 3: text layer
     * of 250000 characters over the limit archive.max-text-layer-characters=200000: read by OCR";
     * else null.
     */
    private static String textLayerNote(Document document) {
        return document.provenance().stream().filter(step -> step.stage().equals("ingest"))
                .map(step -> step.details().get(IngestConfig.TEXT_LAYERS_OVER_LIMIT)).filter(Objects::nonNull)
                .flatMap(pages -> Stream.of(pages.split(",")))
                .map(page -> page.split("="))
                .map(page -> "page " + page[0] + ": text layer of " + page[1] + " characters over the limit "
                        + PipelineConfigLoader.MAX_TEXT_LAYER_CHARACTERS + "=" + limitOf(document) + ": read by OCR")
                .reduce((a, b) -> a + "; " + b).orElse(null);
    }

    private static String limitOf(Document document) {
        return document.provenance().stream().filter(step -> step.stage().equals("ingest"))
                .map(step -> step.details().get(IngestConfig.MAX_TEXT_LAYER_DETAIL)).filter(Objects::nonNull).findFirst()
                .orElse(String.valueOf(IngestConfig.DEFAULT_MAX_TEXT_LAYER_CHARACTERS));
    }

    private static double secondsSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
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
    public record PageOutcome(int number, List<Language> languages, Double meanConfidence, long words, Script script,
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
