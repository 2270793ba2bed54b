package org.workersarchive.ingest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.workersarchive.core.PageImage;

/**
 * Writes page images as PNG files named {@code p0001.png}, {@code p0002.png} … in a folder, each
 * under a temporary name first, so that a page image is whole or absent. Images that Tesseract and
 * browsers handle badly (16-bit samples, palettes, transparency, CMYK) are flattened to 8-bit gray
 * or RGB on white first. Not thread-safe: one per document being ingested.
 */
final class PageImageWriter {

    private final Path pagesDir;
    private final boolean madeFolder;
    private final List<Path> written = new ArrayList<>();

    PageImageWriter(Path pagesDir) throws IOException {
        this.madeFolder = !Files.isDirectory(pagesDir);
        this.pagesDir = Files.createDirectories(pagesDir);
    }

    /**
     * @throws UncheckedIOException when the image cannot be written: a fault of the disk, not of
     *                              the input, so never reported as a rejection of it
     */
    PageImage write(int pageNumber, BufferedImage image, int dpi) {
        return write(pageNumber, image, dpi, null);
    }

    /**
     * Writes a page decoded from a PNG file: the file's bytes are copied as they are when the image
     * needs no flattening, since encoding a page again costs a tenth of a second for nothing.
     *
     * @param png the PNG file the image was decoded from, its only image
     */
    PageImage writeFromPng(int pageNumber, BufferedImage image, int dpi, Path png) {
        return write(pageNumber, image, dpi, png);
    }

    private PageImage write(int pageNumber, BufferedImage image, int dpi, Path png) {
        BufferedImage plain = flattened(image);
        Path target = pagesDir.resolve(String.format("p%04d.png", pageNumber));
        Path partial = pagesDir.resolve("." + target.getFileName() + ".partial");
        try {
            if (png != null && plain == image) {
                Files.copy(png, partial, StandardCopyOption.REPLACE_EXISTING);
            } else if (!ImageIO.write(plain, "png", partial.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(target);
            return new PageImage(target, plain.getWidth(), plain.getHeight(), dpi);
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("cannot write the image of page " + pageNumber
                    + " to " + target + ": " + e.getMessage(), e);
            deleteAfterFailure(partial, failure);
            throw failure;
        }
    }

    /**
     * Deletes the images written so far, and the folder when this writer made it, after the
     * document failed: nothing half-made is left. What cannot be deleted is added to the failure.
     */
    void discard(RuntimeException failure) {
        written.forEach(image -> deleteAfterFailure(image, failure));
        written.clear();
        if (madeFolder) {
            deleteAfterFailure(pagesDir, failure);
        }
    }

    private static void deleteAfterFailure(Path path, RuntimeException failure) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
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
