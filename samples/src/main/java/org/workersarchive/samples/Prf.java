package org.workersarchive.samples;

/**
 * Precision, recall and F1 from counts.
 *
 * @param truePositives  found and in the truth
 * @param falsePositives found, not in the truth
 * @param falseNegatives in the truth, not found
 */
public record Prf(int truePositives, int falsePositives, int falseNegatives) {

    public Prf plus(Prf other) {
        return new Prf(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }

    /** 1 when nothing was found and nothing was to be found. */
    public double precision() {
        int found = truePositives + falsePositives;
        return found == 0 ? (falseNegatives == 0 ? 1 : 0) : (double) truePositives / found;
    }

    public double recall() {
        int expected = truePositives + falseNegatives;
        return expected == 0 ? 1 : (double) truePositives / expected;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format("P %.3f R %.3f F1 %.3f (tp %d, fp %d, fn %d)", precision(), recall(), f1(),
                truePositives, falsePositives, falseNegatives);
    }
}
