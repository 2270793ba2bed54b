package org.workersarchive.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.annotate.NameModels;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.Document;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.core.Fixity;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceDescription;
import org.workersarchive.core.SourceFile;
import org.workersarchive.export.ArchiveWriter;
import org.workersarchive.export.AuthorityEntries;
import org.workersarchive.export.IiifConfig;
import org.workersarchive.export.TeiConfig;

/**
 * An archive as a run leaves it, made by the pipeline's own writer: a page drawn with known words
 * (as OCR would give them: read at 95, but for one doubtful word, camarade, at 42), annotated with the bundled authority list, and written
 * with every format into documents/ID/, the list published as authority.xml.
 */
final class ArchiveFixture {

    static final String ID = "tract-1923-0123456789ab";
    static final String RUN = "2026-01-01T00-00-00Z-batch";

    private ArchiveFixture() {
    }

    /** The archive in {@code root}, with one document of one page. */
    static ArchiveLayout make(Path root) throws IOException {
        return make(root, null, 0, 0);
    }

    /**
     * As {@link #make(Path)}, the page's image this one (moved into the archive) of this size, its
     * words where they were drawn on the usual page.
     */
    static ArchiveLayout makeWithPageImage(Path root, Path image, int width, int height) throws IOException {
        return make(root, image, width, height);
    }

    private static ArchiveLayout make(Path root, Path image, int width, int height) throws IOException {
        ArchiveLayout archive = new ArchiveLayout(root);
        Files.createDirectories(archive.documents());
        AuthorityList.bundled().copyTo(archive.authorityList());
        Path scan = Files.createDirectories(root.resolve("scans")).resolve("tract_1923.png");
        Page page = DrawnPages.read(1, scan, "png", 1400, 900, 300, List.of(
                List.of("Nous apprenons que le camarade", "Miasnikov est arrêté à Moscou en 1923."),
                List.of("Le texte <script>alert(1)</script> reste du texte.", "Lettre de Mqxzrkov au groupe.")));
        Page doubtful = page.withText(page.textOrigin(), page.languages(), page.blocks().stream()
                .map(b -> new org.workersarchive.core.Block(b.id(), b.box(), b.lines().stream()
                        .map(l -> new org.workersarchive.core.Line(l.id(), l.box(), l.words().stream()
                                .map(w -> new org.workersarchive.core.Word(w.id(), w.text(), w.box(),
                                        w.text().equals("camarade") ? 42 : 95)).toList())).toList())).toList());
        if (image != null) {
            doubtful = Page.unread(1, new PageImage(image, width, height, 300))
                    .withText(doubtful.textOrigin(), doubtful.languages(), doubtful.blocks());
        }
        SourceFile source = new SourceFile(scan, scan.getFileName().toString(), Fixity.sha256(scan), "image/png",
                Files.size(scan), 1, Map.of());
        Document document = Document.ofPages(ID, SourceDescription.NONE, List.of(source), List.of(doubtful),
                new ProcessingStep("ocr", "Tesseract", "5.3.0", Map.of("languages", "fra"), java.time.Duration.ZERO));
        // The list's names alone: these tests are of what the review server does with names found,
        // rejected and retyped, not of what a trained model guesses in three made-up lines.
        Document annotated = new DocumentAnnotator(AuthorityList.bundled(), NameModels.none()).annotate(document);
        writer(archive).write(annotated, RUN);
        return archive;
    }

    static ArchiveWriter writer(ArchiveLayout archive) throws IOException {
        return new ArchiveWriter(archive, TeiConfig.defaults(), AuthorityEntries.read(archive.authorityList()),
                IiifConfig.defaults());
    }

    /** A server on a free loopback port, writing to the archive unless read-only. */
    static ReviewServer serve(ArchiveLayout archive, boolean readOnly, String password) throws IOException {
        return ReviewServer.start(new ReviewConfig(archive.root(), "127.0.0.1", 0, readOnly, password,
                TeiConfig.defaults(), IiifConfig.defaults(), null, NameModels.none()));
    }
}
