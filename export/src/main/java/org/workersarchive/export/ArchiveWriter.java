package org.workersarchive.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.workersarchive.core.ArchiveLayout.DocumentFolder;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.Document;
import org.workersarchive.core.DocumentInvariants;
import org.workersarchive.core.FileNames;
import org.workersarchive.core.Fixity;
import org.workersarchive.core.Folders;
import org.workersarchive.core.Page;
import org.workersarchive.core.RejectedInputException;

/**
 * Writes a document's folder into the archive: {@code documents/ID/} with document.tei.xml,
 * document.txt, document.pdf (a PDF/A: the page images with the text invisible over them,
 * searchable), alto/p0001.xml … (ALTO 4 per page), page/p0001.xml … (PAGE XML per page),
 * manifest.json (IIIF), mets.xml, provenance.json, pages/, the sidecar the description came from, and
 * checksums.sha256 (the SHA-256 of every other file, as {@code sha256sum} writes them). The folder
 * is built under a hidden temporary name and renamed in one step, so a reader of the archive sees a
 * whole document or none.
 *
 * <p>When the archive holds the document already (the same scans processed again), the manifest
 * tells whether its TEI was corrected by hand since it was written: an untouched document is
 * replaced; a corrected one is kept, and the new output goes beside it in {@code versions/RUN/}.
 * Thread-safe for distinct documents.
 */
public final class ArchiveWriter {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final ArchiveLayout archive;
    private final TeiWriter tei;
    private final TeiWriter versionTei;
    private final ProvenanceWriter provenance = new ProvenanceWriter();
    private final DocumentFormats formats;

    /** A writer whose IIIF manifests point at {@link IiifConfig#DEFAULT_BASE_URL}. */
    public ArchiveWriter(ArchiveLayout archive, TeiConfig config, AuthorityEntries authority) {
        this(archive, config, authority, IiifConfig.defaults());
    }

    /** @param iiif where IIIF clients find the archive, for the manifests' URLs */
    public ArchiveWriter(ArchiveLayout archive, TeiConfig config, AuthorityEntries authority, IiifConfig iiif) {
        this.archive = archive;
        this.formats = new DocumentFormats(iiif);
        this.tei = new TeiWriter(config, authority);
        // A version's TEI lies two folders deeper (ID/versions/RUN/), and points at the same list.
        this.versionTei = new TeiWriter(config.withAuthorityUri("../../" + config.authorityUri()), authority);
    }

