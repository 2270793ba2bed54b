package org.workersarchive.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;

/**
 * Writes sample pages as the files archivists receive: PNG, JPEG, multi-page TIFF, or an
 * image-only PDF (each page one JPEG image, as scanners make them). Nothing time-dependent is
 * written, so the same pages give the same bytes.
 */
final class ScanWriter {

    enum Format { PNG, JPEG, TIFF, PDF }

    private static final float JPEG_QUALITY = 0.85f;
    private static final int DPI = 300;

    private ScanWriter() {
    }

    static void write(List<BufferedImage> pages, Format format, Path target) throws IOException {
        switch (format) {
            case PNG -> single(pages, target, "png", null);
            case JPEG -> single(pages, target, "jpeg", JPEG_QUALITY);
            case TIFF -> tiff(pages, target);
            case PDF -> pdf(pages, target);
        }
    }

    private static void single(List<BufferedImage> pages, Path target, String format, Float quality) throws IOException {
        if (pages.size() != 1) {
            throw new IllegalArgumentException(format + " holds one page, not " + pages.size());
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (quality != null) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(pages.get(0), null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /**
     * One page as a PNG that states its resolution (a pHYs chunk), as a scanner writes it: OCR tools
     * guess badly without it, so a benchmark must give every tool the same, right value.
     */
    static void pngWithResolution(BufferedImage page, Path target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page), param);
        // The PNG plugin's own tree: its standard-tree resolution is read back inverted (JDK-5106305).
        String format = "javax_imageio_png_1.0";
        IIOMetadataNode physical = new IIOMetadataNode("pHYs");
        String pixelsPerMetre = String.valueOf(Math.round(DPI / 0.0254));
        physical.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
        physical.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
        physical.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode(format);
        root.appendChild(physical);
        metadata.mergeTree(format, root);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(page, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    private static void tiff(List<BufferedImage> pages, Path target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("Deflate");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static void pdf(List<BufferedImage> pages, Path target) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            for (BufferedImage image : pages) {
                float width = image.getWidth() * 72f / DPI;
                float height = image.getHeight() * 72f / DPI;
                PDPage page = new PDPage(new PDRectangle(width, height));
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(JPEGFactory.createFromImage(pdf, image, JPEG_QUALITY), 0, 0, width, height);
                }
            }
            // A fixed file identifier: PDFBox would otherwise derive one from the clock.
            COSArray id = new COSArray();
            COSString fixed = new COSString(target.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            id.add(fixed);
            id.add(fixed);
            pdf.getDocument().getTrailer().setItem(COSName.ID, id);
            pdf.save(target.toFile());
        }
    }
}
