package org.workersarchive.ingest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.workersarchive.core.Block;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.TextOrigin;

/**
 * Pages of a PDF: each rendered in gray at the configured resolution, one at a time; a page with
 * a real text layer keeps that text (with its positions) instead of being read by OCR. PDFBox
 * buffers the file in temporary files, not in memory, so long PDFs do not fill the heap; the page
 * count is checked before any page is rendered, and each page's size before it is rendered.
 */
final class PdfPageSource {

    /** The lowest resolution a page too large for the configured one is rendered at: the configuration's lowest. */
    static final int MIN_RENDER_DPI = 72;
    /** Longer than this, a title or an author is not one: it is cut, so a hostile file cannot fill the TEI header. */
    static final int MAX_METADATA_LENGTH = 1000;
    private static final double CENTIMETRES_PER_POINT = 2.54 / 72;
    private static final int END_MARKER_WINDOW = 1024;

    private final IngestConfig config;

    PdfPageSource(IngestConfig config) {
        this.config = config;
    }

    /**
     * The pages, numbered in the document from {@code firstNumber}, and the PDF's descriptive
     * metadata added to {@code metadata}.
     *
     * @param overLimit where each page whose text layer was over the limit, and so left to OCR, is put:
     *                  its number in the document, and the characters its layer held
     */
    List<Page> pages(Path file, int firstNumber, PageImageWriter writer, Map<String, String> metadata,
                     Map<Integer, Integer> overLimit) throws IOException {
        try (PDDocument pdf = open(file)) {
            int count = pdf.getNumberOfPages();
            if (count == 0) {
                throw new RejectedInputException("PDF has no pages");
            }
            if (count > config.maxPages()) {
                throw new RejectedInputException("too many pages: " + count + " (limit " + config.maxPages() + ")");
            }
            metadata.putAll(describe(pdf.getDocumentInformation()));
            CheckedPdfRenderer renderer = new CheckedPdfRenderer(pdf);
            PdfTextLayerReader textLayer = new PdfTextLayerReader(config.maxTextLayerCharacters());
            List<Page> pages = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                pages.add(page(pdf, renderer, textLayer, index, firstNumber + index, writer));
                if (textLayer.charactersOverLimit() > 0) {
                    overLimit.put(firstNumber + index, textLayer.charactersOverLimit());
                }
            }
            return pages;
        }
    }

    private Page page(PDDocument pdf, CheckedPdfRenderer renderer, PdfTextLayerReader textLayer, int index, int number,
                      PageImageWriter writer) {
        int dpi = renderDpi(pageAt(pdf, index), index + 1);
        BufferedImage rendered;
        try {
            renderer.beginPage(index + 1, new PageDeadline(config.pageTimeout(), index + 1, "rendering"));
            rendered = renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
        } catch (PdfPageFailure e) {
            throw new RejectedInputException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw damaged("page " + (index + 1) + " cannot be rendered", e);
        }
        PageImage image = writer.write(number, rendered, dpi);
        List<Block> text;
        try {
            textLayer.beginPage(new PageDeadline(config.pageTimeout(), index + 1, "reading the text layer of"));
            text = textLayer.read(pdf, index + 1, number, image, dpi);
        } catch (PdfPageFailure e) {
            throw new RejectedInputException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw damaged("the text of page " + (index + 1) + " cannot be read", e);
        }
        Page page = Page.unread(number, image);
        // An invisible layer is an earlier OCR's: checked against a reading of the image before it is kept.
        return text.isEmpty() ? page : page.withText(textLayer.wasInvisible() ? TextOrigin.INVISIBLE_TEXT_LAYER
                : TextOrigin.TEXT_LAYER, List.of(), text);
    }

    /** The page at a 0-based index; a page tree that does not hold it (a lying page count) is damage. */
    private static PDPage pageAt(PDDocument pdf, int index) {
        try {
            return pdf.getPage(index);
        } catch (RuntimeException e) {
            throw damaged("page " + (index + 1) + " is missing from its page tree", e);
        }
    }

    /**
     * The resolution a page is rendered at: the configured one, or, for a page too large for it
     * (a poster, a map, or a hostile MediaBox), the highest at which its image keeps within
     * {@link PixelLimits}, down to {@link #MIN_RENDER_DPI}; a page too large even there is refused.
     * Without this PDFBox allocates whatever the page's box asks for: 200000 pt square at 300 dpi
     * would be 690 gigapixels. A page too small to hold a line of text is refused too.
     *
     * @param pdfPageNumber 1-based, for the reason
     */
    private int renderDpi(PDPage page, int pdfPageNumber) {
        PDRectangle box = page.getCropBox(); // what PDFRenderer renders
        float width = box.getWidth();
        float height = box.getHeight();
        int dpi = config.renderDpi();
        if (pixels(width, dpi) < IngestConfig.MIN_SIDE || pixels(height, dpi) < IngestConfig.MIN_SIDE) {
            throw new RejectedInputException("PDF page too small to hold text: page " + pdfPageNumber + " measures "
                    + measures(width, height) + ", " + pixels(width, dpi) + "x" + pixels(height, dpi) + " pixels at "
                    + dpi + " dpi (at least " + IngestConfig.MIN_SIDE + " pixels each way)");
        }
        while (!PixelLimits.withinUpperLimits(pixels(width, dpi), pixels(height, dpi))) {
            if (--dpi < MIN_RENDER_DPI) {
                throw new RejectedInputException("PDF page too large: page " + pdfPageNumber + " measures "
                        + measures(width, height) + ", too large to render for reading even at " + MIN_RENDER_DPI
                        + " dpi (limit " + IngestConfig.MAX_PIXELS / 1_000_000 + " megapixels, "
                        + IngestConfig.MAX_SIDE + " pixels a side)");
            }
        }
        return dpi;
    }

    /** Pixels across a length in points at a resolution, counted as PDFRenderer counts them. */
    private static long pixels(float points, int dpi) {
        return (long) Math.max(Math.floor(points * (dpi / 72f)), 1);
    }

    private static String measures(float width, float height) {
        return String.format(Locale.ROOT, "%.1f x %.1f cm (%.0f x %.0f pt)", width * CENTIMETRES_PER_POINT,
                height * CENTIMETRES_PER_POINT, width, height);
    }

    private static PDDocument open(Path file) {
        requireEndMarker(file);
        try {
            // An empty user password opens PDFs restricted only by an owner password.
            return Loader.loadPDF(file.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw new RejectedInputException("encrypted PDF: a password is needed to open it", e);
        } catch (IOException e) {
            throw new RejectedInputException("damaged PDF: " + RasterPageSource.describe(e), e);
        }
    }

    /**
     * Refuses a PDF cut short: one without the end marker %%EOF in its last kilobyte, where
     * Acrobat looks for it. PDFBox's lenient parser would otherwise make what it can of the part
     * that arrived (every page object, say, but not all the text drawn on them), and the pages
     * would be read with no word of what is missing.
     */
    private static void requireEndMarker(Path file) {
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(in.size(), END_MARKER_WINDOW));
            in.position(in.size() - tail.capacity());
            while (tail.hasRemaining() && in.read(tail) >= 0) {
                // reads until the buffer is full or the file ends
            }
            if (!new String(tail.array(), 0, tail.position(), StandardCharsets.ISO_8859_1).contains("%%EOF")) {
                throw new RejectedInputException("damaged PDF: the file is cut short (its end marker %%EOF is missing)");
            }
        } catch (IOException e) {
            throw new RejectedInputException("cannot read the file: " + RasterPageSource.describe(e), e);
        }
    }

    private static RejectedInputException damaged(String what, Exception e) {
        return new RejectedInputException("damaged PDF: " + what + ": " + RasterPageSource.describe(e), e);
    }

    private static Map<String, String> describe(PDDocumentInformation info) {
        Map<String, String> fields = new HashMap<>();
        putIfPresent(fields, "title", info.getTitle());
        putIfPresent(fields, "author", info.getAuthor());
        putIfPresent(fields, "subject", info.getSubject());
        Calendar created = info.getCreationDate();
        if (created != null) {
            fields.put("creationDate", created.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        return fields;
    }

    private static void putIfPresent(Map<String, String> fields, String key, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(key, bounded(value.strip()));
        }
    }

    /** At most {@link #MAX_METADATA_LENGTH} characters, never cutting a surrogate pair in two. */
    static String bounded(String value) {
        if (value.length() <= MAX_METADATA_LENGTH) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(MAX_METADATA_LENGTH - 1))
                ? MAX_METADATA_LENGTH - 1 : MAX_METADATA_LENGTH;
        return value.substring(0, end) + "…";
    }
}
