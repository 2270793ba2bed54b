package org.workersarchive.samples;

import java.awt.Color;
import java.awt.image.BufferedImage;
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
 * scanner upside down, every page turned 180 degrees. {@code sparse} pages print one sample text
 * each (a leaflet's page: 50 to 250 words); {@code dense} pages are filled from top to bottom with
 * the texts of their language, one after another (a periodical's page: 400 to 700 words). Beside
 * the pages, {@code pages.tsv} lists
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

    /** How much text a page holds. */
    public enum Density { sparse, dense }

    /**
     * Usage: {@code ThroughputPages OUT_DIR [PAGES_PER_DOCUMENT [sparse|dense [SEED]]]}; 16 sparse pages
     * per document by default.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 4) {
            System.err.println("usage: ThroughputPages OUT_DIR [PAGES_PER_DOCUMENT [sparse|dense [SEED]]]");
            System.exit(2);
        }
        int perDocument = args.length >= 2 ? Integer.parseInt(args[1]) : 16;
        Density density = args.length >= 3 ? Density.valueOf(args[2]) : Density.sparse;
        long seed = args.length == 4 ? Long.parseLong(args[3]) : SampleGenerator.BUNDLED_SEED;
        List<Path> pages = new ThroughputPages(seed).generate(Path.of(args[0]), perDocument, density);
        System.out.println(pages.size() + " pages in " + BOX.size() + " documents in " + Path.of(args[0]).resolve("pages"));
    }

    /** Writes OUT_DIR/pages/*.png, OUT_DIR/pages.tsv and OUT_DIR/truth/*.png.json; returns the pages. */
    public List<Path> generate(Path outDir, int pagesPerDocument, Density density) throws IOException {
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
                BenchmarkPages.Printable text = density == Density.dense ? filled(own, n)
                        : own.get((n - 1) % own.size());
                BenchmarkPages.Printable verso = texts.get((texts.indexOf(text) + 1) % texts.size());
                String name = String.format("%s_p%02d.png", pamphlet.stem(), n);
                List<String> printed = new ArrayList<>();
                Path file = pagesDir.resolve(name);
                ScanWriter.pngWithResolution(BenchmarkPages.quarterTurned(
                        BenchmarkPages.print(text, verso, pamphlet.condition(), random, printed), pamphlet.turn()), file);
                new GroundTruth(name, List.of(text.language()),
                        List.of(new GroundTruth.PageText(1, String.join("\n", printed))),
                        density == Density.dense ? List.of() : SampleGenerator.entitiesOf(text.text(), 1))
                        .write(truthDir.resolve(name + ".json"));
                languages.append(name).append('\t').append(pamphlet.language()).append('\n');
                written.add(file);
            }
        }
        Files.writeString(outDir.resolve("pages.tsv"), languages, StandardCharsets.UTF_8);
        return written;
    }

    /**
     * A page of one language filled with as many paragraphs of its texts as fit, starting at a
     * different paragraph on each page; the first text's masthead heads it. (Its entities are not
     * kept: the benchmark scores text only.)
     */
    private static BenchmarkPages.Printable filled(List<BenchmarkPages.Printable> texts, int pageNumber) {
        List<String> paragraphs = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            texts.forEach(text -> paragraphs.addAll(text.text().paragraphs()));
        }
        int start = (pageNumber * 3) % Math.max(1, paragraphs.size() / 4);
        BenchmarkPages.Printable first = texts.get(0);
        int fitting = 1; // one paragraph always fits: it is a sample page's
        int over = paragraphs.size() - start + 1;
        while (over - fitting > 1) { // fits with `fitting` paragraphs, not with `over`
            int middle = (fitting + over) / 2;
            if (fits(first, paragraphs.subList(start, start + middle))) {
                fitting = middle;
            } else {
                over = middle;
            }
        }
        SampleText text = new SampleText(first.text().masthead(), first.text().dateline(),
                List.copyOf(paragraphs.subList(start, start + fitting)), List.of());
        return new BenchmarkPages.Printable(first.name(), first.language(), first.layout(), text);
    }

    private static boolean fits(BenchmarkPages.Printable layoutOf, List<String> paragraphs) {
        BufferedImage scratch = new BufferedImage(PageLayout.WIDTH, PageLayout.HEIGHT,
                BufferedImage.TYPE_BYTE_GRAY);
        try {
            layoutOf.layout().draw(scratch, Color.BLACK, layoutOf.text().masthead(),
                    layoutOf.text().dateline(), paragraphs);
            return true;
        } catch (IllegalStateException overflowing) {
            return false;
        }
    }
}
