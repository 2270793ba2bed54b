package org.workersarchive.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.util.Version;
import org.apache.tika.Tika;
import org.workersarchive.core.Document;
import org.workersarchive.core.Ids;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.SourceFile;

/**
 * The ingest stage: from one input file to a document whose pages have images (and, for PDF
 * pages with a real text layer, text), not yet read by OCR. The input is only read: never moved,
 * changed or locked. Thread-safe: each call works on its own files.
 */
public final class Ingestor {

    private final IngestConfig config;
    private final MediaTypeDetector detector = new MediaTypeDetector();
    private final PdfPageSource pdfPages;
    private final RasterPageSource rasterPages;

    public Ingestor(IngestConfig config) {
        this.config = config;
        this.pdfPages = new PdfPageSource(config);
        this.rasterPages = new RasterPageSource(config);
    }

    /**
     * Works out what the file is, from its bytes.
     *
     * @throws RejectedInputException when it is not a readable, non-empty regular file
     */
    public ScanIdentity identify(Path input) {
        try {
            if (!Files.isRegularFile(input)) {
                throw new RejectedInputException("not a regular file");
            }
            long size = Files.size(input);
            if (size == 0) {
                throw new RejectedInputException("empty file");
            }
            return new ScanIdentity(Fixity.sha256(input), detector.detect(input), size);
        } catch (IOException e) {
            throw new RejectedInputException("cannot read the file: " + RasterPageSource.describe(e), e);
        }
    }

    /**
     * Makes the document of one input file; see {@link #ingest(Path, ScanIdentity, Path)}.
     */
    public Document ingest(Path input, Path pagesDir) {
        return ingest(input, identify(input), pagesDir);
    }

    /**
     * Makes the document of one input file.
     *
     * @param input    a scan (PDF, TIFF, JPEG or PNG, told by its bytes)
     * @param identity what {@link #identify} found the file to be
     * @param pagesDir where the page images are written, as p0001.png …; created when missing;
     *                 the caller owns it and the images in it
     * @throws RejectedInputException when the file cannot become a document, with the reason
     */
    public Document ingest(Path input, ScanIdentity identity, Path pagesDir) {
        Instant started = Instant.now();
        try {
            String fileName = input.getFileName().toString();
            Map<String, String> metadata = new HashMap<>();
            metadata.put("fileName", fileName);
            List<Page> pages = pages(input, identity.mediaType(), new PageImageWriter(pagesDir), metadata);
            SourceFile source = new SourceFile(input, fileName, identity.sha256(), identity.mediaType(),
                    identity.size(), metadata);
            ProcessingStep step = new ProcessingStep("ingest", "Apache Tika + Apache PDFBox", versions(),
                    Map.of("mediaType", identity.mediaType(), "pages", String.valueOf(pages.size()),
                            "renderDpi", String.valueOf(config.renderDpi())),
                    Duration.between(started, Instant.now()));
            return Document.ofPages(Ids.documentId(fileName, identity.sha256()), source, pages, step);
        } catch (IOException e) {
            throw new RejectedInputException("cannot read the file: " + RasterPageSource.describe(e), e);
        }
    }

    private List<Page> pages(Path input, String mediaType, PageImageWriter writer, Map<String, String> metadata)
            throws IOException {
        return switch (mediaType) {
            case "application/pdf" -> pdfPages.pages(input, writer, metadata);
            case "image/tiff", "image/jpeg", "image/png" -> rasterPages.pages(input, mediaType, writer);
            default -> throw new RejectedInputException("unsupported type " + mediaType);
        };
    }

    private static String versions() {
        return "Tika " + Tika.class.getPackage().getImplementationVersion() + ", PDFBox " + Version.getVersion();
    }
}
