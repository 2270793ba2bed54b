package org.workersarchive.ingest;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.NodeList;
import org.workersarchive.core.RejectedInputException;

/**
 * Decodes a JPEG page with the JDK's reader, with two things it does not do by itself: it refuses
 * a JPEG whose picture is partly lost, and it converts CMYK and YCCK JPEGs to RGB correctly.
 */
final class JpegDecoding {

    private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

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
    static BufferedImage decode(ImageReader reader, int frame) throws IOException {
        List<String> losses = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> {
            if (losesPixels(warning)) {
                losses.add(warning);
            }
        });
        try {
            BufferedImage image = components(reader.getImageMetadata(frame)) == 4
                    ? fromInvertedCmyk(reader.readRaster(frame, null)) : reader.read(frame);
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

    /** The number of colour components the frame header declares: 1 gray, 3 YCbCr or RGB, 4 CMYK or YCCK. */
    private static int components(IIOMetadata metadata) {
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(NATIVE_FORMAT);
        NodeList frames = root.getElementsByTagName("sof");
        return frames.getLength() == 0 ? 0
                : Integer.parseInt(((IIOMetadataNode) frames.item(0)).getAttribute("numFrameComponents"));
    }

    /**
     * RGB from four-component JPEG samples as libjpeg delivers them (YCCK already turned into
     * CMYK), stored inverted (255 is no ink), the convention Adobe's programs write and libjpeg
     * and the JDK read. The JDK's own conversion gets CMYK right but turns YCCK white paper green,
     * so both go through this one. No colour profile is applied: OCR needs light and dark, not
     * exact colours.
     */
    static BufferedImage fromInvertedCmyk(Raster cmyk) {
        int width = cmyk.getWidth();
        int height = cmyk.getHeight();
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] samples = new int[width * 4];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            cmyk.getPixels(cmyk.getMinX(), cmyk.getMinY() + y, width, 1, samples);
            for (int x = 0; x < width; x++) {
                int noBlack = samples[4 * x + 3]; // inverted K: 255 where there is no black ink
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
