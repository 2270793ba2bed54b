package org.workersarchive.samples;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.workersarchive.core.EntityType;

/**
 * The measures of an archive against its ground truth.
 *
 * @param documents  one score per truth file
 * @param entities   entity scores per type, pooled over documents
 * @param overall    entity scores over all types
 * @param overallCer all character edits / all truth characters
 * @param overallWer all word edits / all truth words
 */
public record EvaluationReport(List<DocumentScore> documents, Map<EntityType, Prf> entities, Prf overall,
                               double overallCer, double overallWer) {

    public EvaluationReport {
        documents = List.copyOf(documents);
        entities = Map.copyOf(entities);
    }

    static EvaluationReport of(List<DocumentScore> documents) {
        Map<EntityType, Prf> pooled = new EnumMap<>(EntityType.class);
        Prf overall = new Prf(0, 0, 0);
        long charEdits = 0;
        long chars = 0;
        long wordEdits = 0;
        long words = 0;
        for (DocumentScore document : documents) {
            document.entities().forEach((type, prf) -> pooled.merge(type, prf, Prf::plus));
            overall = document.entities().values().stream().reduce(overall, Prf::plus);
            charEdits += document.charEdits();
            chars += document.truthChars();
            wordEdits += document.wordEdits();
            words += document.truthWords();
        }
        return new EvaluationReport(documents, pooled, overall, chars == 0 ? 0 : (double) charEdits / chars,
                words == 0 ? 0 : (double) wordEdits / words);
    }

    /** A table for people: per document CER and WER, then entity scores per type. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-48s %7s %7s%n", "document", "CER", "WER"));
        for (DocumentScore document : documents) {
            out.append(String.format("%-48s %6.2f%% %6.2f%%%s%n", document.file(), 100 * document.cer(),
                    100 * document.wer(), document.documentId() == null ? "  (not in the archive)" : ""));
        }
        out.append(String.format("%-48s %6.2f%% %6.2f%%%n%n", "all", 100 * overallCer, 100 * overallWer));
        out.append(String.format("%-14s %9s %9s %9s %5s %5s %5s%n", "entities", "precision", "recall", "F1",
                "tp", "fp", "fn"));
        for (EntityType type : EntityType.values()) {
            appendScores(out, type.name().toLowerCase(), entities.getOrDefault(type, new Prf(0, 0, 0)));
        }
        appendScores(out, "all", overall);
        return out.toString();
    }

    private static void appendScores(StringBuilder out, String label, Prf scores) {
        out.append(String.format("%-14s %9.3f %9.3f %9.3f %5d %5d %5d%n", label, scores.precision(), scores.recall(),
                scores.f1(), scores.truePositives(), scores.falsePositives(), scores.falseNegatives()));
    }
}
