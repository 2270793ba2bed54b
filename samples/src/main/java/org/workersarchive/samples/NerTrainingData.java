package org.workersarchive.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.workersarchive.annotate.NameTrainer;
import org.workersarchive.core.Block;

/**
 * The gold data each language's name model is trained from, in {@code shared/ground-truth/ner/}
 * (see its SOURCE.txt), in a fixed order, and how it is split: every fifth document of each file
 * (the 5th, 10th, …) is held out. French and German models ship trained on all of it, as they are
 * measured on HIPE-2020's test files, which none of it comes from; held out, it serves to choose
 * the settings. English and Russian have no other gold data here, so their models ship trained
 * without the held-out part, on which they are measured.
 */
public final class NerTrainingData {

    /** The files of each language, in training order. HIPE-2020's test files are never among them. */
    static final Map<String, List<String>> FILES = Map.of(
            "fr", List.of("hipe2022/HIPE-2022-v2.1-hipe2020-dev-fr.tsv", "hipe2022/HIPE-2022-v2.1-letemps-dev-fr.tsv",
                    "hipe2022/HIPE-2022-v2.1-newseye-dev-fr.tsv", "hipe2022/HIPE-2022-v2.1-newseye-dev2-fr.tsv"),
            "de", List.of("hipe2022/HIPE-2022-v2.1-hipe2020-train-de.tsv", "hipe2022/HIPE-2022-v2.1-hipe2020-dev-de.tsv",
                    "hipe2022/HIPE-2022-v2.1-newseye-dev-de.tsv", "hipe2022/HIPE-2022-v2.1-newseye-dev2-de.tsv",
                    "hipe2022/HIPE-2022-v2.1-sonar-dev-de.tsv"),
            "en", List.of("hipe2022/HIPE-2022-v2.1-hipe2020-dev-en.tsv"),
            "ru", List.of("factrueval/devset"));
    /** One document in this many is held out. */
    static final int HELD_OUT_EVERY = 5;

    /** A language's documents, split. */
    public record Split(List<HipeCorpus.HipeDocument> training, List<HipeCorpus.HipeDocument> heldOut) {

        public List<HipeCorpus.HipeDocument> all() {
            List<HipeCorpus.HipeDocument> all = new ArrayList<>(training);
            all.addAll(heldOut);
            return all;
        }
    }

    private NerTrainingData() {
    }

    /** The languages there are models for. */
    public static List<String> languages() {
        return List.of("fr", "de", "en", "ru");
    }

    /** True when the shipped model of this language is trained without its held-out documents. */
    public static boolean shipsWithoutHeldOut(String language) {
        return language.equals("en") || language.equals("ru");
    }

    /** A language's documents from the {@code ner/} folder, every file split alike. */
    public static Split read(Path nerFolder, String language) throws IOException {
        return read(nerFolder, language, file -> true);
    }

    /** As {@link #read(Path, String)}, of the files whose names pass {@code files} only. */
    public static Split read(Path nerFolder, String language, Predicate<String> files)
            throws IOException {
        List<HipeCorpus.HipeDocument> training = new ArrayList<>();
        List<HipeCorpus.HipeDocument> heldOut = new ArrayList<>();
        for (String file : FILES.get(language).stream().filter(files).toList()) {
            if (file.contains("-test-")) {
                throw new IllegalStateException("a test file among the training files: " + file);
            }
            Path path = nerFolder.resolve(file);
            List<HipeCorpus.HipeDocument> documents = file.startsWith("factrueval")
                    ? FactRuEvalCorpus.read(path) : HipeCorpus.read(path);
            for (int i = 0; i < documents.size(); i++) {
                (isHeldOut(i) ? heldOut : training).add(documents.get(i));
            }
        }
        return new Split(training, heldOut);
    }

    /**
     * The documents of one file (or FactRuEval's folder) that the models were not trained on: the
     * 5th, the 10th… in the file's order, as {@link #read} holds them out.
     */
    public static List<HipeCorpus.HipeDocument> heldOut(List<HipeCorpus.HipeDocument> documents) {
        List<HipeCorpus.HipeDocument> heldOut = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (isHeldOut(i)) {
                heldOut.add(documents.get(i));
            }
        }
        return heldOut;
    }

    private static boolean isHeldOut(int index) {
        return index % HELD_OUT_EVERY == HELD_OUT_EVERY - 1;
    }

    /** The documents that have text, as the trainer takes them, in the same order. */
    public static List<NameTrainer.TrainingText> trainingTexts(List<HipeCorpus.HipeDocument> documents) {
        return documents.stream().filter(d -> !d.document().pages().get(0).blocks().isEmpty())
                .map(NerTrainingData::trainingText).toList();
    }

    /** A document as the trainer takes it: its one block, its gold names by word and character. */
    static NameTrainer.TrainingText trainingText(HipeCorpus.HipeDocument hipe) {
        Block block = hipe.document().pages().get(0).blocks().get(0);
        int[] wordOf = new int[hipe.tokens().size()];
        int[] offsetOf = new int[hipe.tokens().size()];
        for (int w = 0; w < hipe.wordTokens().size(); w++) {
            int offset = 0;
            for (int t = hipe.wordTokens().get(w)[0]; t <= hipe.wordTokens().get(w)[1]; t++) {
                wordOf[t] = w;
                offsetOf[t] = offset;
                offset += hipe.tokens().get(t).length();
            }
        }
        List<NameTrainer.GoldName> names = new ArrayList<>();
        for (HipeCorpus.Span span : hipe.gold()) {
            int last = span.end() - 1;
            names.add(new NameTrainer.GoldName(span.type(), wordOf[span.start()], offsetOf[span.start()], wordOf[last],
                    offsetOf[last] + hipe.tokens().get(last).length()));
        }
        return new NameTrainer.TrainingText(hipe.id(), block, names);
    }
}
