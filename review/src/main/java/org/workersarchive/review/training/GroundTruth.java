package org.workersarchive.review.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.core.Document;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.export.ArchivedDocumentReader;
import org.workersarchive.export.ArchiveWriter;
import org.workersarchive.export.AuthorityEntries;
import org.workersarchive.export.TeiConfig;
import org.workersarchive.review.archive.DocumentState;
import org.workersarchive.review.archive.DocumentStates;

/**
 * The archive's own ground truth: every line people corrected (in the review server, or in a
 * PAGE or ALTO file imported), and every line of a page they checked whole, beside what the
 * pipeline read there. The pipeline's reading is the document folder's own ALTO, which corrections
 * never change (they go to versions/); people's is what the document's TEI now reads. Lines are
 * matched by id, which corrections keep. Stateless.
 */
public final class GroundTruth {

    private final ArchiveLayout archive;
    private final DocumentStates states;

    public GroundTruth(ArchiveLayout archive) {
        this.archive = archive;
        this.states = new DocumentStates(archive, new ArchiveWriter(archive, TeiConfig.defaults(), AuthorityEntries.NONE));
    }

    /** Every line people corrected or confirmed, document by document, in reading order. */
    public List<GroundTruthLine> lines() throws IOException {
        List<GroundTruthLine> lines = new ArrayList<>();
        if (!Files.isDirectory(archive.documents())) {
            return lines;
        }
        List<String> ids;
        try (Stream<Path> folders = Files.list(archive.documents())) {
            ids = folders.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
        for (String id : ids) {
            Optional<DocumentState> state = states.current(id);
            if (state.isPresent() && !state.get().folder().equals(archive.document(id).root())) {
                lines.addAll(lines(state.get(), new ArchivedDocumentReader().read(archive.document(id).root())));
            }
        }
        return lines;
    }

    private static List<GroundTruthLine> lines(DocumentState state, Document read) {
        List<GroundTruthLine> found = new ArrayList<>();
        for (Page page : state.document().pages()) {
            Map<String, Line> ocr = read.pages().get(page.number() - 1).lines()
                    .collect(Collectors.toMap(Line::id, Function.identity()));
            boolean checked = state.review().checkedPages().contains(page.number());
            page.lines().forEach(line -> {
                Line before = ocr.get(line.id());
                boolean corrected = before == null || !before.text().equals(line.text());
                if (before != null && (corrected || checked)) {
                    found.add(new GroundTruthLine(state.id(), page.number(), line.id(), line.box(),
                            state.pageImage(page.number()), before.text(), line.text(), corrected, checked));
                }
            });
        }
        return found;
    }
}
