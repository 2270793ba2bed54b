package org.workersarchive.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.workersarchive.annotate.NameModels;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.export.IiifConfig;
import org.workersarchive.export.TeiConfig;
import org.workersarchive.ingest.IngestConfig;
import org.workersarchive.ocr.EngineLimits;
import org.workersarchive.ocr.OcrConfig;
import org.workersarchive.pipeline.archive.StoreLimits;

/**
 * Everything one run of the pipeline is configured with, bound once by {@link PipelineConfigLoader}
 * and handed to each stage as that stage's own config record.
 *
 * @param archiveDir    the archive that documents are written to
 * @param workers       how many pages are read at once (one Tesseract engine each), and how many
 *                      documents are under way at once
 * @param ingest        the ingest stage's settings
 * @param ocr           the OCR stage's settings
 * @param tei           the TEI writer's settings
 * @param iiif          where IIIF clients find the archive, for the manifests' URLs
 * @param authorityList the user's own authority list (TEI), or null for the bundled one
 * @param engines       the bounds of the OCR engine processes; one process per worker
 * @param inputAttempts how many runs may stop (be killed, crash) while an input is under way before
 *                      the next one sends it to failed/ instead of trying again
 * @param pageDeliveries when pages go over a broker: how many times a page may be given to workers
 *                      that stop before finishing it (killed, crashed) before it fails, and its document
 * @param store         how failed inputs are kept: the inbox failure rest, the failed copy limit
 * @param nameModels    the trained name models the annotator reads pages with ({@code archive.name-models}:
 *                      the bundled ones, none, or a folder of retrained ones)
 */
public record PipelineConfig(Path archiveDir, int workers, IngestConfig ingest, OcrConfig ocr, TeiConfig tei,
                             IiifConfig iiif, Path authorityList, EngineLimits engines, int inputAttempts,
                             int pageDeliveries, StoreLimits store, NameModels nameModels) {

    public PipelineConfig {
        Objects.requireNonNull(archiveDir, "archiveDir");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(ocr, "ocr");
        Objects.requireNonNull(tei, "tei");
        Objects.requireNonNull(iiif, "iiif");
        Objects.requireNonNull(engines, "engines");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(nameModels, "nameModels");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        if (engines.processes() != workers) {
            throw new IllegalArgumentException("one engine process per worker: " + engines.processes() + " for "
                    + workers + " workers");
        }
        if (inputAttempts < 1) {
            throw new IllegalArgumentException("input attempts must be at least 1: " + inputAttempts);
        }
        if (pageDeliveries < 1) {
            throw new IllegalArgumentException("page deliveries must be at least 1: " + pageDeliveries);
        }
        archiveDir = archiveDir.toAbsolutePath().normalize();
    }

    /**
     * How long the ingest node waits for a page sent to the workers: every delivery may take every
     * engine attempt up to the page timeout; a minute more for the broker and the queue.
     */
    /** The archive's folders and files, by name. */
    public ArchiveLayout archive() {
        return new ArchiveLayout(archiveDir);
    }

    public Duration pageAnswerWait() {
        return engines.pageTimeout().multipliedBy((long) engines.attempts() * pageDeliveries).plusMinutes(1);
    }

    /** The same settings with this many workers, one engine process each. */
    public PipelineConfig withWorkers(int newWorkers) {
        return new PipelineConfig(archiveDir, newWorkers, ingest, ocr, tei, iiif, authorityList,
                new EngineLimits(newWorkers, engines.pageTimeout(), engines.pagesPerProcess(), engines.attempts(),
                        engines.heapMegabytes()), inputAttempts, pageDeliveries, store, nameModels);
    }

    public Optional<Path> authorityListIfGiven() {
        return Optional.ofNullable(authorityList);
    }
}
