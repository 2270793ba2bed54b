package org.workersarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Document;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.core.RejectedInputException;

/**
 * Scanned PDFs as scanners and OCR tools make them: pages whose image is JPEG 2000 (JPXDecode) or
 * JBIG2, made in the test; such images that cannot be decoded, or are too large to; and a page of
 * twenty million drawing operators. A page is never made blank by what could not be drawn: it is
 * drawn whole, or its document fails with the reason.
 */
class PdfImagesTest {

    @TempDir
    Path dir;

    @Test
    void aJpeg2000PageIsDrawnWithItsText() throws IOException {
        BufferedImage scan = DrawnPages.drawn(DrawnPages.FRENCH);
        Path pdf = imagePdf("jpx.pdf", jpeg2000(scan), COSName.JPX_DECODE, scan.getWidth(), scan.getHeight(), 8);

        BufferedImage page = renderedPage(pdf);

        assertInkLikeTheScan(scan, page);
    }

    @Test
    void aJbig2PageIsDrawnWithItsText() throws IOException {
        BufferedImage scan = bilevel(DrawnPages.drawn(DrawnPages.GERMAN));
        Path pdf = imagePdf("jbig2.pdf", jbig2(scan), COSName.JBIG2_DECODE, scan.getWidth(), scan.getHeight(), 1);

        BufferedImage page = renderedPage(pdf);

        assertInkLikeTheScan(scan, page);
    }

    @Test
    void aJpeg2000ImageThatCannotBeDecodedFailsItsDocumentNamingThePage() throws IOException {
        byte[] broken = "\0\0\0\fjP  \r\n\u0087\n this is no JPEG 2000 codestream".getBytes(StandardCharsets.ISO_8859_1);
        Path pdf = imagePdf("broken-jpx.pdf", broken, COSName.JPX_DECODE, 800, 600, 8);

        RejectedInputException e = assertThrows(RejectedInputException.class, () -> ingest(pdf));

        assertTrue(e.reason().startsWith("page 1: JPEG 2000 image cannot be decoded"), e.reason());
    }

    @Test
    void aJbig2ImageThatCannotBeDecodedFailsItsDocumentNamingThePage() throws IOException {
        Path pdf = imagePdf("broken-jbig2.pdf", "no JBIG2 segments at all".getBytes(StandardCharsets.US_ASCII),
                COSName.JBIG2_DECODE, 800, 600, 1);

        RejectedInputException e = assertThrows(RejectedInputException.class, () -> ingest(pdf));

        assertTrue(e.reason().startsWith("page 1: JBIG2 image cannot be decoded"), e.reason());
    }

    @Test
    void anEmbeddedImageOfFortyThousandPixelsASideIsRefusedBeforeItIsDecoded() throws IOException {
        // A few kilobytes that claim 40,000 x 40,000 gray pixels: PDFBox would decode what there is and paint the rest.
        ByteArrayOutputStream zeros = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(zeros)) {
            out.write(new byte[1 << 20]);
        }
        Path pdf = imagePdf("huge.pdf", zeros.toByteArray(), COSName.FLATE_DECODE, 40_000, 40_000, 8, PDRectangle.A4);

        RejectedInputException e = assertTimeoutPreemptively(Duration.ofMinutes(2),
                () -> assertThrows(RejectedInputException.class, () -> ingest(pdf)));

