package org.workersarchive.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.pdfbox.util.Version;
import org.apache.tika.Tika;
import org.workersarchive.core.Fixity;
import org.workersarchive.core.Document;
import org.workersarchive.core.Ids;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.SourceDescription;
import org.workersarchive.core.SourceFile;

/**
 * The ingest stage: from one input file, or a set of files that make one publication, to a document whose pages have images (and, for PDF
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
        } catch (java.nio.file.AccessDeniedException e) {
            throw new RejectedInputException("cannot read: permission denied", e);
        } catch (IOException e) {
            throw new RejectedInputException("cannot read the file: " + RasterPageSource.describe(e), e);
        }
    }

    /**
     * Works out what each file of a set is, in the set's order.
     *
     * @throws RejectedInputException for the first file that cannot be read, naming it when the set has several
     */
    public List<ScanIdentity> identify(ScanSet set) {
        List<ScanIdentity> identities = new ArrayList<>();
        for (Path file : set.files()) {
            try {
                identities.add(identify(file));
            } catch (RejectedInputException e) {
                throw inFile(set, file, e);
            }
        }
        return identities;
    }

    /**
     * Makes the document of one input file alone; see {@link #ingest(ScanSet, List, Path)}.
     */
    public Document ingest(Path input, Path pagesDir) {
        return ingest(ScanSet.of(input), List.of(identify(input)), pagesDir);
    }

    /**
     * Makes the document of a set of scan files: their pages in order, described by the set's
     * sidecar or, failing that, its name.
     *
     * @param set        the files, read and never changed
     * @param identities what {@link #identify} found each file to be, in the same order
     * @param pagesDir   where the page images are written, as p0001.png …; created when missing;
     *                   the caller owns it and the images in it. When the set fails, the images
     *                   written for it are deleted again (and the folder, when this call made it)
     * @throws RejectedInputException when the files cannot become a document, with the reason (and, for
     *                                a set of several files, the name of the file it concerns)
     * @throws UncheckedIOException   when a page image cannot be written (the disk's fault, not the input's)
     */
    public Document ingest(ScanSet set, List<ScanIdentity> identities, Path pagesDir) {
        if (identities.size() != set.files().size()) {
            throw new IllegalArgumentException("one identity per file of " + set.name());
        }
        Instant started = Instant.now();
        // The sidecar first: when it is refused (a files entry such as ../../etc/passwd), that is the reason.
        SourceDescription description = describe(set);
        if (!set.missing().isEmpty()) {
            throw new RejectedInputException("sidecar " + set.sidecar().getFileName() + " lists "
                    + String.join(", ", set.missing()) + ", not found beside it");
        }
        PageImageWriter writer = pageImageWriter(pagesDir);
        List<Page> pages = new ArrayList<>();
        List<SourceFile> sources = new ArrayList<>();
        Map<Integer, Integer> overLimit = new TreeMap<>();
        try {
            for (int i = 0; i < set.files().size(); i++) {
                Path input = set.files().get(i);
                ScanIdentity identity = identities.get(i);
                Map<String, String> metadata = new HashMap<>();
                List<Page> filePages = pagesOf(set, input, identity, pages.size() + 1, writer, metadata, overLimit);
                pages.addAll(filePages);
                sources.add(new SourceFile(input, input.getFileName().toString(), identity.sha256(),
                        identity.mediaType(), identity.size(), filePages.size(), metadata));
            }
        } catch (RuntimeException e) {
            writer.discard(e);
            throw e;
        }
        Map<String, String> details = new HashMap<>(Map.of("mediaType", identities.stream()
                        .map(ScanIdentity::mediaType).distinct().collect(Collectors.joining(", ")),
                "files", String.valueOf(set.files().size()), "pages", String.valueOf(pages.size()),
                "renderDpi", String.valueOf(config.renderDpi()), "description", description.origin().name()));
        if (!overLimit.isEmpty()) {
            details.put(IngestConfig.TEXT_LAYERS_OVER_LIMIT, overLimit.entrySet().stream()
                    .map(page -> page.getKey() + "=" + page.getValue()).collect(Collectors.joining(",")));
            details.put(IngestConfig.MAX_TEXT_LAYER_DETAIL, String.valueOf(config.maxTextLayerCharacters()));
        }
        ProcessingStep step = new ProcessingStep("ingest", "Apache Tika + Apache PDFBox", versions(), details,
                Duration.between(started, Instant.now()));
        return Document.ofPages(Ids.documentId(set.name(), checksum(identities)), description, sources, pages, step);
    }

    /**
     * The checksum of a set: the file's own for a single file, so that a document's identity does
     * not change when it is the only file of its set; else that of the files' checksums in order.
     */
    public static String checksum(List<ScanIdentity> identities) {
        if (identities.size() == 1) {
            return identities.get(0).sha256();
        }
        return Fixity.sha256(identities.stream().map(ScanIdentity::sha256).collect(Collectors.joining("\n")));
    }

    /** The sidecar's description, completed from the file name for what the sidecar leaves out. */
    static SourceDescription describe(ScanSet set) {
        Optional<SourceDescription> fromName = FileNameDescription.of(set.name());
        if (set.sidecar() == null) {
            return fromName.orElse(SourceDescription.NONE);
        }
        SourceDescription sidecar = SidecarReader.read(set.sidecar());
        return fromName.map(sidecar::completedBy).orElse(sidecar);
    }

    private List<Page> pagesOf(ScanSet set, Path input, ScanIdentity identity, int firstNumber, PageImageWriter writer,
                               Map<String, String> metadata, Map<Integer, Integer> overLimit) {
        try {
            return switch (identity.mediaType()) {
                case "application/pdf" -> pdfPages.pages(input, firstNumber, writer, metadata, overLimit);
                case "image/tiff", "image/jpeg", "image/png" ->
                        rasterPages.pages(input, identity.mediaType(), firstNumber, writer);
                default -> throw new RejectedInputException("unsupported type " + identity.mediaType());
            };
        } catch (IOException e) {
            throw inFile(set, input, new RejectedInputException("cannot read the file: " + RasterPageSource.describe(e), e));
        } catch (RejectedInputException e) {
            throw inFile(set, input, e);
        }
    }

    /** A rejection of one file of several names the file; a single file's reason needs no name. */
    private static RejectedInputException inFile(ScanSet set, Path input, RejectedInputException rejection) {
        return set.files().size() == 1 ? rejection
                : new RejectedInputException(input.getFileName() + ": " + rejection.reason(), rejection);
    }

    private static PageImageWriter pageImageWriter(Path pagesDir) {
        try {
            return new PageImageWriter(pagesDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the page folder " + pagesDir, e);
        }
    }

    private static String versions() {
        return "Tika " + Tika.class.getPackage().getImplementationVersion() + ", PDFBox " + Version.getVersion();
    }
}
