package org.workersarchive.annotate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.util.Span;
import org.workersarchive.core.EntityType;

/**
 * A trained name recogniser for one language: an OpenNLP perceptron (or maxent) model over
 * {@link NamePieces} with {@link NameFeatures}, decoded by a beam search under the BIO rules (a
 * name continues only a name of its type). The model is OpenNLP's own, but neither its name
 * finder's packaging (which windows all added features eight pieces either way: some 350 features
 * a piece, and a model that learned its training data by heart) nor its beam search (whose
 * sequences copy all their labels at every step, so that a block of a thousand words took a
 * million copies). Stored in a
 * format of our own, the parameters as OpenNLP writes them behind a short header (language,
 * feature version), gzipped without a time stamp, so that the same training gives the same bytes
 * (OpenNLP's model zip records the time it was made). Immutable; thread-safe.
 */
public final class NameModel {

    /** Sequences kept in the beam: OpenNLP's default for its name finder. */
    static final int BEAM = 3;
    private static final String MAGIC = "archive-name-model";
    private static final int FORMAT = 1;
    private static final BioCodec CODEC = new BioCodec();

    /** A name the model found: pieces {@code start} to {@code end} (exclusive), and how sure it is (0-1). */
    record Found(EntityType type, int start, int end, double probability) {
    }

    private final String language;
    private final AbstractModel parameters;
    private final NameScores scores;
    private final String[] labels;
    private final String digest;

    NameModel(String language, AbstractModel parameters) {
        this.language = language;
        this.parameters = parameters;
        this.scores = new NameScores(parameters);
        this.labels = scores.labels();
        this.digest = sha256(toBytes()).substring(0, 12);
    }

    /**
     * The first 12 hex digits of the SHA-256 of its stored form: which model read a text, as the
     * provenance names Tesseract's models.
     */
    public String digest() {
        return digest;
    }

    /** The ISO 639-1 code of the language it was trained for (fr, de, en, ru). */
    public String language() {
        return language;
    }

    /**
     * The names among the pieces, given their features ({@link NameFeatures#of}); a name's
     * probability is the mean of its pieces' label probabilities in the best sequence.
     */
    List<Found> find(String[] pieces, String[][] features) {
        if (pieces.length == 0) {
            return List.of();
        }
        Hypothesis best = decode(features);
        double[] probabilities = new double[pieces.length];
        String[] labels = new String[pieces.length];
        for (Hypothesis h = best; h.previous() != null; h = h.previous()) {
            labels[h.position()] = h.label();
            probabilities[h.position()] = h.probability();
        }
        List<Found> found = new ArrayList<>();
        for (Span span : CODEC.decode(List.of(labels))) {
            double sum = 0;
            for (int i = span.getStart(); i < span.getEnd(); i++) {
                sum += probabilities[i];
            }
            found.add(new Found(EntityType.valueOf(span.getType()), span.getStart(), span.getEnd(),
                    sum / span.length()));
        }
        return found;
    }

    /** One labelling of the pieces up to {@code position}, as a chain back to the start. */
    private record Hypothesis(Hypothesis previous, int position, String label, double probability, double score) {

        String labelBefore(int steps) {
            Hypothesis h = this;
            for (int i = 0; i < steps && h != null; i++) {
                h = h.previous();
            }
            return h == null || h.previous() == null ? "^" : h.label();
        }
    }

    /** The likeliest labelling that {@link #BEAM} hypotheses kept at each piece lead to. */
    private Hypothesis decode(String[][] features) {
        List<Hypothesis> beam = List.of(new Hypothesis(null, -1, "^", 1, 0));
        for (int i = 0; i < features.length; i++) {
            double[] own = scores.scores(features[i]);
            List<Hypothesis> next = new ArrayList<>(BEAM * labels.length);
            for (Hypothesis h : beam) {
                double[] p = own.clone();
                for (String prior : NameFeatures.prior(features[i], h.labelBefore(0), h.labelBefore(1))) {
                    scores.add(p, prior);
                }
                NameScores.probabilities(p, NameScores.TEMPERATURE);
                for (int o = 0; o < labels.length; o++) {
                    if (follows(labels[o], h.label())) {
                        next.add(new Hypothesis(h, i, labels[o], p[o], h.score() + Math.log(p[o])));
                    }
                }
            }
            next.sort(java.util.Comparator.comparingDouble(Hypothesis::score).reversed());
            beam = next.subList(0, Math.min(BEAM, next.size()));
        }
        return beam.get(0);
    }

    /** BIO: a name's continuation follows only its start or continuation. */
    private static boolean follows(String label, String previous) {
        if (!label.endsWith(BioCodec.CONTINUE)) {
            return true;
        }
        String type = label.substring(0, label.length() - BioCodec.CONTINUE.length());
        return previous.equals(type + BioCodec.START) || previous.equals(label);
    }

    /** The BIO labels a sequence of names gives its pieces, as the model's outcomes are named. */
    static String[] labels(Span[] names, int length) {
        return CODEC.encode(names, length);
    }

    /** The model in its stored form: the same parameters always give the same bytes. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(language);
            out.writeUTF(NameFeatures.VERSION);
            new GenericModelWriter(parameters, out).persist();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a model written by {@link #toBytes()}. The stream is consumed but not closed.
     *
     * @throws IllegalArgumentException when it is no such model, or one trained with other features
     */
    public static NameModel read(InputStream stored, String name) throws IOException {
        DataInputStream in;
        try {
            in = new DataInputStream(new GZIPInputStream(stored));
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT) {
                throw new IllegalArgumentException(name + " is not a name model of this archive pipeline");
            }
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new IllegalArgumentException(name + " is not a name model of this archive pipeline", e);
        }
        String language = in.readUTF();
        String features = in.readUTF();
        if (!NameFeatures.VERSION.equals(features)) {
            throw new IllegalArgumentException(name + " was trained with features version " + features
                    + ", this annotator computes version " + NameFeatures.VERSION + ": train it again (docs/ner-notes.md)");
        }
        AbstractModel parameters = new GenericModelReader(new BinaryFileDataReader(in)).getModel();
        return new NameModel(language, parameters);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static NameModel read(byte[] bytes) {
        try {
            return read(new ByteArrayInputStream(bytes), "a name model");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
