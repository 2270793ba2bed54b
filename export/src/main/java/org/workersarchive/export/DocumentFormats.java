package org.workersarchive.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Document;
import org.workersarchive.core.Page;

/**
 * Writes every format of a document into its folder, the TEI aside: the plain text, the PDF/A,
 * ALTO and PAGE XML per page, the IIIF manifest and, last, the METS that lists them with their
 * checksums. One writer per format; this only places their files. Thread-safe.
 */
final class DocumentFormats {

    private final SearchablePdfWriter pdf = new SearchablePdfWriter();
    private final AltoWriter alto = new AltoWriter();
    private final PageXmlWriter pageXml = new PageXmlWriter();
    private final MetsWriter mets = new MetsWriter();
    private final IiifManifestWriter iiif;

    DocumentFormats(IiifConfig iiifConfig) {
        this.iiif = new IiifManifestWriter(iiifConfig);
    }

    /**
     * Writes the formats of a document whose page images are in the folder already (their paths
     * relative to it), after its TEI, which the METS lists.
     */
    void write(Document placed, DocumentFolder folder) throws IOException {
        Instant made = Instant.now();
        Files.writeString(folder.text(), plainText(placed), StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(folder.pdf())) {
            pdf.write(placed, folder.root(), out);
        }
        Files.createDirectories(folder.alto());
        Files.createDirectories(folder.pageXml());
        for (Page page : placed.pages()) {
            try (OutputStream out = Files.newOutputStream(folder.alto(page.number()))) {
                alto.write(placed, page, out);
            }
            try (OutputStream out = Files.newOutputStream(folder.pageXml(page.number()))) {
                // From page/p0001.xml, the image in pages/ is one folder up.
                pageXml.write(placed, page, "../" + DocumentFolder.asUrl(page.image().path()), made, out);
            }
        }
        try (OutputStream out = Files.newOutputStream(folder.iiifManifest())) {
            iiif.write(placed, out);
        }
        try (OutputStream out = Files.newOutputStream(folder.mets())) {
            mets.write(placed, folder.root(), made, out);
        }
    }

    /** The text as the TEI has it (control characters from OCR removed), pages separated by form feeds. */
    static String plainText(Document document) {
        return Arrays.stream(document.text().split("\f", -1)).map(XmlText::clean)
                .collect(Collectors.joining("\f")) + "\n";
    }
}
