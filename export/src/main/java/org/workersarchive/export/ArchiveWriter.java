package org.workersarchive.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.workersarchive.core.Document;
import org.workersarchive.core.Folders;
import org.workersarchive.core.Page;

/**
 * Writes a document's folder into the archive: {@code documents/ID/} with document.tei.xml,
 * document.txt, provenance.json and pages/. The folder is built under a hidden temporary name and
 * renamed in one step, so a reader of the archive sees a whole document or none. Thread-safe for
 * distinct documents.
 */
public final class ArchiveWriter {

    private final Path documentsDir;
    private final TeiWriter tei;
    private final ProvenanceWriter provenance = new ProvenanceWriter();

    public ArchiveWriter(Path archiveDir, TeiConfig config) {
        this.documentsDir = archiveDir.resolve("documents");
        this.tei = new TeiWriter(config);
    }

    /**
     * Writes the document. Its page images are moved (not copied) into the folder: the caller
     * hands them over.
     *
     * @throws IllegalStateException when the archive holds a document of that id already
     * @throws UncheckedIOException  when the archive cannot be written; nothing is left half-written
     */
    public WrittenDocument write(Document document) {
        Path target = documentsDir.resolve(document.id());
        if (Files.exists(target)) {
            throw new IllegalStateException("document " + document.id() + " already exists in " + documentsDir);
        }
        Path partial = documentsDir.resolve("." + document.id() + ".partial-" + UUID.randomUUID());
        try {
            Files.createDirectories(partial.resolve("pages"));
            Document placed = movePages(document, partial, target);
            try (OutputStream out = Files.newOutputStream(partial.resolve("document.tei.xml"))) {
                tei.write(placed, out);
            }
            Files.writeString(partial.resolve("document.txt"), plainText(placed), StandardCharsets.UTF_8);
            try (OutputStream out = Files.newOutputStream(partial.resolve("provenance.json"))) {
                provenance.write(placed, out);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new WrittenDocument(document.id(), target, target.resolve("document.tei.xml"),
                    target.resolve("document.txt"), target.resolve("provenance.json"),
                    placed.pages().stream().map(p -> p.image().path()).toList());
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("cannot write document " + document.id() + " to " + documentsDir, e);
        }
    }

    /** Moves each page image into the partial folder; the pages then name their final place. */
    private static Document movePages(Document document, Path partial, Path target) throws IOException {
        List<Page> placed = new ArrayList<>();
        for (Page page : document.pages()) {
            String name = String.format("p%04d%s", page.number(), extension(page.image().path()));
            Files.move(page.image().path(), partial.resolve("pages").resolve(name), StandardCopyOption.REPLACE_EXISTING);
            placed.add(page.withImage(page.image().withPath(target.resolve("pages").resolve(name))));
        }
        return document.withPages(placed);
    }

    /** The text as the TEI has it (control characters from OCR removed), pages separated by form feeds. */
    private static String plainText(Document document) {
        return Arrays.stream(document.text().split("\f", -1)).map(XmlText::clean)
                .collect(Collectors.joining("\f")) + "\n";
    }

    private static String extension(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    private static void deleteQuietly(Path folder) {
        try {
            Folders.deleteTree(folder);
        } catch (IOException ignored) {
            // What cannot be removed stays hidden (a dot name) and is never taken for a document.
        }
    }
}
