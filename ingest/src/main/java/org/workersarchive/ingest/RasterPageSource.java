package org.workersarchive.ingest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NodeList;
import org.workersarchive.core.Page;
import org.workersarchive.core.RejectedInputException;

/**
 * Pages of TIFF (every frame), JPEG and PNG files, read with the JDK's image readers one frame at
 * a time. Each frame's size is read from its header and checked before its pixels are decoded, so
 * a header that declares enormous dimensions cannot exhaust memory.
 */
final class RasterPageSource {

    private final IngestConfig config;

    RasterPageSource(IngestConfig config) {
        this.config = config;
    }

    /** The pages (every frame of a TIFF), numbered in the document from {@code firstNumber}. */
    List<Page> pages(Path file, String mediaType, int firstNumber, PageImageWriter writer) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(in, mediaType);
            try {
                reader.setInput(in, false, false);
                int frames = reader.getNumImages(true);
                if (frames < 1) {
                    throw new RejectedInputException("image has no frames");
                }
                if (frames > config.maxPages()) {
                    throw new RejectedInputException("too many pages: " + frames + " (limit " + config.maxPages() + ")");
                }
                List<Page> pages = new ArrayList<>();
                for (int frame = 0; frame < frames; frame++) {
                    int number = firstNumber + frame;
                    pages.add(Page.unread(number, writer.write(number, decode(reader, frame), dpi(reader, frame))));
                }
                return pages;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedInputException rejected) {
                throw rejected;
            }
            throw new RejectedInputException("damaged image: " + describe(e), e);
        }
    }

    private static ImageReader readerFor(ImageInputStream in, String mediaType) {
        if (in == null) {
            throw new RejectedInputException("the image cannot be opened");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
        if (!readers.hasNext()) {
            throw new RejectedInputException("unsupported type " + mediaType);
        }
        return readers.next();
    }

    private BufferedImage decode(ImageReader reader, int frame) throws IOException {
        long width = reader.getWidth(frame);
        long height = reader.getHeight(frame);
        if (width * height > IngestConfig.MAX_PIXELS) {
            throw new RejectedInputException("image too large: " + width + "x" + height + " pixels (limit "
                    + IngestConfig.MAX_PIXELS / 1_000_000 + " megapixels)");
        }
        return reader.read(frame);
    }

    /** The resolution the image states (standard metadata, millimetres per pixel), or 0. */
    private static int dpi(ImageReader reader, int frame) {
        try {
            IIOMetadata metadata = reader.getImageMetadata(frame);
            if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
                return 0;
            }
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
            NodeList sizes = root.getElementsByTagName("HorizontalPixelSize");
            if (sizes.getLength() == 0) {
                return 0;
            }
            double millimetresPerPixel = Double.parseDouble(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
            int dpi = (int) Math.round(25.4 / millimetresPerPixel);
            return dpi >= 50 && dpi <= 2400 ? dpi : 0;
        } catch (IOException | RuntimeException unreadable) {
            // A resolution we cannot read is an unknown one; OCR then assumes its default.
            return 0;
        }
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
