package org.workersarchive.pipeline;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;

/** Plain scans drawn for the pipeline's tests: black DejaVu Serif lines on white, as PNG files. */
final class DrawnScans {

    private DrawnScans() {
    }

    /** A slip of paper with one line: small, quick to read, and different for each text. */
    static Path slip(Path file, String text) throws IOException {
        return write(file, 900, 160, 36, 40, 95, 0, List.of(text));
    }

    /**
     * A full page: a heading, then 40 lines of text with no digit. It takes seconds to read, so that
     * a process can be killed surely in its middle.
     */
    static Path fullPage(Path file, String heading) throws IOException {
        List<String> lines = new ArrayList<>(List.of(heading));
        lines.addAll(Collections.nCopies(40, "A line of the tract that takes its reader some time, however often it is given."));
        return write(file, 1700, 2200, 30, 100, 100, 50, lines);
    }

    private static Path write(Path file, int width, int height, int fontSize, int x, int firstBaseline, int lineGap,
                              List<String> lines) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("DejaVu Serif", Font.PLAIN, fontSize));
        for (int i = 0; i < lines.size(); i++) {
            // The full page's first line of text stands 100 px below its heading, the next ones 50 apart.
            int baseline = i == 0 ? firstBaseline : firstBaseline + 50 + i * lineGap;
            g.drawString(lines.get(i), x, baseline);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
