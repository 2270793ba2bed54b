package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.core.EntityType;
import org.workersarchive.samples.HipeCorpus;
import org.workersarchive.samples.HipeEvaluation;

/**
 * The annotator on real historical newspaper text with its own OCR noise (CLEF HIPE-2020, the dev
 * sets; the test sets are kept for the figures in the README). What it finds must be right: the
 * precision bounds sit below what is measured (README), so a regression fails the build. Its recall
 * is low by design, as most of these entities are not in the group's authority list.
 */
class HipeAnnotationTest {

    private static final Path HIPE = Path.of(System.getProperty("archive.shared.dir"), "ground-truth", "hipe2020");
    private static final DocumentAnnotator ANNOTATOR = new DocumentAnnotator(AuthorityList.bundled());

    @Test
    void frenchAndGermanNewspapersAreAnnotatedWithHighPrecision() throws IOException {
        for (String file : List.of("HIPE-data-v1.4-dev-fr.tsv", "HIPE-data-v1.4-dev-de.tsv")) {
            List<HipeCorpus.HipeDocument> documents = HipeCorpus.read(HIPE.resolve(file));
            assertTrue(documents.size() > 30, file + ": " + documents.size() + " documents");
            HipeEvaluation.Scores scores = HipeEvaluation.score(documents, ANNOTATOR::annotate);

            assertTrue(scores.fuzzyOverall().precision() >= 0.8, file + "\n" + scores.format());
            assertTrue(scores.strict().get(EntityType.PLACE).precision() >= 0.85, file + "\n" + scores.format());
            assertTrue(scores.fuzzy().get(EntityType.DATE).precision() >= 0.9, file + "\n" + scores.format());
            assertEquals(documents.size(), scores.documents());
        }
    }
}
