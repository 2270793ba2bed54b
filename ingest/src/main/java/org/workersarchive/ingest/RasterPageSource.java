package org.workersarchive.ingest;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
 * a time. Each frame's size is read from its header and checked before its pixels are decoded
 * (see {@link PixelLimits}), so a header that declares enormous dimensions cannot exhaust memory;
 * a TIFF's pages are counted and its compression checked first too (see {@link TiffDirectories}).
 * A file that cannot be decoded is refused as "damaged JPEG|PNG|TIFF: …"; a failure to write a
 * page image is no fault of the input and is thrown as it is.
 */
final class RasterPageSource {

    private final IngestConfig config;

    RasterPageSource(IngestConfig config) {
        this.config = config;
    }

    /** The pages (every frame of a TIFF), numbered in the document from {@code firstNumber}. */
    List<Page> pages(Path file, String mediaType, int firstNumber, PageImageWriter writer) throws IOException {
        String format = formatName(mediaType);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = readerFor(in, mediaType);
            try {
                // Before the reader reads: the PNG reader lets go of the bytes behind it as it goes.
                int pngDpi = format.equals("PNG") ? pngDpi(in) : 0;
                JpegHeader jpeg = format.equals("JPEG") ? jpegHeader(file) : null;
                if (format.equals("PNG")) {
                    requireStill(in);
                }
                int frames = frameCount(in, reader, format);
                List<Page> pages = new ArrayList<>();
                for (int frame = 0; frame < frames; frame++) {
                    int number = firstNumber + frame;
                    BufferedImage image = decode(reader, frame, format, jpeg);
                    int dpi = format.equals("PNG") ? pngDpi : statedDpi(reader, frame);
                    if (dpi == 0 && jpeg != null) {
                        dpi = plausibleDpi(jpeg.jfifDpi()); // the JDK's metadata refuses EXIF before JFIF
                    }
                    pages.add(Page.unread(number, format.equals("PNG")
                            ? writer.writeFromPng(number, image, dpi, file) : writer.write(number, image, dpi)));
                }
                return pages;
            } finally {
                reader.dispose();
            }
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
        // The JDK's own reader, whatever else is on the class path: jai-imageio (here for PDFBox's JPEG
        // 2000 images) registers a TIFF reader of its own, which reads and fails otherwise.
        ImageReader chosen = readers.next();
        while (!isTheJdks(chosen) && readers.hasNext()) {
            ImageReader next = readers.next();
            if (isTheJdks(next)) {
                chosen.dispose();
                chosen = next;
            }
        }
        return chosen;
    }

    private static boolean isTheJdks(ImageReader reader) {
        return reader.getClass().getName().startsWith("com.sun.imageio.");
    }

    /** Sets the reader's input and counts the frames, refusing more than the page limit. */
    private int frameCount(ImageInputStream in, ImageReader reader, String format) {
        try {
            int frames = format.equals("TIFF") ? TiffDirectories.countPages(in, config.maxPages()) : 0;
            // The PNG reader's metadata is ignored: it would inflate every text chunk (see PngResolution).
            reader.setInput(in, false, format.equals("PNG"));
            if (!format.equals("TIFF")) {
                frames = reader.getNumImages(true);
            }
            if (frames < 1) {
                throw new RejectedInputException("damaged " + format + ": it holds no image");
            }
            if (frames > config.maxPages()) {
                throw new RejectedInputException("too many pages: " + frames + " (limit " + config.maxPages() + ")");
            }
            return frames;
        } catch (IOException | RuntimeException e) {
            throw asRejection(e, format);
        }
    }

    /** The frame's pixels, once its declared size (and a TIFF's compression) passed the checks. */
    private static BufferedImage decode(ImageReader reader, int frame, String format, JpegHeader jpeg) {
        try {
            PixelLimits.requireReadable(reader.getWidth(frame), reader.getHeight(frame));
            return switch (format) {
                case "TIFF" -> {
                    TiffDirectories.requireDecodableCompression(reader.getImageMetadata(frame));
                    yield reader.read(frame);
                }
                case "JPEG" -> JpegDecoding.decode(reader, frame, jpeg);
                default -> reader.read(frame);
            };
        } catch (IOException | RuntimeException e) {
            throw asRejection(e, format);
        }
    }

    /**
     * A rejection as it is; any other failure of a reader (the JDK's decoders throw anything from
     * IIOException to NullPointerException on hostile data) as "damaged FORMAT: …", with the cause.
     */
    private static RejectedInputException asRejection(Exception e, String format) {
        if (e instanceof RejectedInputException rejection) {
            return rejection;
        }
        String detail = e instanceof IOException ? describe(e) : "its data cannot be decoded";
        return new RejectedInputException("damaged " + format + ": " + detail, e);
    }

    /**
     * Refuses an animated PNG: the JDK's reader would read its first frame alone and drop the
     * others without a word.
     */
    private static void requireStill(ImageInputStream in) {
        long frames;
        try {
            frames = PngResolution.frames(in);
        } catch (IOException | RuntimeException unreadable) {
            return; // a PNG whose chunks cannot be walked fails as damaged when it is decoded
        }
        if (frames > 1) {
            throw new RejectedInputException("animated PNG (APNG) of " + frames + " frames: only its first frame "
                    + "would be read; save each frame as a PNG of its own, a page each");
        }
    }

    /** The resolution a PNG states, or 0 when it states none we can read. */
    private static int pngDpi(ImageInputStream in) {
        try {
            return PngResolution.dpi(in);
        } catch (IOException | RuntimeException unreadable) {
            // A resolution we cannot read is an unknown one; OCR then assumes its default.
            return 0;
        }
    }

    /** The resolution a TIFF or JPEG frame states in the standard metadata, or 0 when it states none we can read. */
    private static int statedDpi(ImageReader reader, int frame) {
        try {
            return standardMetadataDpi(reader, frame);
        } catch (IOException | RuntimeException unreadable) {
            return 0; // as for a PNG
        }
    }

    /** The resolution in the standard metadata (millimetres per pixel), or 0. */
    private static int standardMetadataDpi(ImageReader reader, int frame) throws IOException {
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
        return plausibleDpi((int) Math.round(25.4 / millimetresPerPixel));
    }

    /** The resolution when a scan may have been made at it, else 0 (unknown). */
    private static int plausibleDpi(int dpi) {
        return dpi >= 50 && dpi <= 2400 ? dpi : 0;
    }

    /** A JPEG's header, read apart from the reader's stream; an unreadable one is damage. */
    private static JpegHeader jpegHeader(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return JpegHeader.read(in);
        } catch (IOException e) {
            throw new RejectedInputException("damaged JPEG: " + describe(e), e);
        }
    }

    /** How a reason names the format: "TIFF", "JPEG", "PNG". */
    private static String formatName(String mediaType) {
        return switch (mediaType) {
            case "image/tiff" -> "TIFF";
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            default -> mediaType;
        };
    }

    /** An exception's message, or what it means when it has none. */
    static String describe(Exception e) {
        if (e instanceof EOFException) {
            return "the file ends too soon";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
