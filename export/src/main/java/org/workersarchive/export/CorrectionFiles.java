package org.workersarchive.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.Document;
import org.workersarchive.core.FileNames;
import org.workersarchive.core.Fixity;
import org.workersarchive.core.Page;

/**
 * The files of an imported correction: which version's TEI stands in the document's place (each
 * import that put its TEI there says so in its version's {@code placed.sha256}), and the page
 * images a version copies. Stateless.
 */
final class CorrectionFiles {

    private CorrectionFiles() {
    }

    /**
     * The version of an import whose TEI is the document's, as the import put it there: the latest
     * whose {@code placed.sha256} holds the TEI's checksum; empty when the TEI is the pipeline's own
     * or was corrected by hand since.
     */
    static Optional<DocumentFolder> versionInPlace(DocumentFolder document) throws IOException {
        if (!Files.isDirectory(document.versions()) || !Files.isRegularFile(document.tei())) {
            return Optional.empty();
        }
        String tei = Fixity.sha256(document.tei()) + "  " + DocumentFolder.TEI_FROM_VERSION;
        List<DocumentFolder> placing = new ArrayList<>();
        try (Stream<Path> versions = Files.list(document.versions())) {
            for (Path version : versions.filter(v -> !v.getFileName().toString().startsWith(".")).toList()) {
                DocumentFolder folder = new DocumentFolder(version);
                if (Files.isRegularFile(folder.placed())
                        && Files.readString(folder.placed(), StandardCharsets.UTF_8).strip().equals(tei)) {
                    placing.add(folder);
                }
            }
        }
        return placing.stream().max(Comparator.comparing(f -> f.root().getFileName().toString()));
    }

    /** Notes in a version's folder the checksum of the TEI it puts in the document's place. */
    static void recordPlaced(DocumentFolder version, String sha256) {
        try {
            Files.writeString(version.placed(), sha256 + "  " + DocumentFolder.TEI_FROM_VERSION + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + version.placed(), e);
        }
    }

    /** Copies of the page images of the folder a document was read from, for a version's folder to take. */
    static Document stagedImages(Document document, DocumentFolder folder, Path staging) throws IOException {
        Files.createDirectories(staging);
        List<Page> pages = new ArrayList<>();
        for (Page page : document.pages()) {
            Path image = FileNames.requireInside(folder.root(), folder.root().resolve(page.image().path()));
            Path copy = staging.resolve(image.getFileName());
            Files.copy(image, copy, StandardCopyOption.REPLACE_EXISTING);
            pages.add(page.withImage(page.image().withPath(copy)));
        }
        return document.withPages(pages);
    }
}
