package org.workersarchive.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.EmptyGraphicsStackException;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * PDFBox's renderer, made to say when a page could not be drawn whole. PDFBox itself only logs an
 * image it cannot decode (JPEG 2000 without a decoder, a broken JBIG2 stream) or a resource the
 * page lacks, and goes on: the page comes out blank where the image was, and would be read as a
 * page without text. Here every such failure stops the page with the reason
 * ({@code page 3: JPEG 2000 image cannot be decoded: …}); an embedded image larger than the pixel
 * limits is refused before it is decoded; and the page's {@link PageDeadline} is checked between
 * operators. Not thread-safe: one per document, one page at a time.
 */
final class CheckedPdfRenderer extends PDFRenderer {

    /** What a reason calls an image by its filter. */
    private static final Map<COSName, String> IMAGE_KINDS = Map.of(COSName.JPX_DECODE, "JPEG 2000",
            COSName.JBIG2_DECODE, "JBIG2", COSName.DCT_DECODE, "JPEG", COSName.CCITTFAX_DECODE, "CCITT fax",
            COSName.FLATE_DECODE, "Flate-compressed", COSName.LZW_DECODE, "LZW-compressed",
            COSName.RUN_LENGTH_DECODE, "run-length");

    private PageDeadline deadline;
    private int pdfPage;

    CheckedPdfRenderer(PDDocument document) {
        super(document);
    }

    /**
     * Sets the page about to be rendered and its deadline.
     *
     * @param pdfPageNumber 1-based, for reasons
     */
    void beginPage(int pdfPageNumber, PageDeadline pageDeadline) {
        this.pdfPage = pdfPageNumber;
        this.deadline = pageDeadline;
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        return new CheckedPageDrawer(parameters, pdfPage, deadline);
    }

    /** The drawer of one page: fails on what PDFBox would only log. */
    private static final class CheckedPageDrawer extends PageDrawer {

        private final int pdfPage;
        private final PageDeadline deadline;

        CheckedPageDrawer(PageDrawerParameters parameters, int pdfPage, PageDeadline deadline) throws IOException {
            super(parameters);
            this.pdfPage = pdfPage;
            this.deadline = deadline;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            deadline.check();
            super.processOperator(operator, operands);
        }

        @Override
        protected void operatorException(Operator operator, List<COSBase> operands, IOException e) throws IOException {
            if (e instanceof PdfPageFailure) {
                throw e; // the first failure, from a form or pattern drawn inside this one
            }
            if (e instanceof EmptyGraphicsStackException) {
                super.operatorException(operator, operands, e); // a stray Q: nothing of the page is lost
                return;
            }
            throw new PdfPageFailure("page " + pdfPage + ": its drawing cannot be done whole (operator "
                    + operator.getName() + "): " + RasterPageSource.describe(e), false, e);
        }

        @Override
        public void drawImage(PDImage image) throws IOException {
            long width = image.getWidth();
            long height = image.getHeight();
            String kind = kindOf(image);
            if (!PixelLimits.withinUpperLimits(width, height)) {
                throw new PdfPageFailure("page " + pdfPage + ": embedded " + kind + " image too large: " + width + "x"
                        + height + " pixels (limit " + IngestConfig.MAX_PIXELS / 1_000_000 + " megapixels, "
                        + IngestConfig.MAX_SIDE + " pixels a side)", false, null);
            }
            try {
                super.drawImage(image);
            } catch (PdfPageFailure e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                // Decoders throw anything from IIOException to ArrayIndexOutOfBoundsException on data they cannot read.
                throw new PdfPageFailure("page " + pdfPage + ": " + kind + " image cannot be decoded: "
                        + RasterPageSource.describe(e), false, e);
            }
        }

        /** "JPEG 2000", "JBIG2", … from the image's last filter; "an" image when it has none we name. */
        private static String kindOf(PDImage image) {
            if (image instanceof PDImageXObject xObject) {
                List<COSName> filters = xObject.getStream().getFilters();
                if (!filters.isEmpty()) {
                    return IMAGE_KINDS.getOrDefault(filters.get(filters.size() - 1), filters.get(filters.size() - 1).getName());
                }
                return "uncompressed";
            }
            return "inline";
        }
    }
}
