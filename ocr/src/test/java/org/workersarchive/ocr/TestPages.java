package org.workersarchive.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;

/** Pages drawn for the tests: black serif text on white at 300 dpi, as clean scans, then turned or skewed. */
final class TestPages {

    static final List<String> FRENCH = List.of(
            "Le camarade Miasnikov fut exclu du parti",
            "en février 1922, et le Groupe ouvrier",
            "publia son manifeste à Moscou. Les ouvriers",
            "de Perm et de l'Oural lisaient ses thèses",
            "malgré la censure et la police du parti.");
    static final List<String> GERMAN = List.of(
            "Die Genossen der Arbeitergruppe wurden",
            "im Herbst verhaftet und in die Gefängnisse",
            "der politischen Polizei gebracht, weil sie",
            "die Wahrheit über die Lage der Arbeiter",
            "in den Fabriken laut und offen gesagt hatten.");
    static final List<String> RUSSIAN = List.of(
            "Рабочая группа РКП и товарищ Мясников",
            "выступили против новой экономической",
            "политики и бюрократии в партии. Рабочие",
            "Москвы и Перми читали их манифест, хотя",
            "за это грозили арест и ссылка в Сибирь.");

    private static TesseractEngines engines;

    private TestPages() {
    }

    /**
     * Engines shared by the test classes of this module, made once: loading the models is the slow
     * part. The JVM ends with the tests, which frees them.
     */
    static synchronized TesseractEngines sharedEngines() {
        if (engines == null) {
            engines = new TesseractEngines(OcrConfig.defaults());
        }
        return engines;
    }

    /** Black serif text, 40 px high, lines 80 px apart, on a white 1700x1000 page at 300 dpi. */
    static BufferedImage drawn(List<String> lines) {
        BufferedImage image = new BufferedImage(1700, 1000, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("DejaVu Serif", Font.PLAIN, 40));
        int baseline = 100 + g.getFontMetrics().getAscent();
        for (String line : lines) {
            g.drawString(line, 100, baseline);
            baseline += 80;
        }
        g.dispose();
        return image;
    }

    /** The image turned clockwise by a multiple of 90 degrees, as a scan put sideways into the scanner. */
    static BufferedImage quarterTurned(BufferedImage image, int degrees) {
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
    static BufferedImage skewed(BufferedImage image, double degrees) {
        BufferedImage turned = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = turned.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, turned.getWidth(), turned.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.rotate(Math.toRadians(degrees), image.getWidth() / 2.0, image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return turned;
    }

    /** Saves the image as a PNG page of the given number, unread. */
    static Page page(int number, BufferedImage image, Path file) throws IOException {
        ImageIO.write(image, "png", file.toFile());
        return Page.unread(number, new PageImage(file, image.getWidth(), image.getHeight(), 300));
    }
}
