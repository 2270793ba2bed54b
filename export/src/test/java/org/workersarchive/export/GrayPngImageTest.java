package org.workersarchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

class GrayPngImageTest {

    @Test
    void aGrayPngIsEmbeddedAsItsOwnDataAndDecodesToTheSamePixels() throws IOException {
        assertSamePixels(noise(BufferedImage.TYPE_BYTE_GRAY, 301, 97));
    }

    @Test
    void aOneBitPngToo() throws IOException {
        assertSamePixels(noise(BufferedImage.TYPE_BYTE_BINARY, 203, 61));
    }

    @Test
    void colourPngsAreLeftToPdfBox() throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            assertTrue(GrayPngImage.embed(pdf, png(noise(BufferedImage.TYPE_INT_RGB, 40, 30))).isEmpty());
            assertTrue(GrayPngImage.embed(pdf, new byte[] {(byte) 0x89, 'P', 'N', 'G'}).isEmpty());
        }
    }

    private static void assertSamePixels(BufferedImage original) throws IOException {
        byte[] png = png(original);
        try (PDDocument pdf = new PDDocument()) {
            PDImageXObject embedded = GrayPngImage.embed(pdf, png).orElseThrow();
            assertEquals(COSName.FLATE_DECODE, embedded.getCOSObject().getItem(COSName.FILTER));
            BufferedImage decoded = embedded.getImage();
            assertEquals(original.getWidth(), decoded.getWidth());
            assertEquals(original.getHeight(), decoded.getHeight());
            for (int y = 0; y < original.getHeight(); y++) {
                for (int x = 0; x < original.getWidth(); x++) {
                    assertEquals(level(original, x, y), level(decoded, x, y), "pixel " + x + "," + y);
                }
            }
        }
    }

    /** The pixel's gray level on 0..255 as stored, whatever the bits per sample (getRGB would convert it). */
    private static int level(BufferedImage image, int x, int y) {
        int bits = image.getSampleModel().getSampleSize(0);
        return image.getRaster().getSample(x, y, 0) * 255 / ((1 << bits) - 1);
    }

    private static BufferedImage noise(int type, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int gray = random.nextInt(256);
                image.setRGB(x, y, gray << 16 | gray << 8 | gray);
            }
        }
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
