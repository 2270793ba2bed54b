package org.workersarchive.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.annotate.NameModels;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.Document;
import org.workersarchive.core.EntityType;
import org.workersarchive.core.Language;
import org.workersarchive.core.Line;
import org.workersarchive.core.Word;

class HipeCorpusTest {

    private static final String TSV = """
            TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC
            # language = fr
            # document_id = EXP-1888-08-03-a-i0030
            cortège\tO\tO\tO\tO\tO\tO\t_\t_\t_
            de\tO\tO\tO\tO\tO\tO\t_\t_\t_
            Munich\tB-loc\tO\tB-loc.adm.town\tO\tO\tO\tQ1726\t_\tNoSpaceAfter
            .\tO\tO\tO\tO\tO\tO\t_\t_\tEndOfLine
            par\tO\tO\tO\tO\tO\tO\t_\t_\t_
            M\tB-pers\tO\tB-pers.ind\tO\tB-comp.title\tO\tQ65264\t_\tNoSpaceAfter
            .\tI-pers\tO\tI-pers.ind\tO\tI-comp.title\tO\tQ65264\t_\t_
            Hagenbeck\tI-pers\tO\tI-pers.ind\tO\tB-comp.name\tO\tQ65264\t_\tNoSpaceAfter
            ,\tO\tO\tO\tO\tO\tO\t_\t_\t_
            en\tO\tO\tO\tO\tO\tO\t_\t_\t_
            1888\tB-time\tO\tB-time.date.abs\tO\tO\tO\t_\t_\t_
            """;

    /** HIPE-2022's form: the language after the document id, NewsEye's spelling of the types. */
    private static final String TSV_2022 = """
            TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC
            # hipe2022:document_id = dev_fr_1
            # hipe2022:date = 1923-01-15
            # hipe2022:language = fr
            # hipe2022:dataset = newseye
            M\tB-PER\t_\tO\t_\t_\tO\t_\t_\tNoSpaceAfter
            .\tI-PER\t_\tO\t_\t_\tO\t_\t_\t_
            Poincaré\tI-PER\t_\tO\t_\t_\tO\t_\t_\t_
            à\tO\t_\tO\t_\t_\tO\t_\t_\t_
            Lyon\tB-LOC\t_\tO\t_\t_\tO\t_\t_\t_
            et\tO\t_\tO\t_\t_\tO\t_\t_\t_
            Candide\tB-HumanProd\t_\tO\t_\t_\tO\t_\t_\tEndOfLine
            # hipe2022:document_id = dev_fr_2
            # hipe2022:language = fr
            Genève\tB-LOC\t_\tO\t_\t_\tO\t_\t_\t_
            """;

    @TempDir
    Path dir;

    @Test
    void hipe2022FilesAreReadWithTheirLanguageAndTypes() throws IOException {
        List<HipeCorpus.HipeDocument> documents = HipeCorpus.read(Files.writeString(dir.resolve("h22.tsv"), TSV_2022));

        assertEquals(List.of("dev_fr_1", "dev_fr_2"), documents.stream().map(HipeCorpus.HipeDocument::id).toList());
        HipeCorpus.HipeDocument first = documents.get(0);
        assertEquals("fr", first.language());
        assertEquals(Language.listOf("fra"), first.document().pages().get(0).languages(), "so that the annotator picks its model");
        assertEquals(List.of(new HipeCorpus.Span(EntityType.PERSON, 0, 3), new HipeCorpus.Span(EntityType.PLACE, 4, 5),
                new HipeCorpus.Span(EntityType.PUBLICATION, 6, 7)), first.gold());
        assertEquals(List.of(new HipeCorpus.Span(EntityType.PLACE, 0, 1)), documents.get(1).gold());
    }

    @Test
    void predictionsAreTheGoldFileWithTheAnnotatorsTagsInItsOwnTypeNames() throws IOException {
        Path gold = Files.writeString(dir.resolve("h22.tsv"), TSV_2022.replace("Lyon", "Moscou"));
        DocumentAnnotator annotator = new DocumentAnnotator(AuthorityList.bundled(), NameModels.none());
        Path predictions = dir.resolve("predictions.tsv");
        HipePredictions.write(gold, annotator, predictions);

        List<String> in = Files.readAllLines(gold);
        List<String> out = Files.readAllLines(predictions);
        assertEquals(in.size(), out.size());
        assertEquals("Moscou\tB-LOC\t_\tO\t_\t_\tO\t_\t_\t_", out.get(9), "NewsEye's name for places");
        assertEquals("M\tB-PER\t_\tO\t_\t_\tO\t_\t_\tNoSpaceAfter", out.get(5),
                "\"M.\" is taken in as an initial would be, and as HIPE marks a title");
        assertEquals(in.get(1), out.get(1));
        // Read back as gold, the predictions score the annotator perfectly: the two agree token for token.
        HipeEvaluation.Scores self = HipeEvaluation.score(HipeCorpus.read(predictions), annotator);
        assertEquals(1.0, self.strictOverall().f1(), self.format());
    }

