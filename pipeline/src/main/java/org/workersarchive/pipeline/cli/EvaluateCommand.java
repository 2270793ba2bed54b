package org.workersarchive.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.review.training.CorrectionScores;
import org.workersarchive.review.training.GroundTruth;
import org.workersarchive.samples.EvaluationReport;
import org.workersarchive.samples.Evaluator;
import org.workersarchive.samples.HipeCorpus;
import org.workersarchive.samples.HipeEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Compares an archive with ground truth: CER and WER per document and overall,",
                "and entity precision, recall and F1 per type (read from the TEI, as scholars get it).",
                "The truth folder holds one JSON file per scan, as samples/bundled/truth does.",
                "With --hipe, runs the annotator on CLEF HIPE-2020 gold files (historical newspapers with",
                "their OCR) and scores it as the HIPE scorer does: coarse literal NER, strict and fuzzy.",
                "With --corrections, scores the archive's OCR against what people corrected in it: CER and WER of",
                "the pages checked whole in the review server, and of every line corrected."},
        footer = {"", "Examples:", "  ./archive evaluate --archive demo-archive --truth samples/bundled/truth",
                "  ./archive evaluate --hipe ../shared/ground-truth/hipe2020/HIPE-data-v1.4-test-fr.tsv",
                "  ./archive evaluate --archive ~/archive --corrections"})
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--archive", paramLabel = "DIR", description = "The archive folder.")
    Path archive;

    @Option(names = "--truth", paramLabel = "DIR", description = "The ground-truth folder.")
    Path truth;

    @Option(names = "--hipe", paramLabel = "TSV", arity = "1..*",
            description = "HIPE-2020 gold files to run the annotator on, instead of an archive.")
    List<Path> hipe;

    @Option(names = "--authority-list", paramLabel = "FILE",
            description = "With --hipe: the authority list to annotate with (default: the bundled one).")
    Path authorityList;

    @Option(names = "--corrections",
            description = "Score the archive against its own corrections instead of a truth folder.")
    boolean corrections;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (hipe != null) {
            return evaluateHipe();
        }
        if (corrections && archive != null) {
            if (!Files.isDirectory(new ArchiveLayout(archive).documents())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not an archive (no documents/): " + archive);
            }
            System.out.print(new CorrectionScores(new GroundTruth(new ArchiveLayout(archive)).lines()).format());
            return 0;
        }
        if (archive == null || truth == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --archive and --truth, --archive and --corrections, or --hipe");
        }
        for (Path folder : new Path[] {archive, truth}) {
            if (!Files.isDirectory(folder)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not a folder: " + folder);
            }
        }
        EvaluationReport report = new Evaluator().evaluate(archive, truth);
        System.out.println(report.format());
        return 0;
    }

    private int evaluateHipe() throws Exception {
        DocumentAnnotator annotator = new DocumentAnnotator(
                authorityList == null ? AuthorityList.bundled() : AuthorityList.load(authorityList));
        for (Path file : hipe) {
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not a file: " + file);
            }
            List<HipeCorpus.HipeDocument> documents = HipeCorpus.read(file);
            HipeEvaluation.Scores scores = HipeEvaluation.score(documents, annotator::annotate);
            System.out.println(file.getFileName() + " (" + documents.size() + " documents)");
            System.out.println(scores.format());
        }
        return 0;
    }
}
