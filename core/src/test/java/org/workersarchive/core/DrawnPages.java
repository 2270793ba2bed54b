package org.workersarchive.core;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Pages drawn for the tests of every module, with java.awt and Debian's DejaVu fonts: black text on
 * white, as clean scans (then turned or skewed, for the OCR's tests), as small slips and full pages
 * (for the pipeline's), or as pages already "read", each word's box where it was drawn (for the
 * writers', which need boxes without running Tesseract).
 */
public final class DrawnPages {

    public static final List<String> FRENCH = List.of(
            "Le camarade Miasnikov fut exclu du parti",
            "en février 1922, et le Groupe ouvrier",
            "publia son manifeste à Moscou. Les ouvriers",
            "de Perm et de l'Oural lisaient ses thèses",
            "malgré la censure et la police du parti.");
    public static final List<String> GERMAN = List.of(
            "Die Genossen der Arbeitergruppe wurden",
            "im Herbst verhaftet und in die Gefängnisse",
            "der politischen Polizei gebracht, weil sie",
            "die Wahrheit über die Lage der Arbeiter",
            "in den Fabriken laut und offen gesagt hatten.");
    public static final List<String> RUSSIAN = List.of(
            "Рабочая группа РКП и товарищ Мясников",
            "выступили против новой экономической",
            "политики и бюрократии в партии. Рабочие",
            "Москвы и Перми читали их манифест, хотя",
            "за это грозили арест и ссылка в Сибирь.");

    /** The font of the pages "read" without OCR: the searchable PDF's, so that boxes and glyphs agree. */
    private static final Path SANS = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    /** A blackletter in Debian (fonts-blankenburg): Tesseract's orientation detection sees Fraktur in it. */
    public static final Path BLACKLETTER = Path.of("/usr/share/fonts/truetype/blankenburg/Blankenburg_UNZ1A.ttf");
    /** A serif with the letters of the Russian spelling before 1918 (ѣ, і, ѳ, ѵ). */
    public static final Path SERIF = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf");
    private static final int MARGIN = 40;
    private static final int BLOCK_GAP = 30;
    /** Word confidences of a page "read" without OCR, in turn: two ordinary ones and a doubtful one. */
    private static final double[] CONFIDENCES = {96.5, 100, 45};

    private DrawnPages() {
    }

    /** Black serif text, 40 px high, lines 80 px apart, on a white 1700x1000 page at 300 dpi. */
    public static BufferedImage drawn(List<String> lines) {
        return serifLines(1700, 1000, 40, 100, 100, 80, lines, true);
    }

    /**
     * Black text in the font of the given file, {@code pixels} high, lines 1.9 times that apart, on
     * a white page wide enough for it, at 300 dpi.
     */
    public static BufferedImage drawn(List<String> lines, Path fontFile, float pixels) {
        Font font = font(fontFile, pixels);
        int lineGap = Math.round(pixels * 1.9f);
        int width = 200 + lines.stream().mapToInt(line -> (int) (line.length() * pixels * 0.62)).max().orElse(0);
        BufferedImage image = new BufferedImage(Math.max(width, 400), 200 + lines.size() * lineGap,
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = blank(image);
        g.setFont(font);
        int baseline = 100 + g.getFontMetrics().getAscent();
        for (String line : lines) {
            g.drawString(line, 100, baseline);
            baseline += lineGap;
        }
        g.dispose();
        return image;
    }

    /** The image turned clockwise by a multiple of 90 degrees, as a scan put sideways into the scanner. */
    public static BufferedImage quarterTurned(BufferedImage image, int degrees) {
        boolean sideways = degrees % 180 != 0;
        int width = sideways ? image.getHeight() : image.getWidth();
        int height = sideways ? image.getWidth() : image.getHeight();
        BufferedImage turned = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = turned.createGraphics();
        AffineTransform turn = new AffineTransform();
        turn.translate(width / 2.0, height / 2.0);
        turn.rotate(Math.toRadians(degrees));
        turn.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
        g.drawImage(image, turn, null);
        g.dispose();
        return turned;
    }

    /** The image turned clockwise by a small angle about its centre, white brought in at the corners. */
    public static BufferedImage skewed(BufferedImage image, double degrees) {
        BufferedImage turned = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = blank(turned);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.rotate(Math.toRadians(degrees), image.getWidth() / 2.0, image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return turned;
    }

    /** Saves the image as a PNG page of the given number at 300 dpi, unread. */
    public static Page unread(int number, BufferedImage image, Path file) throws IOException {
        write(image, "png", file);
        return Page.unread(number, new PageImage(file, image.getWidth(), image.getHeight(), 300));
    }

    /** A slip of paper with one line, as a PNG scan: small, quick to read, and different for each text. */
    public static Path slip(Path file, String text) throws IOException {
        return write(serifLines(900, 160, 36, 40, 95, 0, List.of(text), false), "png", file);
    }

    /**
     * A full page as a PNG scan: a heading, then 40 lines of text with no digit. It takes seconds to
     * read, so that a process can be killed surely in its middle.
     */
    public static Path fullPage(Path file, String heading) throws IOException {
        List<String> lines = new ArrayList<>(List.of(heading));
        lines.addAll(Collections.nCopies(40, "A line of the tract that takes its reader some time, however often it is given."));
        return write(serifLines(1700, 2200, 30, 100, 100, 50, lines, false), "png", file);
    }

    /**
     * Draws a page and returns it as OCR would give it, in French, each word's box where it was drawn
     * (from the font's metrics). Blocks are lists of lines, a line is its words separated by spaces.
     *
     * @param format "png" or "jpg"
     */
    public static Page read(int number, Path file, String format, int width, int height, int dpi,
                            List<List<String>> blocks) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank(image);
        try {
            g.setFont(sans(30));
            List<Block> drawn = layOut(g, number, blocks);
            write(image, format, file);
            return Page.unread(number, new PageImage(file, width, height, dpi))
                    .withText(TextOrigin.OCR, Language.listOf("fra"), drawn);
        } finally {
            g.dispose();
        }
    }

    /**
     * Lines of DejaVu Serif on a white gray page.
     *
     * @param evenlySpaced true: each line {@code lineGap} below the last; false: the first line stands
     *                     apart as a heading, 50 px more above the next (a slip has only the one)
     */
    private static BufferedImage serifLines(int width, int height, int fontSize, int x, int firstTop, int lineGap,
                                            List<String> lines, boolean evenlySpaced) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = blank(image);
        g.setFont(new Font("DejaVu Serif", Font.PLAIN, fontSize));
        // Evenly spaced pages are placed by their first line's top, the others by its baseline.
        int first = evenlySpaced ? firstTop + g.getFontMetrics().getAscent() : firstTop;
        for (int i = 0; i < lines.size(); i++) {
            int baseline = evenlySpaced || i == 0 ? first + i * lineGap : first + 50 + i * lineGap;
            g.drawString(lines.get(i), x, baseline);
        }
        g.dispose();
        return image;
    }

    /** A graphics on the image, painted white, drawing black antialiased text. */
    private static Graphics2D blank(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private static Path write(BufferedImage image, String format, Path file) throws IOException {
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return file;
    }

    private static List<Block> layOut(Graphics2D g, int page, List<List<String>> blocks) {
        FontMetrics metrics = g.getFontMetrics();
        int lineHeight = metrics.getAscent() + metrics.getDescent();
        int top = MARGIN;
        int[] counters = new int[3];
        List<Block> result = new ArrayList<>();
        for (List<String> lines : blocks) {
            List<Line> drawnLines = new ArrayList<>();
            for (String text : lines) {
                drawnLines.add(drawLine(g, page, text, top, counters));
                top += lineHeight + 4;
            }
            result.add(new Block(Ids.block(page, ++counters[0]),
                    BoundingBox.enclosing(drawnLines.stream().map(Line::box).toList()), drawnLines));
            top += BLOCK_GAP;
        }
        return result;
    }

    private static Line drawLine(Graphics2D g, int page, String text, int top, int[] counters) {
        FontMetrics metrics = g.getFontMetrics();
        int baseline = top + metrics.getAscent();
        int x = MARGIN;
        List<Word> words = new ArrayList<>();
        for (String word : text.split(" ")) {
            g.drawString(word, x, baseline);
            int wordWidth = metrics.stringWidth(word);
            int id = ++counters[2];
            words.add(new Word(Ids.word(page, id), word,
                    new BoundingBox(x, top, wordWidth, metrics.getAscent() + metrics.getDescent()),
                    CONFIDENCES[(id - 1) % CONFIDENCES.length]));
            x += wordWidth + metrics.stringWidth(" ");
        }
        return new Line(Ids.line(page, ++counters[1]),
                BoundingBox.enclosing(words.stream().map(Word::box).toList()), words);
    }

    private static Font sans(int pixels) {
        return font(SANS, pixels);
    }

    private static Font font(Path file, float pixels) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, file.toFile()).deriveFont(pixels);
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("cannot load " + file, e);
        }
    }
}