    /**
     * Writes the document. Its page images are moved (not copied) into the folder: the caller
     * hands them over.
     *
     * @param runId the run that made it: named in the TEI's revision history and in a version's folder
     * @throws UncheckedIOException   when the archive cannot be written; nothing is left half-written
     * @throws RejectedInputException when the document's sidecar has the name of a file the folder
     *                                has already (provenance.json); nothing is written
     * @throws IllegalStateException  when the document breaks its invariants ({@link DocumentInvariants}):
     *                                a zone outside its page, an entity across blocks would be written
     *                                into the TEI as they are, so nothing is written
     */
    public WrittenDocument write(Document document, String runId) {
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("a run id is a plain folder name, not " + runId);
        }
        DocumentInvariants.requireSound(document);
        // The id is a plain name (Ids); resolving it checked all the same keeps every write in documents/.
        DocumentFolder target = archive.document(document.id());
        try {
            if (!Files.exists(target.root())) {
                return writeFolder(document, target.root(), teiOf(tei, runId), WrittenDocument.Outcome.NEW);
            }
            if (correctedSinceWritten(target.root())) {
                return writeFolder(document, target.version(runId).root(), teiOf(versionTei, runId),
                        WrittenDocument.Outcome.VERSION_BESIDE_CORRECTION);
            }
            return replace(document, runId, target.root());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write document " + document.id() + " to " + archive.documents(), e);
        }
    }

    /**
     * Writes a document corrected by a person elsewhere (a PAGE or ALTO file from Transkribus or
     * eScriptorium, imported), as a hand correction of its TEI is kept: the whole corrected output
     * goes to {@code versions/RUN/} (its TEI's history the correction, then the TEI's it corrects).
     * When the document's TEI is still as the pipeline wrote it, or as an earlier import put it, the
     * corrected TEI takes its place, the manifest left as it was, so that the archive knows the TEI
     * as corrected and a later {@code --reprocess} keeps it; the version notes so
     * ({@code placed.sha256}). A TEI corrected by hand is kept; the new version waits beside it.
     * The page images are copied, not moved.
     *
     * @param corrected  the document as read back from {@link #currentFolder}, with the corrected text
     * @param correction the revision to record: what was imported, from where
     * @throws UncheckedIOException when the archive cannot be written; nothing is left half-written
     */
    public WrittenDocument writeCorrection(Document corrected, String runId, TeiRevision correction) {
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("a run id is a plain folder name, not " + runId);
        }
        DocumentFolder target = archive.document(corrected.id());
        Path staging = archive.staging().resolve("correction-" + runId + "-" + corrected.id());
        Path inPlace = hiddenSibling(target.tei(), "partial");
        try {
            List<TeiRevision> earlier = new TeiRevisionReader().read(target.tei());
            boolean replaceable = CorrectionFiles.versionInPlace(target).isPresent()
                    || !correctedSinceWritten(target.root());
            Document staged = CorrectionFiles.stagedImages(corrected, currentFolder(corrected.id()), staging);
            DocumentInvariants.requireSound(staged);
            if (replaceable) {
                try (OutputStream out = Files.newOutputStream(inPlace)) {
                    tei.writeCorrection(placedIn(staged), correction, earlier, out);
                }
            }
            String placedSha256 = replaceable ? Fixity.sha256(inPlace) : null;
            WrittenDocument version = writeFolder(staged, target.version(runId).root(), (placed, folder) -> {
                try (OutputStream out = Files.newOutputStream(folder.tei())) {
                    versionTei.writeCorrection(placed, correction, earlier, out);
                }
                if (placedSha256 != null) {
                    CorrectionFiles.recordPlaced(folder, placedSha256);
                }
            }, WrittenDocument.Outcome.VERSION_BESIDE_CORRECTION);
            if (!replaceable) {
                return version;
            }
            Files.move(inPlace, target.tei(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new WrittenDocument(version.id(), version.folder(), target.tei(), version.text(),
                    version.provenance(), version.pageImages(), WrittenDocument.Outcome.CORRECTION_IN_PLACE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the correction of document " + corrected.id(), e);
        } finally {
            deleteQuietly(staging);
            deleteQuietly(inPlace);
        }
    }

    /**
     * The folder the document's TEI was written with: the version of the import that put it in the
     * document's place, else the document's own folder. A correction builds on what it holds.
     */
    public DocumentFolder currentFolder(String documentId) throws IOException {
        DocumentFolder document = archive.document(documentId);
        return CorrectionFiles.versionInPlace(document).orElse(document);
    }

    /** The document as its folder names its page images: pages/p0001.png. */
    private static Document placedIn(Document document) {
        return document.withPages(document.pages().stream().map(page -> page.withImage(page.image().withPath(
                DocumentFolder.pageImage(page.number(), extension(page.image().path()))))).toList());
    }

    /** Where the document of this id is, or would be. */
    public Path folderOf(String documentId) {
        return archive.document(documentId).root();
    }

    /**
     * Puts the archive's documents right after a run that was stopped at any moment (killed, power
     * lost): see {@link InterruptedWrites#recover}. Call it while no other run writes to the archive.
     *
     * @return what was done, a line each, for the log
     */
    public List<String> recoverInterruptedWrites() throws IOException {
        return InterruptedWrites.recover(archive);
    }

    /**
     * Whether the folder's TEI differs from the one the pipeline wrote there. A folder without a
     * manifest (made before manifests were kept) counts as corrected: nothing is risked.
     */
    public static boolean correctedSinceWritten(Path folder) throws IOException {
        DocumentFolder document = new DocumentFolder(folder);
        Path manifest = document.checksums();
        if (!Files.isRegularFile(manifest)) {
            return true;
        }
        String suffix = "  " + DocumentFolder.TEI;
        String written = Files.readAllLines(manifest, StandardCharsets.UTF_8).stream()
                .filter(line -> line.endsWith(suffix)).map(line -> line.substring(0, line.length() - suffix.length()))
                .findFirst().orElse(null);
        return !Fixity.sha256(document.tei()).equals(written);
    }

    /** Writes the new folder whole, then swaps it for the old one. */
    private WrittenDocument replace(Document document, String runId, Path target) throws IOException {
        Path partial = hiddenSibling(target, "partial");
        WrittenDocument written = writeFolder(document, partial, target, teiOf(tei, runId),
                WrittenDocument.Outcome.REPLACED);
        Path old = hiddenSibling(target, "replaced");
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        deleteQuietly(old);
        return written;
    }

    private WrittenDocument writeFolder(Document document, Path target, TeiOutput teiWriter,
                                        WrittenDocument.Outcome outcome) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = hiddenSibling(target, "partial");
        WrittenDocument written = writeFolder(document, partial, target, teiWriter, outcome);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return written;
    }

    /** Writes the folder's content in {@code partial}, naming {@code target} as where it will be. */
    private WrittenDocument writeFolder(Document document, Path partial, Path target,
                                        TeiOutput teiWriter, WrittenDocument.Outcome outcome) throws IOException {
        DocumentFolder folder = new DocumentFolder(partial);
        try {
            Document placed = movePages(document, folder);
            teiWriter.write(placed, folder);
            formats.write(placed, folder);
            try (OutputStream out = Files.newOutputStream(folder.provenance())) {
                provenance.write(placed, out);
            }
            Path sidecar = document.description().sidecar();
            if (sidecar != null) {
                copySidecar(sidecar, partial);
            }
            writeManifest(folder);
            DocumentFolder written = new DocumentFolder(target);
            return new WrittenDocument(document.id(), target, written.tei(), written.text(), written.provenance(),
                    placed.pages().stream().map(p -> target.resolve(p.image().path())).toList(), outcome);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /** The sidecar is kept under its own name, which must not take the place of one of the folder's files. */
    private static void copySidecar(Path sidecar, Path partial) throws IOException {
        String name = sidecar.getFileName().toString();
        Path copy = FileNames.resolveIn(partial, name);
        if (Files.exists(copy)) {
            throw new RejectedInputException("sidecar " + name + " has the name of a file the archive writes in the "
                    + "document's folder; rename the sidecar (and its scans, or list them in it)");
        }
        Files.copy(sidecar, copy);
    }

    /** checksums.sha256: a line per file, as {@code sha256sum -c} reads it. */
    private static void writeManifest(DocumentFolder folder) throws IOException {
        StringBuilder manifest = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder.root())) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = DocumentFolder.asUrl(folder.root().relativize(file));
                manifest.append(Fixity.sha256(file)).append("  ").append(relative).append('\n');
            }
        }
        Files.writeString(folder.checksums(), manifest, StandardCharsets.UTF_8);
    }

    private static TeiOutput teiOf(TeiWriter writer, String runId) {
        return (placed, folder) -> {
            try (OutputStream out = Files.newOutputStream(folder.tei())) {
                writer.write(placed, runId, out);
            }
        };
    }

    /** Writes a document's TEI into the folder (and what goes with it), its page images named by their place. */
    @FunctionalInterface
    private interface TeiOutput {
        void write(Document placed, DocumentFolder folder) throws IOException;
    }

    private static Path hiddenSibling(Path target, String purpose) {
        return target.resolveSibling("." + target.getFileName() + "." + purpose + "-" + UUID.randomUUID());
    }

    /**
     * Moves each page image into the folder; the pages then name it by its place in the folder
     * ({@code pages/p0001.png}), which stays true when the folder is renamed into place.
     */
    private static Document movePages(Document document, DocumentFolder folder) throws IOException {
        Files.createDirectories(folder.pages());
        List<Page> placed = new ArrayList<>();
        for (Page page : document.pages()) {
            Path relative = DocumentFolder.pageImage(page.number(), extension(page.image().path()));
            Files.move(page.image().path(), folder.root().resolve(relative), StandardCopyOption.REPLACE_EXISTING);
            placed.add(page.withImage(page.image().withPath(relative)));
        }
        return document.withPages(placed);
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
