package org.workersarchive.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /** The settings the shipped models are trained with (chosen on the held-out documents: docs/ner-notes.md). */
    public static final NameTrainer.Settings SETTINGS = new NameTrainer.Settings("PERCEPTRON", 100, 1);

    private NerTraining() {
    }

    /**
     * What to train and where to write it.
     *
     * @param ner       the {@code shared/ground-truth/ner} folder
     * @param out       where the models are written ({@code fr.model.gz}…); nothing is written with {@code tune}
     * @param languages ISO 639-1 codes of the models to train, among {@link NerTrainingData#languages()}
     * @param tune      train each without its held-out documents and score it on them, writing nothing
     * @param settings  the trainer's settings
     */
    public record Options(Path ner, Path out, List<String> languages, boolean tune, NameTrainer.Settings settings) {

        public Options {
            languages = List.copyOf(languages);
            for (String language : languages) {
                if (!NerTrainingData.languages().contains(language)) {
                    throw new IllegalArgumentException("no training data for the language \"" + language + "\": name "
                            + String.join(", ", NerTrainingData.languages()));
                }
            }
            if (!Files.isDirectory(ner)) {
                throw new IllegalArgumentException("not a folder of training data: " + ner);
            }
        }

        /** The shipped models' data and settings, from the project's folder. */
        public static Options defaults(Path home) {
            return new Options(home.resolve("../shared/ground-truth/ner").normalize(),
                    home.resolve("annotate/src/main/resources/org/workersarchive/annotate/names"),
                    NerTrainingData.languages(), false, SETTINGS);
        }
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.defaults(Path.of(System.getProperty("archive.home", ".")));
        Path ner = options.ner();
        Path out = options.out();
        List<String> languages = options.languages();
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
        run(new Options(ner, out, languages, tune, settings));
    }

    /**
     * Trains the models the options ask for, writes each (under a temporary name, then renamed) and
     * prints, for the models trained without their held-out documents, their scores on them.
     */
    public static void run(Options options) throws IOException {
        System.out.println("settings: " + options.settings());
        for (String language : options.languages()) {
            NerTrainingData.Split split = NerTrainingData.read(options.ner(), language);
            boolean withoutHeldOut = options.tune() || NerTrainingData.shipsWithoutHeldOut(language);
            NameModel model = train(language, withoutHeldOut ? split.training() : split.all(), options.settings());
            if (!options.tune()) {
                Files.createDirectories(options.out());
                Path file = options.out().resolve(Path.of(NameModels.resource(language)).getFileName());
                Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
                Files.write(partial, model.toBytes());
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                System.out.printf(Locale.ROOT, "%s: wrote %s (%,d bytes, sha256 %s)%n", language, file, Files.size(file),
                        model.digest());
            }
            if (withoutHeldOut) {
                System.out.println(language + ", held-out documents (" + split.heldOut().size() + "):");
                System.out.println(score(model, split.heldOut()).format());
                List<HipeCorpus.HipeDocument> hipe2020 = NerTrainingData.read(options.ner(), language,
                        f -> f.contains("hipe2020")).heldOut();
                if (!hipe2020.isEmpty() && hipe2020.size() != split.heldOut().size()) {
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
