package org.workersarchive.ingest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.workersarchive.core.Block;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.TextOrigin;

/**
 * Pages of a PDF: each rendered in gray at the configured resolution, one at a time; a page with
 * a real text layer keeps that text (with its positions) instead of being read by OCR. PDFBox
 * buffers the file in temporary files, not in memory, so long PDFs do not fill the heap.
 */
final class PdfPageSource {

    private final IngestConfig config;

    PdfPageSource(IngestConfig config) {
        this.config = config;
    }

    /**
     * The pages, numbered in the document from {@code firstNumber}, and the PDF's descriptive
     * metadata added to {@code metadata}.
     */
    List<Page> pages(Path file, int firstNumber, PageImageWriter writer, Map<String, String> metadata)
            throws IOException {
        try (PDDocument pdf = open(file)) {
            int count = pdf.getNumberOfPages();
            if (count == 0) {
                throw new RejectedInputException("PDF has no pages");
            }
            if (count > config.maxPages()) {
                throw new RejectedInputException("too many pages: " + count + " (limit " + config.maxPages() + ")");
            }
            metadata.putAll(describe(pdf.getDocumentInformation()));
            PDFRenderer renderer = new PDFRenderer(pdf);
            PdfTextLayerReader textLayer = new PdfTextLayerReader();
            List<Page> pages = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                pages.add(page(pdf, renderer, textLayer, index, firstNumber + index, writer));
            }
            return pages;
        }
    }

    private Page page(PDDocument pdf, PDFRenderer renderer, PdfTextLayerReader textLayer, int index, int number,
                      PageImageWriter writer) throws IOException {
        BufferedImage rendered;
        try {
            rendered = renderer.renderImageWithDPI(index, config.renderDpi(), ImageType.GRAY);
        } catch (IOException | RuntimeException e) {
            throw new RejectedInputException("damaged PDF: page " + (index + 1) + " cannot be rendered: "
                    + RasterPageSource.describe(e), e);
        }
        PageImage image = writer.write(number, rendered, config.renderDpi());
        List<Block> text = textLayer.read(pdf, index + 1, number, image, config.renderDpi());
        Page page = Page.unread(number, image);
        return text.isEmpty() ? page : page.withText(TextOrigin.TEXT_LAYER, List.of(), text);
    }

    private static PDDocument open(Path file) {
        try {
            // An empty user password opens PDFs restricted only by an owner password.
            return Loader.loadPDF(file.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw new RejectedInputException("encrypted PDF: a password is needed to open it", e);
        } catch (IOException e) {
            throw new RejectedInputException("damaged PDF: " + RasterPageSource.describe(e), e);
        }
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
            fields.put(key, value.strip());
        }
    }
}
