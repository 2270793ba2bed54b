package org.workersarchive.pipeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.annotate.NameModels;
import org.workersarchive.core.ArchiveLayout;
import org.workersarchive.review.training.CorrectionScores;
import org.workersarchive.review.training.GroundTruth;
import org.workersarchive.samples.EvaluationReport;
import org.workersarchive.samples.Evaluator;
import org.workersarchive.samples.FactRuEvalCorpus;
import org.workersarchive.samples.HipeCorpus;
import org.workersarchive.samples.HipeEvaluation;
import org.workersarchive.samples.HipePredictions;
import org.workersarchive.samples.NerTrainingData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Compares an archive with ground truth: CER and WER per document and overall, "
                + "and entity precision, recall and F1 per type (read from the TEI, as scholars get it).",
                "The truth folder holds one JSON file per scan, as samples/bundled/truth does.",
                "With --hipe, runs the annotator (authority list, dates and the trained name models) on CLEF "
                + "HIPE-2020 or HIPE-2022 gold files (historical newspapers with their OCR) and scores it as the "
                + "HIPE scorer does: coarse literal NER, strict and fuzzy micro P/R/F1 per type. A file of no "
                + "document or no gold entity is an error (exit 2), not a perfect score. With --factrueval, the "
                + "same for Russian on FactRuEval-2016 (a folder of book_N.tokens/.spans/.objects files).",
                "With --corrections, scores the archive's OCR against what people corrected in it: CER and WER of "
                + "the pages checked whole in the review server, and of every line corrected."},
        footer = {"", "Examples:", "  ./archive evaluate --archive demo-archive --truth samples/bundled/truth",
                "  ./archive evaluate --hipe ../shared/ground-truth/hipe2020/HIPE-data-v1.4-test-fr.tsv",
                "  ./archive evaluate --hipe ../shared/ground-truth/ner/hipe2022/HIPE-2022-v2.1-hipe2020-dev-en.tsv "
                        + "--held-out --predictions en-predictions.tsv",
                "  ./archive evaluate --factrueval ../shared/ground-truth/ner/factrueval/devset --held-out",
                "  ./archive evaluate --archive ~/archive --corrections"})
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--archive", paramLabel = "DIR", description = "The archive folder.")
    Path archive;

    @Option(names = "--truth", paramLabel = "DIR", description = "The ground-truth folder.")
    Path truth;

    @Option(names = "--hipe", paramLabel = "TSV", arity = "1..*",
            description = "HIPE-2020 or HIPE-2022 gold files to run the annotator on, instead of an archive.")
    List<Path> hipe;

    @Option(names = "--factrueval", paramLabel = "DIR",
            description = "A FactRuEval-2016 folder (Russian) to run the annotator on, instead of an archive.")
    Path factRuEval;

    @Option(names = "--held-out",
            description = "With --hipe or --factrueval: only the documents the shipped models were not trained on "
                    + "(every fifth of a training file: the 5th, 10th…); for files the models never saw, leave it out.")
    boolean heldOut;

    @Option(names = "--predictions", paramLabel = "OUT",
            description = "With --hipe: also write what the annotator found as a HIPE TSV of the same tokens (the gold "
                    + "file with its NE-COARSE-LIT column replaced), for the organisers' scorer; a file for one input, "
                    + "a folder for several.")
    Path predictions;

    @Option(names = "--name-models", paramLabel = "bundled|none|DIR", defaultValue = "bundled",
            description = "With --hipe or --factrueval: the name models to annotate with (as archive.name-models): "
                    + "the bundled ones, none (the authority list, dates and signs alone) or a folder of retrained "
                    + "ones (default: ${DEFAULT-VALUE}).")
    String nameModels;

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
        if (hipe != null || factRuEval != null) {
            return evaluateNames();
        }
        if (corrections && archive != null) {
            ArchiveFolders.requireArchive(spec, archive);
            System.out.print(new CorrectionScores(new GroundTruth(new ArchiveLayout(archive)).lines()).format());
            return 0;
        }
        if (archive == null || truth == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --archive and --truth, --archive and --corrections, --hipe or --factrueval");
        }
        ArchiveFolders.requireArchive(spec, archive);
        if (!Files.isDirectory(truth)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--truth " + truth
                    + (Files.exists(truth) ? " is a file" : " does not exist")
                    + ": give the folder of one JSON file per scan (as samples/bundled/truth)");
        }
        EvaluationReport report = new Evaluator().evaluate(archive, truth);
        System.out.println(report.format());
        return 0;
    }

    private int evaluateNames() throws Exception {
        if (predictions != null && hipe == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--predictions goes with --hipe");
        }
        if (predictions != null && heldOut) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--predictions writes the whole gold file: leave out --held-out");
        }
        if (predictions != null && hipe.size() > 1 && !Files.isDirectory(predictions)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--predictions must be an existing folder for several --hipe files: " + predictions);
        }
        DocumentAnnotator annotator = new DocumentAnnotator(
                authorityList == null ? AuthorityList.bundled() : AuthorityList.load(authorityList),
                NameModels.ofSetting(nameModels));
        List<Path> inputs = new ArrayList<>(hipe == null ? List.of() : hipe);
        if (factRuEval != null) {
            inputs.add(factRuEval);
        }
        for (Path input : inputs) {
            boolean folder = input.equals(factRuEval);
            if (folder ? !Files.isDirectory(input) : !Files.isRegularFile(input)) {
                throw new CommandLine.ParameterException(spec.commandLine(), (folder ? "--factrueval " : "--hipe ")
                        + input + (Files.exists(input) ? (folder ? " is a file" : " is a folder") : " does not exist")
                        + (folder ? ": give FactRuEval-2016's devset or testset folder"
                                : ": give HIPE-2020 or HIPE-2022 gold TSV files (../shared/ground-truth/)"));
            }
            List<HipeCorpus.HipeDocument> documents = read(input, folder);
            if (heldOut) {
                documents = NerTrainingData.heldOut(documents);
            }
            HipeEvaluation.Scores within;
            HipeEvaluation.Scores asTei;
            try {
                within = HipeEvaluation.score(documents, annotator);
                asTei = HipeEvaluation.scoreAsTeiMarks(documents, annotator::annotate);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(input + ": " + e.getMessage()
                        + (heldOut ? " (after --held-out)" : "") + "; a score of nothing would look perfect", e);
            }
            System.out.println(input.getFileName() + " (" + documents.size() + " documents"
                    + (heldOut ? ", held out from training" : "") + ")");
            System.out.println("names within their words:");
            System.out.println(within.format());
            System.out.println("as the TEI marks them (the printed word's own rule, no model-cut words):");
            System.out.println(asTei.format());
            if (predictions != null && !folder) {
                Path out = Files.isDirectory(predictions)
                        ? predictions.resolve(input.getFileName().toString().replaceFirst("(\\.tsv)?$", "-predictions.tsv"))
                        : predictions;
                HipePredictions.write(input, annotator, out);
                System.out.println("predictions: " + out);
            }
        }
        return 0;
    }

    /** The gold documents of a file or folder; one that holds none is a bad input, said in one line. */
    private static List<HipeCorpus.HipeDocument> read(Path input, boolean factRuEval) {
        try {
            return factRuEval ? FactRuEvalCorpus.read(input) : HipeCorpus.read(input);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage() == null || !e.getMessage().contains(input.toString())
                    ? input + ": " + e.getMessage() : e.getMessage(), e);
        }
    }
}
