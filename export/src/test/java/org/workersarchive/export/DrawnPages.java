package org.workersarchive.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Ids;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

/**
 * Pages as OCR would give them, made for tests: the words are drawn with java.awt on a white
 * image, written as PNG or JPEG, and each word's box is where it was drawn (from the font's
 * metrics). Blocks are lists of lines, a line is its words separated by spaces.
 */
final class DrawnPages {

    private static final int MARGIN = 40;
    private static final int FONT_PIXELS = 30;
    private static final int BLOCK_GAP = 30;
    /** Word confidences, in turn: two ordinary ones and a doubtful one. */
    private static final double[] CONFIDENCES = {96.5, 100, 45};

    private DrawnPages() {
    }

    /**
     * Draws the page and returns it read by "OCR".
     *
     * @param format "png" or "jpg"
     */
    static Page draw(int number, Path file, String format, int width, int height, int dpi, List<List<String>> blocks)
            throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font());
            List<Block> drawn = layOut(g, number, blocks);
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IOException("no ImageIO writer for " + format);
            }
            return Page.unread(number, new PageImage(file, width, height, dpi))
                    .withText(TextOrigin.OCR, List.of("fra"), drawn);
        } finally {
            g.dispose();
        }
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

    private static Font font() {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, SearchablePdfWriter.DEFAULT_FONT.toFile())
                    .deriveFont((float) FONT_PIXELS);
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("cannot load " + SearchablePdfWriter.DEFAULT_FONT, e);
        }
    }
}
