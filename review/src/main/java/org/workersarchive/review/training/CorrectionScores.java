package org.workersarchive.review.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workersarchive.samples.TextMetrics;

/**
 * How well the pipeline read, measured against what people corrected: CER and WER of the OCR
 * against the lines of the pages checked whole (all their lines are known right: an unbiased
 * measure of those pages), and, apart, of the lines people corrected anywhere (only lines that were
 * wrong: the errors people found, not a rate of the archive). Immutable.
 */
public final class CorrectionScores {

    /** Character and word edits over the truth's characters and words, of a set of lines. */
    public record Score(int lines, int charEdits, int characters, int wordEdits, int words) {
        Score plus(GroundTruthLine line) {
            return new Score(lines + 1, charEdits + TextMetrics.charEdits(line.truth(), line.ocr()),
                    characters + line.truth().replaceAll("\\s+", " ").strip().length(),
                    wordEdits + TextMetrics.wordEdits(line.truth(), line.ocr()),
                    words + line.truth().strip().split("\\s+").length);
        }

        public double cer() {
            return characters == 0 ? 0 : (double) charEdits / characters;
        }

        public double wer() {
            return words == 0 ? 0 : (double) wordEdits / words;
        }
    }

    private static final Score NONE = new Score(0, 0, 0, 0, 0);

    private final Map<String, Score> checkedByDocument = new LinkedHashMap<>();
    private Score checked = NONE;
    private Score corrected = NONE;

    public CorrectionScores(List<GroundTruthLine> lines) {
        for (GroundTruthLine line : lines) {
            if (line.corrected()) {
                corrected = corrected.plus(line);
            }
            if (line.pageChecked()) {
                checked = checked.plus(line);
                checkedByDocument.put(line.documentId(), checkedByDocument.getOrDefault(line.documentId(), NONE).plus(line));
            }
        }
    }

    public Score checkedPages() {
        return checked;
    }

    public Score correctedLines() {
        return corrected;
    }

    /** The scores as a table a person reads. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-60s %6s %8s %8s%n", "pages checked whole, by document", "lines", "CER",
                "WER"));
        checkedByDocument.forEach((id, score) -> out.append(line(id, score)));
        out.append(line("all pages checked whole", checked));
        out.append(line("lines corrected anywhere (errors found)", corrected));
        if (checked.lines() == 0) {
            out.append("No page has been checked whole yet: mark pages so in the review server to measure the OCR.")
                    .append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String line(String label, Score score) {
        return String.format(Locale.ROOT, "%-60s %6d %7.2f%% %7.2f%%%n", label, score.lines(), 100 * score.cer(),
                100 * score.wer());
    }
}
