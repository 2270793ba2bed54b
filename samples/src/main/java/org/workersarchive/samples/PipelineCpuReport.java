package org.workersarchive.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.workersarchive.core.ArchiveLayout;

/**
 * Where a batch run's CPU time went: into Tesseract (recognition and orientation detection), into
 * Leptonica (reading, evening out, turning and writing page images), or into the pipeline's own
 * work (everything else: start-up, ingest, messages, annotation, TEI, ALTO, PDF, checksums). The
 * first two are measured by the engines themselves, as thread CPU time around each call, and
 * written in the run's report; the total is the CPU time of the whole run and of every process it
 * started, as {@code /usr/bin/time} reports it.
 */
public final class PipelineCpuReport {

    private PipelineCpuReport() {
    }

    /** Usage: {@code PipelineCpuReport ARCHIVE TOTAL_CPU_SECONDS}; reads the archive's latest batch report. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PipelineCpuReport ARCHIVE TOTAL_CPU_SECONDS");
            System.exit(2);
        }
        JsonNode cpu = latestBatchReport(Path.of(args[0])).path("summary").path("ocrCpuSeconds");
        if (cpu.isMissingNode()) {
            throw new IllegalStateException("the batch report holds no ocrCpuSeconds");
        }
        double total = Double.parseDouble(args[1]);
        double tesseract = cpu.path("tesseract").asDouble();
        double leptonica = cpu.path("leptonica").asDouble();
        double own = total - tesseract - leptonica;
        System.out.printf(Locale.ROOT, "%n| CPU time of ./archive batch | seconds | share |%n|---|---|---|%n"
                        + "| Tesseract (recognition, orientation detection) | %.1f | %.1f%% |%n"
                        + "| Leptonica (page images: read, even out, turn, write) | %.1f | %.1f%% |%n"
                        + "| the pipeline's own work (the rest, start-up included) | %.1f | %.1f%% |%n"
                        + "| all (the run and its engine processes) | %.1f | 100%% |%n",
                tesseract, 100 * tesseract / total, leptonica, 100 * leptonica / total, own, 100 * own / total, total);
    }

    private static JsonNode latestBatchReport(Path archive) throws IOException {
        try (Stream<Path> runs = Files.list(new ArchiveLayout(archive).runs())) {
            Path run = runs.filter(folder -> folder.getFileName().toString().endsWith("-batch"))
                    .max(Comparator.comparing(Path::getFileName))
                    .orElseThrow(() -> new IllegalStateException("no batch run in " + new ArchiveLayout(archive).runs()));
            return new ObjectMapper().readTree(run.resolve("report.json").toFile());
        }
    }
}
