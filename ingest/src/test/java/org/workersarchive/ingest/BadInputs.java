package org.workersarchive.ingest;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Makes the bad inputs of {@link BadInputTest} in a folder: every file is generated here, with
 * PDFBox, ImageIO or bytes written one by one, so that no binary fixture is kept in the project.
 */
final class BadInputs {

    /** The word drawn on test images, in black on a WIDTHxHEIGHT page, inside TEXT_AREA. */
    static final String WORD = "Myasnikov";
    static final int WIDTH = 400;
    static final int HEIGHT = 100;
    static final Rectangle TEXT_AREA = new Rectangle(20, 30, 170, 38);
    /** A point of bare paper, away from the text. */
    static final Point PAPER = new Point(WIDTH - 20, HEIGHT - 10);

    private BadInputs() {
    }

    // --- PDFs -------------------------------------------------------------------------------

    /** A PDF with a page of the given size per line of text, the text set in Helvetica at 72 pt from the left. */
    static PDDocument textPdf(PDRectangle size, String... pages) throws IOException {
        PDDocument doc = new PDDocument();
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (String text : pages) {
            PDPage page = new PDPage(size);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(font, 12);
                content.newLineAtOffset(72, size.getHeight() - 72);
                content.showText(text);
                content.endText();
            }
        }
        return doc;
    }

    /** A one-page A4 PDF holding the line so many times, a line each, in small type: a dense text layer. */
    static PDDocument densePdf(String line, int lines) throws IOException {
        PDDocument doc = new PDDocument();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
            content.setLeading(14);
            content.newLineAtOffset(40, PDRectangle.A4.getHeight() - 60);
            for (int i = 0; i < lines; i++) {
                content.showText(line);
                content.newLine();
            }
            content.endText();
        }
        return doc;
    }

    /** Saves without object streams, so that the cross-reference table is a plain table of offsets. */
    static Path save(PDDocument doc, Path file) throws IOException {
        try (doc) {
            doc.save(file.toFile(), CompressParameters.NO_COMPRESSION);
        }
        return file;
    }

    /** A PDF of blank A4 pages; thousands take a second or so, since nothing is drawn on them. */
    static Path blankPdf(Path file, int pages) throws IOException {
        PDDocument doc = new PDDocument();
        for (int i = 0; i < pages; i++) {
            doc.addPage(new PDPage(PDRectangle.A4));
        }
        try (doc) {
            doc.save(file.toFile());
        }
        return file;
    }

    /** The PDF with its {@code startxref} pointing {@code shift} bytes before the cross-reference table. */
    static Path withStartXrefMoved(Path pdf, Path file, int shift) throws IOException {
        String text = latin1(pdf);
        Matcher startxref = Pattern.compile("startxref\\s+(\\d+)").matcher(text);
        int last = -1;
        while (startxref.find()) {
            last = startxref.start(1);
        }
        Matcher offset = Pattern.compile("\\d+").matcher(text).region(last, text.length());
        offset.find();
        long wrong = Long.parseLong(offset.group()) - shift;
        return writeLatin1(file, text.substring(0, offset.start()) + wrong + text.substring(offset.end()));
    }

    /** The PDF with every in-use entry of its cross-reference table pointing {@code shift} bytes too far. */
    static Path withXrefEntriesShifted(Path pdf, Path file, int shift) throws IOException {
        Matcher entry = Pattern.compile("(?m)^(\\d{10}) (\\d{5}) n").matcher(latin1(pdf));
        StringBuilder shifted = new StringBuilder();
        int entries = 0;
        while (entry.find()) {
            entry.appendReplacement(shifted, String.format("%010d %s n", Long.parseLong(entry.group(1)) + shift,
                    entry.group(2)));
            entries++;
        }
        entry.appendTail(shifted);
        if (entries < 3) {
            throw new IllegalStateException("no cross-reference table to break: " + entries + " entries");
        }
        return writeLatin1(file, shifted.toString());
    }

    /**
     * Gives the PDF's Helvetica a ToUnicode map that reads A, B, C, D, E as U+0001, U+FFFE, U+0008,
     * U+001B and U+0000: characters XML 1.0 forbids, as a broken PDF producer would write them.
     */
    static void mapCapitalsToForbiddenCharacters(PDDocument doc) throws IOException {
        COSStream cmap = doc.getDocument().createCOSStream();
        try (OutputStream out = cmap.createOutputStream()) {
            out.write(("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                    + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    + "/CMapName /Hostile-UCS def /CMapType 2 def\n"
                    + "1 begincodespacerange <00> <FF> endcodespacerange\n"
                    + "5 beginbfchar <41> <0001> <42> <FFFE> <43> <0008> <44> <001B> <45> <0000> endbfchar\n"
                    + "endcmap CMapName currentdict /CMap defineresource pop end end\n").getBytes(StandardCharsets.US_ASCII));
        }
        for (PDPage page : doc.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                page.getResources().getFont(name).getCOSObject().setItem(COSName.TO_UNICODE, cmap);
            }
        }
    }

    // --- Images -----------------------------------------------------------------------------

    /** A WIDTHxHEIGHT image of the given type: white paper, the word in black. */
    static BufferedImage textImage(int type) {
        return drawText(new BufferedImage(WIDTH, HEIGHT, type), Color.WHITE);
    }

    /** The word in black on the image, over a background of the given colour (none when null). */
    static BufferedImage drawText(BufferedImage image, Color background) {
        Graphics2D g = image.createGraphics();
        if (background != null) {
            g.setColor(background);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Serif", Font.BOLD, 30));
        g.drawString(WORD, 20, 60);
        g.dispose();
        return image;
    }

    /**
     * A palette image of four colours, the first fully transparent (black, alpha 0): the paper is
     * that entry, as in a PNG with a tRNS chunk whose background must come out white.
     */
    static BufferedImage transparentPaletteImage() {
        byte[] red = {0, 0, (byte) 255, (byte) 200};
        byte[] green = {0, 0, 0, (byte) 200};
        byte[] blue = {0, 0, 0, (byte) 200};
        byte[] alpha = {0, (byte) 255, (byte) 255, (byte) 255};
        IndexColorModel palette = new IndexColorModel(2, 4, red, green, blue, alpha);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_BINARY, palette);
        return drawText(image, null);
    }

    static Path write(BufferedImage image, String format, Path file) throws IOException {
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IllegalStateException("no " + format + " writer for image type " + image.getType());
        }
        return file;
    }

    /** A multi-page TIFF, one frame per image. */
    static Path tiff(Path file, BufferedImage... frames) throws IOException {
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
            writer.dispose();
        }
        return file;
    }

    /**
     * A four-component JPEG of the text image, its samples stored inverted (255 is no ink) as
     * Adobe's programs write them, with the Adobe marker's colour transform: 0 for CMYK, 2 for YCCK.
     */
    static Path cmykJpeg(Path file, int adobeTransform) throws IOException {
        Raster gray = textImage(BufferedImage.TYPE_BYTE_GRAY).getRaster();
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, WIDTH, HEIGHT, 4, null);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                // No cyan, magenta or yellow; black ink where the text is. Inverted: 255 = none.
                cmyk.setPixel(x, y, new int[] {255, 255, 255, gray.getSample(x, y, 0)});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = adobeFourComponentMetadata(writer, param, adobeTransform);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(cmyk, null, metadata), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /**
     * A four-component JPEG of the text image without Adobe's marker (nor JFIF's), as the JDK's
     * writer makes it from a raster given no metadata: its samples stored as given, inverted
     * (255 is no ink) or plain (0 is no ink, as CMYK is usually reckoned).
     */
    static Path cmykJpegWithoutAdobeMarker(Path file, boolean inverted) throws IOException {
        Raster gray = textImage(BufferedImage.TYPE_BYTE_GRAY).getRaster();
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, WIDTH, HEIGHT, 4, null);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int noInk = gray.getSample(x, y, 0);
                cmyk.setPixel(x, y, inverted ? new int[] {255, 255, 255, noInk} : new int[] {0, 0, 0, 255 - noInk});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(cmyk, null, null), null);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /**
     * The JPEG with an EXIF segment (APP1, a big-endian TIFF header and an empty directory) put
     * right after its start marker, before its JFIF segment, as cameras and phones write them.
     */
    static byte[] withExifBeforeJfif(byte[] jpeg) {
        if ((jpeg[2] & 0xFF) != 0xFF || (jpeg[3] & 0xFF) != 0xE0) {
            throw new IllegalArgumentException("the JPEG does not begin with its JFIF segment");
        }
        byte[] exif = "Exif\0\0MM\0*\0\0\0\u0008\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = exif.length + 2;
        byte[] segment = new byte[4 + exif.length];
        segment[0] = (byte) 0xFF;
        segment[1] = (byte) 0xE1;
        segment[2] = (byte) (length >> 8);
        segment[3] = (byte) length;
        System.arraycopy(exif, 0, segment, 4, exif.length);
        byte[] result = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, result, 0, 2);
        System.arraycopy(segment, 0, result, 2, segment.length);
        System.arraycopy(jpeg, 2, result, 2 + segment.length, jpeg.length - 2);
        return result;
    }

    /** JPEG metadata for four components (frame and scan) with an Adobe APP14 marker. */
    private static IIOMetadata adobeFourComponentMetadata(ImageWriter writer, ImageWriteParam param, int transform)
            throws IOException {
        String format = "javax_imageio_jpeg_image_1.0";
        IIOMetadata metadata = writer.getDefaultImageMetadata(
                ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_RGB), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode variety = (IIOMetadataNode) root.getElementsByTagName("JPEGvariety").item(0);
        while (variety.hasChildNodes()) {
            variety.removeChild(variety.getFirstChild()); // no JFIF marker: JFIF allows only gray and YCbCr
        }
        IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
        IIOMetadataNode adobe = new IIOMetadataNode("app14Adobe");
        adobe.setAttribute("transform", String.valueOf(transform));
        markers.insertBefore(adobe, markers.getFirstChild());
        fourComponents((IIOMetadataNode) markers.getElementsByTagName("sof").item(0), "numFrameComponents",
                "componentSpec", "componentId", "HsamplingFactor", "1", "VsamplingFactor", "1", "QtableSelector", "0");
        fourComponents((IIOMetadataNode) markers.getElementsByTagName("sos").item(0), "numScanComponents",
                "scanComponentSpec", "componentSelector", "dcHuffTable", "0", "acHuffTable", "0");
        metadata.setFromTree(format, root);
        return metadata;
    }

    private static void fourComponents(IIOMetadataNode parent, String countAttribute, String childName,
                                       String idAttribute, String... attributes) {
        while (parent.hasChildNodes()) {
            parent.removeChild(parent.getFirstChild());
        }
        parent.setAttribute(countAttribute, "4");
        for (int id = 1; id <= 4; id++) {
            IIOMetadataNode component = new IIOMetadataNode(childName);
            component.setAttribute(idAttribute, String.valueOf(id));
            for (int i = 0; i < attributes.length; i += 2) {
                component.setAttribute(attributes[i], attributes[i + 1]);
            }
            parent.appendChild(component);
        }
    }

    /** The bytes of a JPEG of the text image. */
    static byte[] jpegBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(textImage(BufferedImage.TYPE_INT_RGB), "jpeg", out);
        return out.toByteArray();
    }

    /** Where a JPEG's entropy-coded data begins: after its start-of-scan marker's header. */
    static int scanData(byte[] jpeg) {
        int sos = markerAt(jpeg, 0xDA);
        return sos + 2 + ((jpeg[sos + 2] & 0xFF) << 8 | jpeg[sos + 3] & 0xFF);
    }

    /** The JPEG with the size in its baseline frame header (SOF0) replaced. */
    static byte[] withJpegSize(byte[] jpeg, int width, int height) {
        byte[] patched = jpeg.clone();
        int sof = markerAt(patched, 0xC0);
        patched[sof + 5] = (byte) (height >> 8);
        patched[sof + 6] = (byte) height;
        patched[sof + 7] = (byte) (width >> 8);
        patched[sof + 8] = (byte) width;
        return patched;
    }

    private static int markerAt(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new IllegalStateException("no marker " + Integer.toHexString(marker));
    }

    /**
     * A gray 8-bit PNG written chunk by chunk: the header declares {@code width}x{@code height},
     * the image data holds {@code rows} rows of that width, all white. Further chunks go between
     * the header and the data.
     */
    static byte[] png(long width, long height, int rows, List<PngChunk> chunks) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt((int) width).putInt((int) height).put((byte) 8)
                .put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        for (PngChunk chunk : chunks) {
            chunk(out, chunk.type(), chunk.data());
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(data)) {
            byte[] row = new byte[(int) Math.min(width, 1 << 20) + 1]; // filter byte 0, then the samples
            Arrays.fill(row, 1, row.length, (byte) 255);
            for (int i = 0; i < rows; i++) {
                deflater.write(row);
            }
        }
        chunk(out, "IDAT", data.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    /** A PNG chunk: its four-letter type and its data (the length and CRC are added). */
    record PngChunk(String type, byte[] data) {
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    /** One page of a hand-made TIFF: 8-bit gray, one strip, the size and compression it declares. */
    record TiffFrame(long width, long height, int compression, byte[] strip) {

        /** A white page of the size, uncompressed. */
        static TiffFrame white(int width, int height) {
            byte[] strip = new byte[width * height];
            Arrays.fill(strip, (byte) 255);
            return new TiffFrame(width, height, 1, strip);
        }
    }

    /**
     * A little-endian TIFF written byte by byte, each page's directory followed by its strip; when
     * {@code loop} is set the last directory points back at the first instead of ending the chain.
     */
    static byte[] tiff(List<TiffFrame> frames, boolean loop) {
        int directory = 2 + 9 * 12 + 4;
        int size = 8 + frames.stream().mapToInt(f -> directory + f.strip().length).sum();
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        for (int i = 0; i < frames.size(); i++) {
            TiffFrame frame = frames.get(i);
            int strip = out.position() + directory;
            out.putShort((short) 9);
            tiffEntry(out, 256, 4, (int) frame.width());
            tiffEntry(out, 257, 4, (int) frame.height());
            tiffEntry(out, 258, 3, 8);
            tiffEntry(out, 259, 3, frame.compression());
            tiffEntry(out, 262, 3, 1); // black is zero
            tiffEntry(out, 273, 4, strip);
            tiffEntry(out, 277, 3, 1);
            tiffEntry(out, 278, 4, (int) frame.height());
            tiffEntry(out, 279, 4, frame.strip().length);
            boolean last = i == frames.size() - 1;
            out.putInt(last ? (loop ? 8 : 0) : strip + frame.strip().length);
            out.put(frame.strip());
        }
        return out.array();
    }

    private static void tiffEntry(ByteBuffer out, int tag, int type, int value) {
        out.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            out.putShort((short) value).putShort((short) 0);
        } else {
            out.putInt(value);
        }
    }

    private static String latin1(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    private static Path writeLatin1(Path file, String text) throws IOException {
        return Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
