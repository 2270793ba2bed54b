package org.workersarchive.samples;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets one page of a sample in type: an optional masthead and date line, then paragraphs and
 * headings flowed into one or two columns. Returns the text line by line as it was printed, in
 * reading order, which is the page's ground truth.
 */
final class PageLayout {

    static final int WIDTH = 1748;   // A5 at 300 dpi
    static final int HEIGHT = 2480;
    private static final int MARGIN = 130;
    private static final int GUTTER = 70;
    private static final String FAMILY = "DejaVu Serif";

    private final int columns;
    private final Font body;
    private final Font heading;

    /** @param bodySize the body text's size in pixels (about 40 px is a 10 pt letter at 300 dpi) */
    PageLayout(int columns, int bodySize) {
        this.columns = columns;
        this.body = new Font(FAMILY, Font.PLAIN, bodySize);
        this.heading = new Font(FAMILY, Font.BOLD, bodySize + 4);
        if (body.canDisplayUpTo("Мясников Genosse Lénine") != -1 || !body.getFamily().startsWith("DejaVu")) {
            throw new IllegalStateException("the font " + FAMILY + " is needed to draw the samples "
                    + "(Debian package fonts-dejavu-core)");
        }
    }

    /**
     * Draws the page on the image and returns its lines as printed.
     *
     * @param masthead   the title across the top, or null
     * @param dateline   the line under it, or null
     * @param paragraphs paragraphs; one written all in capitals is a heading
     */
    List<String> draw(BufferedImage page, Color ink, String masthead, String dateline, List<String> paragraphs) {
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(ink);
        List<String> printed = new ArrayList<>();
        int y = MARGIN;
        if (masthead != null) {
            y = centred(g, masthead, new Font(FAMILY, Font.BOLD, fitting(g, masthead, 96)), y, printed);
        }
        if (dateline != null) {
            y = centred(g, dateline, new Font(FAMILY, Font.ITALIC, body.getSize() - 6), y + 10, printed);
            g.fillRect(MARGIN, y + 10, WIDTH - 2 * MARGIN, 4);
            y += 60;
        }
        flow(g, paragraphs, y, printed);
        g.dispose();
        return printed;
    }

    /** Flows the paragraphs into balanced columns, as a newspaper sets them. */
    private void flow(Graphics2D g, List<String> paragraphs, int top, List<String> printed) {
        int columnWidth = (WIDTH - 2 * MARGIN - (columns - 1) * GUTTER) / columns;
        List<SetLine> lines = new ArrayList<>();
        int total = 0;
        for (String paragraph : paragraphs) {
            boolean isHeading = paragraph.equals(paragraph.toUpperCase()) && paragraph.length() < 60;
            Font font = isHeading ? heading : body;
            FontMetrics metrics = g.getFontMetrics(font);
            int lineHeight = (int) (metrics.getHeight() * 1.15);
            List<String> wrapped = wrap(paragraph, metrics, columnWidth);
            for (int i = 0; i < wrapped.size(); i++) {
                int advance = lineHeight + (i == wrapped.size() - 1 ? lineHeight / 3 : 0);
                lines.add(new SetLine(wrapped.get(i), font, isHeading, advance));
                total += advance;
            }
        }
        int columnHeight = (total + columns - 1) / columns;
        int column = 0;
        int y = top;
        for (SetLine line : lines) {
            if (y - top + line.advance() / 2 > columnHeight && column < columns - 1) {
                column++;
                y = top;
            }
            if (y + line.advance() > HEIGHT - MARGIN) {
                throw new IllegalStateException("the text does not fit on the page: " + line.text());
            }
            FontMetrics metrics = g.getFontMetrics(line.font());
            int x = MARGIN + column * (columnWidth + GUTTER);
            if (line.heading()) {
                x += (columnWidth - metrics.stringWidth(line.text())) / 2;
            }
            g.setFont(line.font());
            g.drawString(line.text(), x, y + metrics.getAscent());
            printed.add(line.text());
            y += line.advance();
        }
    }

    /** A line set in type, and how far down the next line starts. */
    private record SetLine(String text, Font font, boolean heading, int advance) {
    }

    private static int centred(Graphics2D g, String text, Font font, int y, List<String> printed) {
        FontMetrics metrics = g.getFontMetrics(font);
        g.setFont(font);
        g.drawString(text, (WIDTH - metrics.stringWidth(text)) / 2, y + metrics.getAscent());
        printed.add(text);
        return y + metrics.getHeight();
    }

    /** The largest size up to {@code preferred} at which the text fits between the margins. */
    private static int fitting(Graphics2D g, String text, int preferred) {
        int size = preferred;
        while (g.getFontMetrics(new Font(FAMILY, Font.BOLD, size)).stringWidth(text) > WIDTH - 2 * MARGIN) {
            size -= 4;
        }
        return size;
    }

    private static List<String> wrap(String paragraph, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
