package org.workersarchive.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.annotate.NameModel;
import org.workersarchive.annotate.NameModels;
import org.workersarchive.annotate.NameTrainer;

/**
 * Trains the name models from {@code shared/ground-truth/ner/} ({@link NerTrainingData}) and writes
 * them where the annotate module ships them. Deterministic: one thread, files and documents in a
 * fixed order, no random numbers, so the same data gives the same bytes.
 *
 * <pre>
 * ./archive --main org.workersarchive.samples.NerTraining [--ner DIR] [--out DIR] [--languages fr,de,en,ru]
 *                                                         [--tune] [--algorithm MAXENT] [--iterations N] [--cutoff N]
 * </pre>
 * {@code --tune} trains every language without its held-out documents, writes nothing, and scores
 * each on its held-out part: how settings are chosen, never on HIPE-2020's test files.
 */
public final class NerTraining {

    /** The settings the shipped models are trained with (chosen on the held-out documents: NER-NOTES.md). */
    public static final NameTrainer.Settings SETTINGS = new NameTrainer.Settings("PERCEPTRON", 100, 1);

    private NerTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path home = Path.of(System.getProperty("archive.home", "."));
        Path ner = home.resolve("../shared/ground-truth/ner").normalize();
        Path out = home.resolve("annotate/src/main/resources/org/workersarchive/annotate/names");
        List<String> languages = NerTrainingData.languages();
        boolean tune = false;
        NameTrainer.Settings settings = SETTINGS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ner" -> ner = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--languages" -> languages = List.of(args[++i].split(","));
                case "--tune" -> tune = true;
                case "--algorithm" -> settings = new NameTrainer.Settings(args[++i], settings.iterations(), settings.cutoff());
                case "--iterations" -> settings = new NameTrainer.Settings(settings.algorithm(), Integer.parseInt(args[++i]),
                        settings.cutoff());
                case "--cutoff" -> settings = new NameTrainer.Settings(settings.algorithm(), settings.iterations(),
                        Integer.parseInt(args[++i]));
                default -> {
                    System.err.println("usage: NerTraining [--ner DIR] [--out DIR] [--languages fr,de,en,ru] [--tune]"
                            + " [--algorithm MAXENT|PERCEPTRON] [--iterations N] [--cutoff N]");
                    System.exit(2);
                }
            }
        }
        System.out.println("settings: " + settings);
        for (String language : languages) {
            NerTrainingData.Split split = NerTrainingData.read(ner, language);
            boolean withoutHeldOut = tune || NerTrainingData.shipsWithoutHeldOut(language);
            NameModel model = train(language, withoutHeldOut ? split.training() : split.all(), settings);
            if (!tune) {
                Files.createDirectories(out);
                Path file = out.resolve(Path.of(NameModels.resource(language)).getFileName());
                Files.write(file, model.toBytes());
                System.out.printf(Locale.ROOT, "%s: wrote %s (%,d bytes)%n", language, file, Files.size(file));
            }
            if (withoutHeldOut) {
                System.out.println(language + ", held-out documents (" + split.heldOut().size() + "):");
                System.out.println(score(model, split.heldOut()).format());
                List<HipeCorpus.HipeDocument> hipe2020 = NerTrainingData.read(ner, language, f -> f.contains("hipe2020"))
                        .heldOut();
                if (!hipe2020.isEmpty()) {
                    System.out.println(language + ", held-out documents of HIPE-2020 (" + hipe2020.size() + "):");
                    System.out.println(score(model, hipe2020).format());
                }
            }
        }
    }

    /** A model trained on the documents, in their order. */
    public static NameModel train(String language, List<HipeCorpus.HipeDocument> documents,
                                  NameTrainer.Settings settings) {
        List<NameTrainer.TrainingText> texts = NerTrainingData.trainingTexts(documents);
        long started = System.nanoTime();
        NameModel model = new NameTrainer(AuthorityList.bundled()).train(language, texts, settings);
        System.out.printf(Locale.ROOT, "%s: trained on %d documents in %.1f s%n", language, texts.size(),
                (System.nanoTime() - started) / 1e9);
        return model;
    }

    /** How the annotator scores on the documents with this one model for their language. */
    public static HipeEvaluation.Scores score(NameModel model, List<HipeCorpus.HipeDocument> documents) {
        DocumentAnnotator annotator = new DocumentAnnotator(AuthorityList.bundled(), NameModels.of(List.of(model)));
        return HipeEvaluation.score(new ArrayList<>(documents), annotator);
    }
}
