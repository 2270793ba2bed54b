package org.workersarchive.samples;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Small scans for the soak benchmark (bench/soak.sh): slips of paper of one numbered line of
 * French each, 900 x 160 pixels, as the inbox load test draws them: quick to read, each different,
 * so that each becomes a document of its own.
 * <pre>./archive --main org.workersarchive.samples.Slips OUT_DIR COUNT</pre>
 */
public final class Slips {

    private Slips() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Slips OUT_DIR COUNT");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        for (int n = 1; n <= count; n++) {
            slip(out.resolve(String.format("slip-%05d.png", n)), "Feuille " + n + " du Groupe ouvrier communiste");
        }
        System.err.println(count + " slips in " + out);
    }

    /** One slip: a line of black serif text on white, at 300 dpi. */
    static void slip(Path file, String text) throws IOException {
        BufferedImage image = new BufferedImage(900, 160, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 36));
        g.drawString(text, 40, 95);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
