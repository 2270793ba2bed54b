package org.workersarchive.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The pages the throughput benchmark reads: a box of four documents, one per language, each a
 * set of single-page PNG scans named {@code STEM_pNN.png} (so the pipeline makes one document of
 * each), printed from the sample texts of that language with new randomness per page. The French
 * and Russian pages are the benchmark's {@code degraded} ones (yellowed, skewed 1.5 to 3 degrees,
 * show-through, specks); the German ones moderately aged; the English pamphlet was fed into the
 * scanner upside down, every page turned 180 degrees. Beside the pages, {@code pages.tsv} lists
 * each page with its language (what a user who knows the box would give the tesseract command)
 * and {@code truth/} holds each page's ground truth. Deterministic for a seed.
 */
public final class ThroughputPages {

    /** A document of the box: its file-name stem, language, and how its pages are printed. */
    private record Pamphlet(String stem, String language, BenchmarkPages.Condition condition, int turn) {
    }

    private static final List<Pamphlet> BOX = List.of(
            new Pamphlet("ouvrier-communiste_1930-05", "fra", BenchmarkPages.Condition.degraded, 0),
            new Pamphlet("put-rabochikh-k-vlasti_1924", "rus", BenchmarkPages.Condition.degraded, 0),
            new Pamphlet("kapd-flugblaetter_1925", "deu", BenchmarkPages.Condition.turned, 0),
            new Pamphlet("workers-group-bulletin_1928", "eng", BenchmarkPages.Condition.turned, 180));

    private final long seed;

    public ThroughputPages(long seed) {
        this.seed = seed;
    }

    /** Usage: {@code ThroughputPages OUT_DIR [PAGES_PER_DOCUMENT [SEED]]}; 16 pages per document by default. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: ThroughputPages OUT_DIR [PAGES_PER_DOCUMENT [SEED]]");
            System.exit(2);
        }
        int perDocument = args.length >= 2 ? Integer.parseInt(args[1]) : 16;
        long seed = args.length == 3 ? Long.parseLong(args[2]) : SampleGenerator.BUNDLED_SEED;
        List<Path> pages = new ThroughputPages(seed).generate(Path.of(args[0]), perDocument);
        System.out.println(pages.size() + " pages in " + BOX.size() + " documents in " + Path.of(args[0]).resolve("pages"));
    }

    /** Writes OUT_DIR/pages/*.png, OUT_DIR/pages.tsv and OUT_DIR/truth/*.png.json; returns the pages. */
    public List<Path> generate(Path outDir, int pagesPerDocument) throws IOException {
        Path pagesDir = Files.createDirectories(outDir.resolve("pages"));
        Path truthDir = Files.createDirectories(outDir.resolve("truth"));
        Random random = new Random(seed);
        List<BenchmarkPages.Printable> texts = BenchmarkPages.printables();
        List<Path> written = new ArrayList<>();
        StringBuilder languages = new StringBuilder();
        for (Pamphlet pamphlet : BOX) {
            List<BenchmarkPages.Printable> own = texts.stream()
                    .filter(text -> text.language().equals(pamphlet.language())).toList();
            for (int n = 1; n <= pagesPerDocument; n++) {
                BenchmarkPages.Printable text = own.get((n - 1) % own.size());
                BenchmarkPages.Printable verso = texts.get((texts.indexOf(text) + 1) % texts.size());
                String name = String.format("%s_p%02d.png", pamphlet.stem(), n);
                List<String> printed = new ArrayList<>();
                Path file = pagesDir.resolve(name);
                ScanWriter.pngWithResolution(BenchmarkPages.quarterTurned(
                        BenchmarkPages.print(text, verso, pamphlet.condition(), random, printed), pamphlet.turn()), file);
                new GroundTruth(name, List.of(text.language()),
                        List.of(new GroundTruth.PageText(1, String.join("\n", printed))),
                        SampleGenerator.entitiesOf(text.text(), 1)).write(truthDir.resolve(name + ".json"));
                languages.append(name).append('\t').append(pamphlet.language()).append('\n');
                written.add(file);
            }
        }
        Files.writeString(outDir.resolve("pages.tsv"), languages, StandardCharsets.UTF_8);
        return written;
    }
}
