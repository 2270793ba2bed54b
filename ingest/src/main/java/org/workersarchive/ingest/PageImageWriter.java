package org.workersarchive.ingest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.workersarchive.core.PageImage;

/**
 * Writes page images as PNG files named {@code p0001.png}, {@code p0002.png} … in a folder, each
 * under a temporary name first. Images that Tesseract and browsers handle badly (16-bit samples,
 * palettes, transparency, CMYK) are flattened to 8-bit gray or RGB on white first.
 */
final class PageImageWriter {

    private final Path pagesDir;

    PageImageWriter(Path pagesDir) throws IOException {
        this.pagesDir = Files.createDirectories(pagesDir);
    }

    PageImage write(int pageNumber, BufferedImage image, int dpi) throws IOException {
        BufferedImage plain = flattened(image);
        Path target = pagesDir.resolve(String.format("p%04d.png", pageNumber));
        Path partial = pagesDir.resolve("." + target.getFileName() + ".partial");
        if (!ImageIO.write(plain, "png", partial.toFile())) {
            throw new IOException("no PNG writer for page " + pageNumber);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new PageImage(target, plain.getWidth(), plain.getHeight(), dpi);
    }

    private static BufferedImage flattened(BufferedImage image) {
        int type = image.getType();
        if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_3BYTE_BGR
                || type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_BYTE_BINARY
                && image.getColorModel().getPixelSize() == 1) {
            return image;
        }
        boolean gray = image.getColorModel().getNumColorComponents() == 1 && !image.getColorModel().hasAlpha();
        BufferedImage plain = new BufferedImage(image.getWidth(), image.getHeight(),
                gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = plain.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, plain.getWidth(), plain.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return plain;
    }
}
