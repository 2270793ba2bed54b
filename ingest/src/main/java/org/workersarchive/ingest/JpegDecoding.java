package org.workersarchive.ingest;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageReader;
import org.workersarchive.core.RejectedInputException;

/**
 * Decodes a JPEG page with the JDK's reader, with things it does not do by itself: it refuses
 * a JPEG whose picture is partly lost, it converts CMYK and YCCK JPEGs to RGB correctly (with or
 * without Adobe's marker), and it takes what it needs to know of the header from {@link JpegHeader},
 * not from the JDK's metadata, which refuses valid files (EXIF before JFIF).
 */
final class JpegDecoding {

    private JpegDecoding() {
    }

    /**
     * The page's pixels. Where the entropy-coded data is cut short or corrupt, libjpeg (inside the
     * JDK) warns and paints the rest of the picture gray, and the page would be read with part of
     * its text silently missing: such a JPEG is refused, so that an archivist finds a better copy.
     * Warnings that lose nothing (extraneous bytes before a marker, a missing end marker after
     * all the data) are let pass.
     *
     * @throws RejectedInputException "damaged JPEG: part of the picture is lost (…)"
     */
    static BufferedImage decode(ImageReader reader, int frame, JpegHeader header) throws IOException {
        List<String> losses = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> {
            if (losesPixels(warning)) {
                losses.add(warning);
            }
        });
        try {
            BufferedImage image = header.components() == 4
                    ? fromFourComponents(reader.readRaster(frame, null), header.adobe()) : reader.read(frame);
            if (!losses.isEmpty()) {
                throw new RejectedInputException("damaged JPEG: part of the picture is lost (" + losses.get(0) + ")");
            }
            return image;
        } finally {
            reader.removeAllIIOReadWarningListeners();
        }
    }

    /** libjpeg's warnings (IJG 6b wording) that mean pixels were not decoded. */
    static boolean losesPixels(String warning) {
        return warning.startsWith("Premature end of JPEG file")
                || warning.startsWith("Corrupt JPEG data") && !warning.contains("extraneous bytes");
    }

    /**
     * RGB from four-component samples. With Adobe's marker they are inverted CMYK (255 is no ink),
     * as Adobe's programs write them and the JDK reads them. Without it
     * nothing says which way round they are: the JDK's writer, for one, stores samples as it is
     * given them, and plain CMYK (0 is no ink) read as inverted makes white paper black. A page is
     * mostly paper, so the samples are read inverted unless that makes the page mostly dark, and
     * then plain.
     */
    static BufferedImage fromFourComponents(Raster samples, boolean adobe) {
        BufferedImage inverted = fromCmyk(samples, true);
        return adobe || !mostlyDark(inverted) ? inverted : fromCmyk(samples, false);
    }

    /** Whether the image's mean brightness is below the middle gray. */
    static boolean mostlyDark(BufferedImage rgb) {
        long sum = 0;
        int[] row = new int[rgb.getWidth()];
        for (int y = 0; y < rgb.getHeight(); y++) {
            rgb.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int pixel : row) {
                sum += (pixel >> 16 & 0xFF) + (pixel >> 8 & 0xFF) + (pixel & 0xFF);
            }
        }
        return sum < 128L * 3 * row.length * rgb.getHeight();
    }

    /**
     * RGB from four-component JPEG samples as libjpeg delivers them (YCCK already turned into
     * CMYK), stored inverted (255 is no ink, the convention Adobe's programs write and libjpeg
     * and the JDK read) or plain (0 is no ink). The JDK's own conversion gets CMYK right but turns
     * YCCK white paper green, so both go through this one. No colour profile is applied: OCR needs
     * light and dark, not exact colours.
     */
    static BufferedImage fromCmyk(Raster cmyk, boolean inverted) {
        int width = cmyk.getWidth();
        int height = cmyk.getHeight();
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] samples = new int[width * 4];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            cmyk.getPixels(cmyk.getMinX(), cmyk.getMinY() + y, width, 1, samples);
            if (!inverted) {
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = 255 - samples[i];
                }
            }
            for (int x = 0; x < width; x++) {
                int noBlack = samples[4 * x + 3]; // K inverted: 255 where there is no black ink
                int red = samples[4 * x] * noBlack / 255;
                int green = samples[4 * x + 1] * noBlack / 255;
                int blue = samples[4 * x + 2] * noBlack / 255;
                row[x] = red << 16 | green << 8 | blue;
            }
            rgb.setRGB(0, y, width, 1, row, 0, width);
        }
        return rgb;
    }
}
