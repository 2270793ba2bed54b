package org.workersarchive.pipeline.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.workersarchive.annotate.NameTrainer;
import org.workersarchive.samples.NerTraining;
import org.workersarchive.samples.NerTrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train-ner", mixinStandardHelpOptions = true,
        description = {"Trains the name models (persons, places, organisations, works, dates) from the annotated "
                + "newspapers and books in ../shared/ground-truth/ner (HIPE-2022 files, FactRuEval-2016) and writes "
                + "them where the annotate module ships them. Deterministic: the same data and settings give the same "
                + "bytes (one thread, fixed order, no random numbers). All four take some 4 minutes.",
                "HIPE-2020's test files are never read. Models trained on HIPE data inherit its licence, "
                + "CC BY-NC-SA 4.0 (see the NOTICE beside the models, in annotate's resources, names/).",
                "Rebuild the project afterwards (./archive does when the sources are newer) to ship them."},
        footer = {"", "Examples:", "  ./archive train-ner",
                "  ./archive train-ner --languages fr --tune      (scores on the held-out fifth; writes nothing)",
                "  ./archive train-ner --out /tmp/models          (then archive.name-models=/tmp/models)"})
final class TrainNerCommand implements Callable<Integer> {

    @Option(names = "--ner", paramLabel = "DIR",
            description = "The training data folder (default: ../shared/ground-truth/ner beside the project).")
    Path ner;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the models are written (default: annotate's resources, names/).")
    Path out;

    @Option(names = "--languages", paramLabel = "fr,de,en,ru", split = ",",
            description = "The models to train (default: all four).")
    List<String> languages;

    @Option(names = "--tune",
            description = "Train each without its held-out documents (every fifth) and score it on them; writes nothing.")
    boolean tune;

    @Option(names = "--algorithm", paramLabel = "NAME", defaultValue = "PERCEPTRON",
            description = "OpenNLP's trainer: PERCEPTRON or MAXENT (default: ${DEFAULT-VALUE}, as the shipped models).")
    String algorithm;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "100",
            description = "Training iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--cutoff", paramLabel = "N", defaultValue = "1",
            description = "Features seen fewer times than this are dropped (default: ${DEFAULT-VALUE}).")
    int cutoff;

    @Override
    public Integer call() throws Exception {
        NerTraining.Options defaults = NerTraining.Options.defaults(Path.of(System.getProperty("archive.home", ".")));
        NerTraining.run(new NerTraining.Options(ner == null ? defaults.ner() : ner, out == null ? defaults.out() : out,
                languages == null ? NerTrainingData.languages() : languages, tune,
                new NameTrainer.Settings(algorithm, iterations, cutoff)));
        return 0;
    }
}