        assertEquals("page 1: embedded Flate-compressed image too large: 40000x40000 pixels (limit 100 megapixels, "
                + "32767 pixels a side)", e.reason());
    }

    @Test
    void aPageOfTwentyMillionDrawingOperatorsFailsWithATimeoutInsteadOfRenderingForHours() throws IOException {
        Path pdf = dir.resolve("operators.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A5);
            PDStream content = new PDStream(document);
            try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] strokes = "0 0 m 400 590 l S\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 2_000; i++) { // 20 million operators, about 1 MB compressed
                    out.write(strokes);
                }
            }
            page.setContents(content);
            document.addPage(page);
            document.save(pdf.toFile());
        }
        Ingestor ingestor = new Ingestor(new IngestConfig(300, 10, Duration.ofSeconds(2)));

        RejectedInputException e = assertTimeoutPreemptively(Duration.ofMinutes(3),
                () -> assertThrows(RejectedInputException.class, () -> ingestor.ingest(pdf, dir.resolve("pages"))));

        assertTrue(e.reason().startsWith("timeout: rendering page 1 took longer than 2 s"), e.reason());
    }

    private BufferedImage renderedPage(Path pdf) throws IOException {
        Document document = ingest(pdf);
        assertEquals(1, document.pages().size());
        return ImageIO.read(document.pages().get(0).image().path().toFile());
    }

    private Document ingest(Path pdf) {
        return new Ingestor(IngestConfig.defaults()).ingest(pdf, dir.resolve("pages-" + pdf.getFileName()));
    }

    /** A one-page PDF whose page is the image, its data given as it is with the filter named. */
    private Path imagePdf(String name, byte[] data, COSName filter, int width, int height, int bits) throws IOException {
        // The page the size of the image at 200 dpi, rendered at 300: what a scanner's PDF is like.
        return imagePdf(name, data, filter, width, height, bits, new PDRectangle(width * 72f / 200, height * 72f / 200));
    }

    private Path imagePdf(String name, byte[] data, COSName filter, int width, int height, int bits, PDRectangle size)
            throws IOException {
        Path pdf = dir.resolve(name);
        try (PDDocument document = new PDDocument()) {
            PDImageXObject image = new PDImageXObject(document, new ByteArrayInputStream(data), filter, width, height,
                    bits, PDDeviceGray.INSTANCE);
            PDPage page = new PDPage(size);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            document.save(pdf.toFile());
        }
        return pdf;
    }

    /** The rendered page holds ink where the scan does, about as much of it, and is not blank. */
    private static void assertInkLikeTheScan(BufferedImage scan, BufferedImage page) {
        double scanInk = inkShare(scan);
        double pageInk = inkShare(page);
        assertTrue(scanInk > 0.01, "the scan has text: " + scanInk);
        assertTrue(Math.abs(pageInk - scanInk) < scanInk / 2, "ink on the page " + pageInk + ", in the scan " + scanInk);
    }

    private static double inkShare(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        return dark / (double) ((long) image.getWidth() * image.getHeight());
    }

    /** The image in black and white, padded with white to whole TIFF tiles (16 pixels each way). */
    private static BufferedImage bilevel(BufferedImage gray) {
        BufferedImage bits = new BufferedImage((gray.getWidth() + 15) / 16 * 16, (gray.getHeight() + 15) / 16 * 16,
                BufferedImage.TYPE_BYTE_BINARY);
        java.awt.Graphics2D g = bits.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, bits.getWidth(), bits.getHeight());
        g.drawImage(gray, 0, 0, null);
        g.dispose();
        return bits;
    }

    /** The image as a JPEG 2000 file, by the jai-imageio encoder. */
    private static byte[] jpeg2000(BufferedImage image) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg2000");
        assertTrue(writers.hasNext(), "a JPEG 2000 writer (jai-imageio) is on the class path");
        return encoded(writers.next(), image, null);
    }

    /**
     * The bilevel image as JBIG2 as a PDF embeds it (no file header): a page information segment
     * and one immediate generic region coded with MMR, which is CCITT T.6, whose bits the JDK's
     * TIFF writer makes (one tile the size of the image, so one T.6 stream).
     */
    private static byte[] jbig2(BufferedImage bits) throws IOException {
        ImageWriter tiff = ImageIO.getImageWritersByFormatName("tiff").next();
        ImageWriteParam param = tiff.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("CCITT T.6");
        param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
        param.setTiling(bits.getWidth(), bits.getHeight(), 0, 0);
        byte[] t6 = tileData(encoded(tiff, bits, param));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer pageInfo = ByteBuffer.allocate(19).putInt(bits.getWidth()).putInt(bits.getHeight()).putInt(0).putInt(0)
                .put((byte) 0).putShort((short) 0);
        segment(out, 0, 48, pageInfo.array());
        ByteBuffer region = ByteBuffer.allocate(18 + t6.length).putInt(bits.getWidth()).putInt(bits.getHeight())
                .putInt(0).putInt(0).put((byte) 0).put((byte) 1).put(t6);
        segment(out, 1, 38, region.array());
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int number, int type, byte[] data) {
        ByteBuffer header = ByteBuffer.allocate(11).putInt(number).put((byte) type).put((byte) 0).put((byte) 1)
                .putInt(data.length);
        out.writeBytes(header.array());
        out.writeBytes(data);
    }

    /** The data of the one tile of a TIFF file: TileOffsets (324) and TileByteCounts (325) of its first directory. */
    private static byte[] tileData(byte[] tiff) {
        ByteBuffer in = ByteBuffer.wrap(tiff);
        in.order(tiff[0] == 'I' ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
        int directory = in.getInt(4);
        int entries = in.getShort(directory) & 0xffff;
        long offset = -1;
        long count = -1;
        for (int i = 0; i < entries; i++) {
            int at = directory + 2 + 12 * i;
            int tag = in.getShort(at) & 0xffff;
            int type = in.getShort(at + 2) & 0xffff;
            long value = type == 3 ? in.getShort(at + 8) & 0xffff : in.getInt(at + 8) & 0xffffffffL;
            if (tag == 324) {
                offset = value;
            } else if (tag == 325) {
                count = value;
            }
        }
        assertTrue(offset > 0 && count > 0, "the TIFF writer made one tile");
        return java.util.Arrays.copyOfRange(tiff, (int) offset, (int) (offset + count));
    }

    private static byte[] encoded(ImageWriter writer, BufferedImage image, ImageWriteParam param) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
