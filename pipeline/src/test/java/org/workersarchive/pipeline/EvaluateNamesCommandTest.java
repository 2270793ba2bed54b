package org.workersarchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.pipeline.cli.ArchiveCli;
import org.workersarchive.samples.HipeCorpus;
import org.workersarchive.samples.HipeEvaluation;
import picocli.CommandLine;

/**
 * {@code ./archive evaluate --hipe} and {@code --factrueval} as a user runs them: a gold file that
 * holds nothing to score is an error, said in one line with its name (exit 2), never a perfect
 * score; the predictions file holds the gold file's tokens with the annotator's tags, so that read
 * back as gold it scores the same annotator perfectly; FactRuEval's Russian is scored.
 */
class EvaluateNamesCommandTest {

    private static final Path NER = Path.of(System.getProperty("archive.shared.dir"), "ground-truth", "ner");
    private static final String HEADER = "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP"
            + "\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC\n";

    @TempDir
    Path dir;

    @Test
    void aFileOfNoDocumentIsAnErrorNotAPerfectScore() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.tsv"), HEADER + "Paris\tB-loc\tO\t_\t_\t_\t_\t_\t_\t_\n");
        Run run = evaluate("--hipe", empty.toString());
        assertEquals(2, run.exit(), run.out());
        assertTrue(run.err().contains("empty.tsv") && run.err().contains("no HIPE document"), run.err());
        assertTrue(!run.out().contains("1.000"), "no score printed: " + run.out());
    }

    @Test
    void aFileOfNoGoldEntityIsAnErrorNotAPerfectScore() throws IOException {
        Path none = Files.writeString(dir.resolve("none.tsv"), HEADER + "# hipe2022:document_id = d1\n"
                + "# hipe2022:language = fr\n" + "Le\tO\tO\t_\t_\t_\t_\t_\t_\t_\n" + "chat\tO\tO\t_\t_\t_\t_\t_\t_\tEndOfLine\n");
        Run run = evaluate("--hipe", none.toString());
        assertEquals(2, run.exit(), run.out());
        assertTrue(run.err().contains("none.tsv") && run.err().contains("0 gold entities"), run.err());
    }

    @Test
    void thePredictionsFileRoundTripsAsGoldThatTheAnnotatorMatchesExactly() throws IOException {
        Path gold = NER.resolve("hipe2022/HIPE-2022-v2.1-hipe2020-dev-en.tsv");
        Path predictions = dir.resolve("en-predictions.tsv");
        Run run = evaluate("--hipe", gold.toString(), "--predictions", predictions.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("strict") && run.out().contains("as the TEI marks them"), run.out());

        List<String> goldLines = Files.readAllLines(gold);
        List<String> predicted = Files.readAllLines(predictions);
        assertEquals(goldLines.size(), predicted.size(), "the same lines");
        for (int i = 0; i < goldLines.size(); i++) {
            String[] g = goldLines.get(i).split("\t", -1);
            String[] p = predicted.get(i).split("\t", -1);
            assertEquals(g[0], p[0], "line " + (i + 1) + ": the same token");
        }
        List<HipeCorpus.HipeDocument> asGold = HipeCorpus.read(predictions);
        HipeEvaluation.Scores scores = HipeEvaluation.score(asGold, new DocumentAnnotator(AuthorityList.bundled()));
        assertEquals(1.0, scores.strictOverall().f1(), 1e-9, scores.format());
        assertTrue(asGold.stream().mapToLong(d -> d.gold().size()).sum() > 50, "the annotator found names");
    }

    @Test
    void russianIsScoredOnFactRuEvalsHeldOutBooks() {
        Run run = evaluate("--factrueval", NER.resolve("factrueval/devset").toString(), "--held-out");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("(24 documents, held out from training)"), run.out());
        String all = run.out().lines().filter(line -> line.startsWith("all")).findFirst().orElseThrow();
        double strictF1 = Double.parseDouble(all.trim().split("\\s+")[3]);
        assertTrue(strictF1 >= 0.70, "strict F1 as measured (0.712): " + all);
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run evaluate(String... arguments) {
        String[] args = new String[arguments.length + 1];
        args[0] = "evaluate";
        System.arraycopy(arguments, 0, args, 1, arguments.length);
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine command = ArchiveCli.commandLine();
            command.setErr(new PrintWriter(err, true));
            exit = command.execute(args);
        } finally {
            System.setOut(original);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    }
}
