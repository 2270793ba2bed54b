package org.workersarchive.samples;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The page images the OCR benchmark reads: every sample text printed as a single-page PNG (300 dpi,
 * stated in the file) in three conditions, each with its ground truth:
 * <ul>
 *   <li>{@code clean}: a good flatbed scan of a well-kept page, a little dust on the glass;</li>
 *   <li>{@code degraded}: yellowed, shaded paper, skewed 1.5 to 3 degrees, the verso showing through,
 *       specks and soft focus, as the archive's worst boxes;</li>
 *   <li>{@code turned}: moderately aged and put into the scanner sideways or upside down (90, 180 or
 *       270 degrees).</li>
 * </ul>
 * Deterministic: the same seed and copies give the same files.
 */
public final class BenchmarkPages {

    /** The conditions a page is printed in; the file name ends with the condition's name. */
    public enum Condition { clean, degraded, turned }

    private static final double BLEED_THROUGH = 0.22;
    private static final int[] QUARTER_TURNS = {90, 180, 270};

    private final long seed;

    public BenchmarkPages(long seed) {
        this.seed = seed;
    }

    /**
     * Usage: {@code BenchmarkPages OUT_DIR [COPIES [SEED]]}; writes OUT_DIR/pages/*.png and
     * OUT_DIR/truth/*.png.json; each copy prints every text in every condition with new randomness.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: BenchmarkPages OUT_DIR [COPIES [SEED]]");
            System.exit(2);
        }
        int copies = args.length >= 2 ? Integer.parseInt(args[1]) : 1;
        long seed = args.length == 3 ? Long.parseLong(args[2]) : SampleGenerator.BUNDLED_SEED;
        List<Path> pages = new BenchmarkPages(seed).generate(Path.of(args[0]), copies);
        System.out.println(pages.size() + " benchmark pages in " + Path.of(args[0]).resolve("pages"));
    }

    /** Writes the pages and their truth; returns the pages. */
    public List<Path> generate(Path outDir, int copies) throws IOException {
        Path pagesDir = Files.createDirectories(outDir.resolve("pages"));
        Path truthDir = Files.createDirectories(outDir.resolve("truth"));
        Random random = new Random(seed);
        List<Printable> texts = printables();
        List<Path> written = new ArrayList<>();
        for (int copy = 1; copy <= copies; copy++) {
            for (int i = 0; i < texts.size(); i++) {
                Printable text = texts.get(i);
                Printable verso = texts.get((i + 1) % texts.size());
                for (Condition condition : Condition.values()) {
                    String name = text.name() + (copies > 1 ? "-c" + copy : "") + "-" + condition + ".png";
                    List<String> printed = new ArrayList<>();
                    BufferedImage printedPage = print(text, verso, condition, random, printed);
                    BufferedImage page = condition == Condition.turned
                            ? quarterTurned(printedPage, QUARTER_TURNS[i % QUARTER_TURNS.length]) : printedPage;
                    Path file = pagesDir.resolve(name);
                    ScanWriter.pngWithResolution(page, file);
                    new GroundTruth(name, List.of(text.language()),
                            List.of(new GroundTruth.PageText(1, String.join("\n", printed))),
                            SampleGenerator.entitiesOf(text.text(), 1))
                            .write(truthDir.resolve(name + ".json"));
                    written.add(file);
                }
            }
        }
        return written;
    }

    /** A text printed and scanned in a condition, upright: the caller turns a {@code turned} page. */
    static BufferedImage print(Printable text, Printable verso, Condition condition, Random random,
                               List<String> printed) {
        double skew = (1.5 + 1.5 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
        Degradation aging = switch (condition) {
            // A few specks of dust: copies of a clean page must differ, or the pipeline keeps one as a duplicate.
            case clean -> new Degradation(Degradation.WHITE, 0, 0, 40, false);
            case degraded -> new Degradation(Degradation.YELLOWED, 0.30, skew, 4000, true);
            case turned -> new Degradation(Degradation.YELLOWED, 0.15, skew / 3, 2000, true);
        };
        BufferedImage page = aging.blankPage(PageLayout.WIDTH, PageLayout.HEIGHT);
        if (condition == Condition.degraded) {
            showThrough(page, verso);
        }
        printed.addAll(text.layout().draw(page, Degradation.INK, text.text().masthead(), text.text().dateline(),
                text.text().paragraphs()));
        return SampleGenerator.gray(aging.apply(page, random));
    }

    /** The verso's print, mirrored and faint, darkening the paper where its ink is: thin paper. */
    private static void showThrough(BufferedImage page, Printable verso) {
        BufferedImage back = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = back.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, back.getWidth(), back.getHeight());
        g.dispose();
        verso.layout().draw(back, Color.BLACK, verso.text().masthead(), verso.text().dateline(),
                verso.text().paragraphs());
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                double ink = 1 - (back.getRaster().getSample(page.getWidth() - 1 - x, y, 0) / 255.0);
                if (ink > 0) {
                    Color paper = new Color(page.getRGB(x, y));
                    double light = 1 - BLEED_THROUGH * ink;
                    page.setRGB(x, y, new Color((int) (paper.getRed() * light), (int) (paper.getGreen() * light),
                            (int) (paper.getBlue() * light)).getRGB());
                }
            }
        }
    }

    /** The page turned clockwise by a multiple of 90 degrees (0: the page itself). */
    static BufferedImage quarterTurned(BufferedImage image, int degrees) {
        if (degrees % 360 == 0) {
            return image;
        }
        boolean sideways = degrees % 180 != 0;
        int width = sideways ? image.getHeight() : image.getWidth();
        int height = sideways ? image.getWidth() : image.getHeight();
        BufferedImage turned = new BufferedImage(width, height, image.getType());
        Graphics2D g = turned.createGraphics();
        AffineTransform turn = new AffineTransform();
        turn.translate(width / 2.0, height / 2.0);
        turn.rotate(Math.toRadians(degrees));
        turn.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
        g.drawImage(image, turn, null);
        g.dispose();
        return turned;
    }

    /** Every page text of the samples, with the layout and language of the sample it belongs to. */
    static List<Printable> printables() {
        List<Printable> texts = new ArrayList<>();
        for (SampleGenerator.SampleSpec sample : SampleGenerator.SAMPLES) {
            for (SampleGenerator.SampleSpec.PageSpec page : sample.pages()) {
                texts.add(new Printable(page.text(), sample.language(),
                        new PageLayout(sample.columns(), sample.bodySize()),
                        SampleText.parse(SampleGenerator.resource(page.text()))));
            }
        }
        return texts;
    }

    record Printable(String name, String language, PageLayout layout, SampleText text) {
    }
}
