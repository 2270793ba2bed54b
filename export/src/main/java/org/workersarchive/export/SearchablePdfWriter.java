package org.workersarchive.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.workersarchive.core.Document;
import org.workersarchive.core.Page;

/**
 * Writes a document as a searchable PDF/A-2B, the kind OCRmyPDF makes: a PDF page per page, of
 * the image's physical size (pixels × 72 / dpi, 300 dpi when unknown), the page image drawn over
 * all of it, and over the image the recognised words as invisible text, each at its box (see
 * {@link PdfTextLayer}); XMP metadata, an sRGB output intent and the language make it PDF/A
 * ({@link PdfAConformance}). The text is set in a Unicode TrueType font, by default DejaVu Sans,
 * of which only the glyphs used are embedded. Thread-safe: each call loads its own copy of the
 * font.
 */
public final class SearchablePdfWriter {

    /** DejaVu Sans as Debian installs it (fonts-dejavu-core): Latin, Greek and Cyrillic, «», ß. */
    public static final Path DEFAULT_FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    static final String PRODUCER = "archive pipeline";
    /** Page images past this are kept in temporary files while the PDF is made, not in memory. */
    private static final long IMAGES_IN_MEMORY = 64L << 20;

    private final Path font;

    /** A writer that sets the text in {@link #DEFAULT_FONT}. */
    public SearchablePdfWriter() {
        this(DEFAULT_FONT);
    }

    /**
     * @param font a TrueType font file that covers the scripts of the text
     * @throws IllegalArgumentException when the font file is missing or unreadable; the message names it
     */
    public SearchablePdfWriter(Path font) {
        Objects.requireNonNull(font, "font");
        if (!Files.isRegularFile(font) || !Files.isReadable(font)) {
            throw new IllegalArgumentException("the font for the PDF text layer is missing or unreadable: " + font
                    + (font.equals(DEFAULT_FONT) ? " (Debian package fonts-dejavu-core)" : ""));
        }
        this.font = font;
    }

    /**
     * Writes the PDF. The stream is written to but not closed. Characters the font cannot show
     * never fail the write: control characters and invisible format characters are left out of
     * the text layer, any other becomes U+FFFD.
     *
     * @throws IOException when a page image or the font cannot be read (the message names the
     *                     file), or the stream cannot be written
     */
    public void write(Document document, OutputStream out) throws IOException {
        write(document, Path.of(""), out);
    }

    /**
     * As {@link #write(Document, OutputStream)}, for pages whose image paths are relative to a
     * folder (a document folder's {@code pages/p0001.png}).
     */
    public void write(Document document, Path imagesRelativeTo, OutputStream out) throws IOException {
        try (PDDocument pdf = new PDDocument(MemoryUsageSetting.setupMixed(IMAGES_IN_MEMORY).streamCache)) {
            PdfTextLayer text = new PdfTextLayer(loadFont(pdf));
            for (Page page : document.pages()) {
                addPage(pdf, page, imagesRelativeTo.resolve(page.image().path()), text);
            }
            PdfAConformance.apply(pdf, document);
            // PDFBox buffers a file it opens itself, not a stream it is given: unbuffered, each of its
            // tokens would be a write of its own.
            BufferedOutputStream buffered = new BufferedOutputStream(new UnclosedStream(out), 1 << 16);
            pdf.save(buffered);
            buffered.flush();
        }
    }

    /** The PDF's title: the TEI's, so that both name the publication alike. */
    static String title(Document document) {
        return TeiHeaderWriter.fileTitle(document);
    }

    private static void addPage(PDDocument pdf, Page page, Path image, PdfTextLayer text) throws IOException {
        PdfPageGeometry geometry = PdfPageGeometry.of(page.image());
        PDPage pdfPage = new PDPage(new PDRectangle(geometry.width(), geometry.height()));
        pdf.addPage(pdfPage);
        PDImageXObject picture = loadImage(pdf, page.number(), image);
        try (PDPageContentStream content = new PDPageContentStream(pdf, pdfPage)) {
            content.drawImage(picture, 0, 0, geometry.width(), geometry.height());
            text.write(content, page, geometry);
        }
    }

    private static PDImageXObject loadImage(PDDocument pdf, int pageNumber, Path path) throws IOException {
        try {
            // Compressed data as it is wherever it can be: decoding a page and compressing it again is
            // the costliest step of the pipeline outside Tesseract. A gray PNG as GrayPngImage embeds
            // it; from bytes (not from the file) PDFBox embeds a JPEG as it is, a colour PNG's data as
            // it is, and anything else recompressed losslessly.
            byte[] bytes = Files.readAllBytes(path);
            Optional<PDImageXObject> gray = GrayPngImage.embed(pdf, bytes);
            return gray.isPresent() ? gray.get()
                    : PDImageXObject.createFromByteArray(pdf, bytes, path.getFileName().toString());
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("cannot read the image of page " + pageNumber + ", " + path + ": " + e.getMessage(), e);
        }
    }

    private PDType0Font loadFont(PDDocument pdf) throws IOException {
        try {
            return PDType0Font.load(pdf, font.toFile());
        } catch (IOException e) {
            throw new IOException("cannot load the font for the PDF text layer, " + font + ": " + e.getMessage(), e);
        }
    }

    /** Passes everything on to the caller's stream but never closes it, which PDFBox's save would. */
    private static final class UnclosedStream extends FilterOutputStream {

        UnclosedStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