    @Test
    void aFileOfNoDocumentOrNoGoldIsAnErrorNotAPerfectScore() throws IOException {
        Path noIds = Files.writeString(dir.resolve("bare.tsv"), TSV_2022.replace("document_id", "doc"));
        IOException error = assertThrows(IOException.class, () -> HipeCorpus.read(noIds));
        assertTrue(error.getMessage().contains("holds no HIPE document"), error.getMessage());

        List<HipeCorpus.HipeDocument> unmarked = HipeCorpus.read(Files.writeString(dir.resolve("o.tsv"),
                TSV_2022.replaceAll("\t[BI]-[A-Za-z]+\t", "\tO\t")));
        assertThrows(IllegalArgumentException.class, () -> HipeEvaluation.score(unmarked, d -> d));
        assertThrows(IllegalArgumentException.class, () -> HipeEvaluation.score(List.of(), d -> d));
    }

    @Test
    void tokensBecomePrintedWordsInLinesAndTagsBecomeSpans() throws IOException {
        Path file = Files.writeString(dir.resolve("hipe.tsv"), TSV);
        HipeCorpus.HipeDocument hipe = HipeCorpus.read(file).get(0);

        assertEquals("EXP-1888-08-03-a-i0030", hipe.id());
        assertEquals("fr", hipe.language());
        assertEquals(List.of(new HipeCorpus.Span(EntityType.PLACE, 2, 3), new HipeCorpus.Span(EntityType.PERSON, 5, 8),
                new HipeCorpus.Span(EntityType.DATE, 10, 11)), hipe.gold());
        assertEquals(List.of("cortège de Munich.", "par M. Hagenbeck, en 1888"),
                hipe.document().pages().get(0).lines().map(Line::text).toList());
    }

    @Test
    void foundEntitiesAreScoredOnTokensWithoutTheirPunctuation() throws IOException {
        HipeCorpus.HipeDocument hipe = HipeCorpus.read(Files.writeString(dir.resolve("hipe.tsv"), TSV)).get(0);
        // A stand-in annotator that marks "Munich." as a place and "Hagenbeck," as a person.
        HipeEvaluation.Scores scores = HipeEvaluation.score(List.of(hipe), document -> mark(document, "Munich.", "Hagenbeck,"));

        assertEquals(new Prf(1, 0, 0), scores.strict().get(EntityType.PLACE), "the full stop is not part of the name");
        assertEquals(new Prf(0, 1, 1), scores.strict().get(EntityType.PERSON), "the gold span holds the title");
        assertEquals(new Prf(1, 0, 0), scores.fuzzy().get(EntityType.PERSON));
        assertEquals(new Prf(0, 0, 1), scores.strict().get(EntityType.DATE));
    }

    @Test
    void aDateIsScoredWithThePrepositionsAndArticlesHipeCountsIn() {
        assertEquals(1, HipeEvaluation.withLeadingWords(List.of("fondé", "en", "1929"), 2));
        assertEquals(0, HipeEvaluation.withLeadingWords(List.of("d", "'", "avril", "1930"), 2), "an elided one");
        assertEquals(1, HipeEvaluation.withLeadingWords(List.of("arrivé", "depuis", "le", "5", "mai"), 3));
        assertEquals(1, HipeEvaluation.withLeadingWords(List.of("Verordnung", "vom", "15", ".", "Januar"), 2));
        assertEquals(1, HipeEvaluation.withLeadingWords(List.of("grève", "1929"), 1), "no preposition, no change");
        assertEquals(0, HipeEvaluation.withLeadingWords(List.of("1929"), 0));
    }

    private static Document mark(Document document, String place, String person) {
        List<Word> words = document.words().toList();
        Word placeWord = words.stream().filter(w -> w.text().equals(place)).findFirst().orElseThrow();
        Word personWord = words.stream().filter(w -> w.text().equals(person)).findFirst().orElseThrow();
        return document.withAnnotations(List.of(
                new Annotation("e1", EntityType.PLACE, List.of(placeWord.id()), "munich", null, 1, "test"),
                new Annotation("e2", EntityType.PERSON, List.of(personWord.id()), null, null, 1, "test")));
    }
}
