package org.workersarchive.samples;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes the sample scans and their ground truth: pages in the style of the archive's material
 * (L'Ouvrier Communiste in two columns, a Russian pamphlet, a German KAPD leaflet, an English
 * report), printed from original texts, aged and skewed, and saved as PNG, JPEG, multi-page TIFF
 * and image-only PDF. Deterministic: the same seed gives the same files.
 */
public final class SampleGenerator {

    /** The seed of the bundled set in samples/bundled. */
    public static final long BUNDLED_SEED = 1923;

    static final List<SampleSpec> SAMPLES = List.of(
            new SampleSpec("ouvrier-communiste_1930-03_n06-07_p01.png", ScanWriter.Format.PNG, "fra", 2, 38, false,
                    List.of(new SampleSpec.PageSpec("oc-1930-p1",
                            new Degradation(Degradation.YELLOWED, 0.10, 0.8, 1500, true)))),
            new SampleSpec("ouvrier-communiste_1930-03_n06-07_p02-03.pdf", ScanWriter.Format.PDF, "fra", 2, 38, true,
                    List.of(new SampleSpec.PageSpec("oc-1930-p2",
                                    new Degradation(Degradation.YELLOWED, 0.18, -1.2, 3000, true)),
                            new SampleSpec.PageSpec("oc-1930-p3",
                                    new Degradation(Degradation.YELLOWED, 0.12, 0.5, 2500, true)))),
            new SampleSpec("put-rabochikh-k-vlasti_1923.jpg", ScanWriter.Format.JPEG, "rus", 1, 42, false,
                    List.of(new SampleSpec.PageSpec("put-rabochikh",
                            new Degradation(Degradation.YELLOWED, 0.15, -0.7, 2000, true)))),
            new SampleSpec("kapd-flugblatt_1924-04.tif", ScanWriter.Format.TIFF, "deu", 1, 44, true,
                    List.of(new SampleSpec.PageSpec("kapd-1924-p1",
                                    new Degradation(Degradation.YELLOWED, 0.12, 1.3, 1500, false)),
                            new SampleSpec.PageSpec("kapd-1924-p2",
                                    new Degradation(Degradation.YELLOWED, 0.12, 0.3, 1500, false)))),
            new SampleSpec("workers-group-report_1927-06.png", ScanWriter.Format.PNG, "eng", 1, 42, true,
                    List.of(new SampleSpec.PageSpec("workers-group-1927", Degradation.clean()))));

    private final long seed;

    public SampleGenerator(long seed) {
        this.seed = seed;
    }

    /** Usage: {@code SampleGenerator OUT_DIR [SEED]}; writes OUT_DIR/scans and OUT_DIR/truth. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SampleGenerator OUT_DIR [SEED]");
            System.exit(2);
        }
        long seed = args.length == 2 ? Long.parseLong(args[1]) : BUNDLED_SEED;
        for (Path file : new SampleGenerator(seed).generate(Path.of(args[0]))) {
            System.out.println(file + " " + Files.size(file));
        }
    }

    /** Writes every sample's scan and truth file; returns the scans. */
    public List<Path> generate(Path outDir) throws IOException {
        Path scans = Files.createDirectories(outDir.resolve("scans"));
        Path truth = Files.createDirectories(outDir.resolve("truth"));
        Random random = new Random(seed);
        List<Path> written = new ArrayList<>();
        for (SampleSpec sample : SAMPLES) {
            written.add(generate(sample, scans, truth, random));
        }
        return written;
    }

    private Path generate(SampleSpec sample, Path scans, Path truthDir, Random random) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        List<GroundTruth.PageText> pages = new ArrayList<>();
        List<GroundTruth.Entity> entities = new ArrayList<>();
        PageLayout layout = new PageLayout(sample.columns(), sample.bodySize());
        for (SampleSpec.PageSpec pageSpec : sample.pages()) {
            int number = pages.size() + 1;
            SampleText text = SampleText.parse(resource(pageSpec.text()));
            Degradation aging = pageSpec.degradation();
            BufferedImage page = aging.blankPage(PageLayout.WIDTH, PageLayout.HEIGHT);
            List<String> printed = layout.draw(page, Degradation.INK, text.masthead(), text.dateline(), text.paragraphs());
            BufferedImage scanned = aging.apply(page, random);
            images.add(sample.gray() ? gray(scanned) : scanned);
            pages.add(new GroundTruth.PageText(number, String.join("\n", printed)));
            entities.addAll(entitiesOf(text, number));
        }
        Path scan = scans.resolve(sample.fileName());
        ScanWriter.write(images, sample.format(), scan);
        new GroundTruth(sample.fileName(), List.of(sample.language()), pages, entities)
                .write(truthDir.resolve(sample.fileName() + ".json"));
        return scan;
    }

    /** The gold entities of a text printed on a page: names with their key, dates with their ISO value. */
    static List<GroundTruth.Entity> entitiesOf(SampleText text, int pageNumber) {
        List<GroundTruth.Entity> entities = new ArrayList<>();
        for (MarkedText.Mark mark : text.marks()) {
            boolean date = mark.type().equals("DATE");
            entities.add(new GroundTruth.Entity(pageNumber, mark.type(), date ? null : mark.keyOrValue(),
                    date ? mark.keyOrValue() : null, mark.surface()));
        }
        return entities;
    }

    static BufferedImage gray(BufferedImage color) {
        BufferedImage gray = new BufferedImage(color.getWidth(), color.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.drawImage(color, 0, 0, null);
        g.dispose();
        return gray;
    }

    static String resource(String name) {
        try (InputStream in = SampleGenerator.class.getResourceAsStream("texts/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("sample text missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One sample scan: its file, format, language, layout and pages. */
    record SampleSpec(String fileName, ScanWriter.Format format, String language, int columns, int bodySize,
                      boolean gray, List<PageSpec> pages) {

        /** A page: the text it prints and how it has aged. */
        record PageSpec(String text, Degradation degradation) {
        }
    }
}
