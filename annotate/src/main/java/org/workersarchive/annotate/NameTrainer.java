package org.workersarchive.annotate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import org.workersarchive.core.Block;
import org.workersarchive.core.EntityType;

/**
 * Trains a {@link NameModel} from texts with gold names. Deterministic: the same texts in the same
 * order with the same settings give the same model, byte for byte (one training thread; OpenNLP's
 * trainers draw no random numbers). The authority list given is the one whose findings become
 * features ({@link NameFeatures}); the annotator may later run with another. Thread-safe.
 */
public final class NameTrainer {

    /**
     * A gold name, by where it starts and ends among a block's words (their positions in reading
     * order) and characters in those words: "Allemagne" in the word "l'Allemagne" starts at 2.
     *
     * @param endOffset where it ends in its last word, exclusive
     */
    public record GoldName(EntityType type, int firstWord, int firstOffset, int lastWord, int endOffset) {

        public GoldName {
            Objects.requireNonNull(type, "type");
            if (lastWord < firstWord || lastWord == firstWord && endOffset <= firstOffset) {
                throw new IllegalArgumentException("an empty gold name: " + this);
            }
        }

        boolean covers(NamePieces.Piece piece) {
            boolean afterStart = piece.word() > firstWord || piece.word() == firstWord && piece.offset() >= firstOffset;
            boolean beforeEnd = piece.word() < lastWord || piece.word() == lastWord && piece.offset() < endOffset;
            return afterStart && beforeEnd;
        }
    }

    /** One block of text and its gold names. */
    public record TrainingText(String id, Block block, List<GoldName> names) {

        public TrainingText {
            Objects.requireNonNull(block, "block");
            names = List.copyOf(names);
        }
    }

    /**
     * How to train.
     *
     * @param algorithm  OpenNLP's MAXENT (GIS), MAXENT_QN (L-BFGS) or PERCEPTRON
     * @param iterations passes over the data
     * @param cutoff     features seen fewer times than this are left out
     */
    public record Settings(String algorithm, int iterations, int cutoff) {

        public Settings {
            if (!List.of("PERCEPTRON", "MAXENT", "MAXENT_QN").contains(algorithm)) {
                throw new IllegalArgumentException("no such trainer: " + algorithm + " (PERCEPTRON, MAXENT or MAXENT_QN)");
            }
            if (iterations < 1 || cutoff < 0) {
                throw new IllegalArgumentException("iterations must be at least 1 and the cutoff not negative: "
                        + iterations + ", " + cutoff);
            }
        }
    }

    private final AuthorityAnnotator names;
    private final DateRecognizer dates = new DateRecognizer();

    public NameTrainer(AuthorityList list) {
        this.names = new AuthorityAnnotator(list);
    }

    /** A model for {@code language} (ISO 639-1) from the texts, in their order. */
    public NameModel train(String language, List<TrainingText> texts, Settings settings) {
        List<Event> events = new ArrayList<>();
        for (TrainingText text : texts) {
            events.addAll(events(text));
        }
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm());
        parameters.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        parameters.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        EventTrainer trainer = TrainerFactory.getEventTrainer(parameters, new HashMap<>());
        try {
            AbstractModel model = (AbstractModel) trainer.train(ObjectStreamUtils.createObjectStream(events));
            return new NameModel(language, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One training event a piece: its gold label, and its features with the gold labels before it. */
    List<Event> events(TrainingText text) {
        Labelled labelled = labelled(text);
        String[] labels = NameModel.labels(labelled.names(), labelled.pieces().length);
        List<Event> events = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            events.add(new Event(labels[i], NameFeatures.withPrior(labelled.features()[i], i > 0 ? labels[i - 1] : "^",
                    i > 1 ? labels[i - 2] : "^")));
        }
        return events;
    }

    /** A text's pieces, their features, and its gold names over them. */
    record Labelled(String[] pieces, String[][] features, Span[] names) {
    }

    /** A text as the model reads it, with its gold names over its pieces. */
    Labelled labelled(TrainingText text) {
        List<Token> tokens = Token.of(text.block());
        NameRecognizer.Reading reading = NameRecognizer.read(text.block(), tokens,
                KnownNames.in(tokens, names, dates).all());
        List<NamePieces.Piece> pieces = reading.pieces().pieces();
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < pieces.size()) {
            GoldName gold = goldOf(text.names(), pieces.get(i));
            int end = i + 1;
            while (gold != null && end < pieces.size() && goldOf(text.names(), pieces.get(end)) == gold) {
                end++;
            }
            if (gold != null) {
                spans.add(new Span(i, end, gold.type().name()));
            }
            i = end;
        }
        return new Labelled(reading.pieces().texts(), reading.features(), spans.toArray(Span[]::new));
    }

    private static GoldName goldOf(List<GoldName> names, NamePieces.Piece piece) {
        for (GoldName name : names) {
            if (name.covers(piece)) {
                return name;
            }
        }
        return null;
    }
}
