package org.workersarchive.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.ArchiveLayout;

/**
 * The throughput benchmark's table: for each tool that read the {@link ThroughputPages}, pages per
 * minute and its ratio to the first tool's (the baseline), wall seconds, CPU seconds, peak resident
 * memory of all its processes together, and its CER and WER on the box against the ground truth
 * (so that speed is never bought with quality).
 */
public final class ThroughputReport {

    /**
     * One tool's run.
     *
     * @param kind {@code pages} (PATH holds PAGE.png.txt per page), {@code pdf-sidecar} (PATH is one
     *             text file, pages in the order of pages.tsv separated by form feeds) or {@code archive}
     */
    record Run(String name, String kind, Path path, double seconds, double cpuSeconds, long peakKilobytes) {
    }

    private final Path benchDir;
    private final List<String> pageNames;

    ThroughputReport(Path benchDir) throws IOException {
        this.benchDir = benchDir;
        this.pageNames = Files.readAllLines(benchDir.resolve("pages.tsv"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).map(line -> line.split("\t")[0]).toList();
    }

    /**
     * Usage: {@code ThroughputReport BENCH_DIR (NAME KIND PATH SECONDS CPU_SECONDS PEAK_KB)...}; the
     * first run is the baseline. Prints a Markdown table.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 7 || (args.length - 1) % 6 != 0) {
            System.err.println("usage: ThroughputReport BENCH_DIR (NAME pages|pdf-sidecar|archive PATH SECONDS CPU_SECONDS PEAK_KB)...");
            System.exit(2);
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 1; i < args.length; i += 6) {
            runs.add(new Run(args[i], args[i + 1], Path.of(args[i + 2]), Double.parseDouble(args[i + 3]),
                    Double.parseDouble(args[i + 4]), Long.parseLong(args[i + 5])));
        }
        System.out.print(new ThroughputReport(Path.of(args[0])).table(runs));
    }

    String table(List<Run> runs) throws IOException {
        int pages = pageNames.size();
        double baseline = pages / runs.get(0).seconds();
        StringBuilder out = new StringBuilder("| tool | pages/min | ratio to " + runs.get(0).name()
                + " | wall s | CPU s | peak memory | CER / WER |\n|---|---|---|---|---|---|---|\n");
        for (Run run : runs) {
            double rate = pages / run.seconds();
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.1f | %.1f | %d MB | %s |%n", run.name(),
                    60 * rate, rate / baseline, run.seconds(), run.cpuSeconds(), run.peakKilobytes() / 1024,
                    score(textsOf(run))));
        }
        return out.toString();
    }

    /** Each page's text as the run made it, by page file name. */
    private Map<String, String> textsOf(Run run) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        switch (run.kind()) {
            case "pages" -> pageNames.forEach(page -> texts.put(page, read(run.path().resolve(page + ".txt"))));
            case "pdf-sidecar" -> {
                String[] pageTexts = read(run.path()).split("\f", -1);
                for (int i = 0; i < pageNames.size(); i++) {
                    texts.put(pageNames.get(i), i < pageTexts.length ? pageTexts[i] : "");
                }
            }
            case "archive" -> {
                Map<String, Path> folders = new Evaluator().documentsByFile(new ArchiveLayout(run.path()).documents());
                Map<Path, String[]> documentPages = new LinkedHashMap<>();
                for (String page : pageNames) {
                    Path folder = folders.get(page);
                    String[] split = folder == null ? new String[0] : documentPages.computeIfAbsent(folder,
                            f -> read(new DocumentFolder(f).text()).split("\f", -1));
                    int index = documentPages.containsKey(folder) ? indexInDocument(page) : -1;
                    texts.put(page, index >= 0 && index < split.length ? split[index] : "");
                }
            }
            default -> throw new IllegalArgumentException("kind must be pages, pdf-sidecar or archive, not " + run.kind());
        }
        return texts;
    }

    /** A page file STEM_pNN.png is page NN of its document. */
    private static int indexInDocument(String page) {
        return Integer.parseInt(page.substring(page.lastIndexOf("_p") + 2, page.lastIndexOf('.'))) - 1;
    }

    private String score(Map<String, String> texts) throws IOException {
        ErrorCounts errors = ErrorCounts.NONE;
        for (String page : pageNames) {
            String expected = GroundTruth.read(benchDir.resolve("truth").resolve(page + ".json")).text();
            errors = errors.plus(ErrorCounts.of(expected, texts.getOrDefault(page, "")));
        }
        return errors.rates();
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
