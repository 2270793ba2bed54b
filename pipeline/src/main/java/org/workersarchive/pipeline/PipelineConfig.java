package org.workersarchive.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.workersarchive.export.TeiConfig;
import org.workersarchive.ingest.IngestConfig;
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
 */
public record PipelineConfig(Path archiveDir, int workers, IngestConfig ingest, OcrConfig ocr, TeiConfig tei,
                             Path authorityList) {

    public PipelineConfig {
        Objects.requireNonNull(archiveDir, "archiveDir");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(ocr, "ocr");
        Objects.requireNonNull(tei, "tei");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        archiveDir = archiveDir.toAbsolutePath().normalize();
    }

    public Optional<Path> authorityListIfGiven() {
        return Optional.ofNullable(authorityList);
    }
}
