package org.workersarchive.annotate;

import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * A trained model's raw label scores (the sum of its features' weights, one per label), and the
 * probabilities they stand for. OpenNLP's perceptron divides its scores by the largest before its
 * softmax, so its "probabilities" never pass about 0.45 whatever the evidence: no confidence for
 * {@code @cert}. Here the scores are divided by a temperature measured on held-out documents
 * instead ({@link #TEMPERATURE}), so that a name's probability says how often such names are right.
 * The scores of a piece's own features are summed once, and only the two labels before it added
 * for each hypothesis of the beam. Immutable; thread-safe.
 */
final class NameScores {

    /**
     * What the perceptron's scores are divided by: the value that made held-out French and German
     * pieces likeliest under their gold labels (docs/ner-notes.md).
     */
    static final double TEMPERATURE = 6.0;

    /** Each feature's weights, by label (OpenNLP 2's model holds them so). */
    private final Map<String, Context> features;
    private final String[] labels;

    @SuppressWarnings("unchecked")
    NameScores(AbstractModel model) {
        Object[] structures = model.getDataStructures();
        this.features = (Map<String, Context>) structures[1];
        this.labels = (String[]) structures[2];
    }

    String[] labels() {
        return labels.clone();
    }

    int labelCount() {
        return labels.length;
    }

    /** The summed weights of the features, one score per label. */
    double[] scores(String[] pieceFeatures) {
        double[] scores = new double[labels.length];
        for (String feature : pieceFeatures) {
            add(scores, feature);
        }
        return scores;
    }

    /** Adds one feature's weights to the scores. */
    void add(double[] scores, String feature) {
        Context weight = features.get(feature);
        if (weight != null) {
            int[] outcomes = weight.getOutcomes();
            double[] parameters = weight.getParameters();
            for (int j = 0; j < outcomes.length; j++) {
                scores[outcomes[j]] += parameters[j];
            }
        }
    }

    /** The probabilities the scores stand for: a softmax at {@link #TEMPERATURE}. In place. */
    static double[] probabilities(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.exp((scores[i] - max) / temperature);
            sum += scores[i];
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= sum;
        }
        return scores;
    }
}
