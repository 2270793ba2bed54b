package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.DrawnPages;

/**
 * A thousand small scans dropped into the inbox at once, under the real {@code watch} process with
 * a bounded heap: every one becomes a document, none is lost. The resident memory of the process
 * and of its OCR engine processes is sampled over the run and written to
 * {@code target/inbox-load-memory.csv}; the summary line says whether it stayed flat.
 * {@code -Dload.files=N} changes the number.
 */
class InboxLoadIT {

    private static final int FILES = Integer.getInteger("load.files", 1000);
    /** The watch process's heap: the pipeline holds no page in it, so this is plenty. */
    private static final String HEAP = "256m";
    private static final Duration PATIENCE = Duration.ofMinutes(20);

    @TempDir
    Path work;

    @Test
    void aThousandFilesDroppedAtOnceAreAllProcessedWithABoundedHeap() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path archive = work.resolve("archive");
        Path drawn = Files.createDirectories(work.resolve("drawn"));
        for (int n = 1; n <= FILES; n++) {
            DrawnPages.slip(drawn.resolve(String.format("slip-%04d.png", n)), "Feuille " + n + " du Groupe ouvrier");
        }
        List<long[]> samples = new ArrayList<>();
        Instant start = Instant.now();
        try (ArchiveProcess watch = ArchiveProcess.watch(inbox, archive, work.resolve("watch.log"), HEAP, "--workers", "2")) {
            try (Stream<Path> slips = Files.list(drawn)) {
                for (Path slip : slips.toList()) {
                    Files.move(slip, inbox.resolve(slip.getFileName())); // a rename: each appears whole, all at once
                }
            }
            Instant deadline = Instant.now().plus(PATIENCE);
            while (ArchiveProcess.documentCount(archive) < FILES || !ArchiveProcess.inboxFiles(inbox).isEmpty()) {
                assertTrue(watch.isAlive(), "the watch process died; see " + watch.log());
                assertTrue(Instant.now().isBefore(deadline), ArchiveProcess.documentCount(archive) + " of " + FILES + " done in " + PATIENCE);
                samples.add(new long[] {Duration.between(start, Instant.now()).toSeconds(), ArchiveProcess.documentCount(archive),
                        watch.residentKilobytes() / 1024, enginesResidentKilobytes(archive) / 1024});
                Thread.sleep(2000);
            }
            watch.stop();
        }
        assertEquals(FILES, ArchiveProcess.documentCount(archive), "one document per file");
        assertEquals(List.of(), ArchiveProcess.inboxFiles(inbox), "every file left the inbox");
        assertTrue(Files.notExists(archive.resolve("failed")), "none failed");
        assertTrue(samples.stream().anyMatch(sample -> sample[3] > 0), "the engine processes were seen and measured");
        writeSamples(samples);
    }

    private static long enginesResidentKilobytes(Path archive) throws IOException {
        long total = 0;
        for (ProcessHandle engine : EngineProcessesOf.live(archive)) {
            total += EngineProcessesOf.residentKilobytes(engine.pid());
        }
        return total;
    }


    /**
     * The samples as CSV, and one line comparing the resident memory of the second quarter of the
     * run (once the JVM has grown its heap) with that of the last quarter.
     */
    private static void writeSamples(List<long[]> samples) throws IOException {
        StringBuilder csv = new StringBuilder("seconds,documents,residentMegabytes,engineProcessesResidentMegabytes\n");
        samples.forEach(s -> csv.append(s[0]).append(',').append(s[1]).append(',').append(s[2]).append(',').append(s[3])
                .append('\n'));
        Path file = Path.of("target", "inbox-load-memory.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        int quarter = Math.max(1, samples.size() / 4);
        List<long[]> secondQuarter = samples.subList(quarter, Math.min(samples.size(), 2 * quarter));
        List<long[]> lastQuarter = samples.subList(Math.max(0, samples.size() - quarter), samples.size());
        System.out.printf("inbox load: %d files in %d s with -Xmx%s; resident memory of the watch process, highest of "
                + "the second quarter %d MB, of the last quarter %d MB; of its engine processes together %d MB, %d MB; "
                + "samples in %s%n", FILES, samples.get(samples.size() - 1)[0], HEAP, highest(secondQuarter, 2),
                highest(lastQuarter, 2), highest(secondQuarter, 3), highest(lastQuarter, 3), file.toAbsolutePath());
    }

    private static long highest(List<long[]> samples, int column) {
        return samples.stream().mapToLong(s -> s[column]).max().orElse(0);
    }
}
