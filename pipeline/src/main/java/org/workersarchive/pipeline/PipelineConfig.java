package org.workersarchive.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.workersarchive.export.TeiConfig;
import org.workersarchive.ingest.IngestConfig;
import org.workersarchive.ocr.EngineLimits;
import org.workersarchive.ocr.OcrConfig;

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
 * @param authorityList the user's own authority list (TEI), or null for the bundled one
 * @param engines       the bounds of the OCR engine processes; one process per worker
 * @param inputAttempts how many runs may stop (be killed, crash) while an input is under way before
 *                      the next one sends it to failed/ instead of trying again
 */
public record PipelineConfig(Path archiveDir, int workers, IngestConfig ingest, OcrConfig ocr, TeiConfig tei,
                             Path authorityList, EngineLimits engines, int inputAttempts) {

    public PipelineConfig {
        Objects.requireNonNull(archiveDir, "archiveDir");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(ocr, "ocr");
        Objects.requireNonNull(tei, "tei");
        Objects.requireNonNull(engines, "engines");
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
        archiveDir = archiveDir.toAbsolutePath().normalize();
    }

    public Optional<Path> authorityListIfGiven() {
        return Optional.ofNullable(authorityList);
    }
}
