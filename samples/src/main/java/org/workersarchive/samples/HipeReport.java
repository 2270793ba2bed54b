package org.workersarchive.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.workersarchive.annotate.AuthorityList;
import org.workersarchive.annotate.DocumentAnnotator;
import org.workersarchive.annotate.NameModels;

/**
 * Scores the annotator on HIPE-2020 or HIPE-2022 gold files ({@code ./archive evaluate --hipe}
 * does the same through the command line), twice: each name within the bounds the annotator
 * knows ({@link DocumentAnnotator#annotateWithBounds}: its name model's own where it cut a word OCR
 * glued), and as the TEI marks them (each name within its words by the printed word's own rule).
 * {@code --no-models} scores the annotator as it was before the name models: the authority list,
 * dates and the signs of unknown names.
 *
 * {@code --predictions DIR} also writes each file's predictions there ({@link HipePredictions}).
 *
 * <pre>./archive --main org.workersarchive.samples.HipeReport [--no-models] [--predictions DIR] FILE.tsv...</pre>
 */
public final class HipeReport {

    private HipeReport() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        NameModels models = NameModels.bundled();
        Path predictions = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--no-models")) {
                models = NameModels.none();
            } else if (args[i].equals("--predictions") && i + 1 < args.length) {
                predictions = Path.of(args[++i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: HipeReport [--no-models] FILE.tsv...");
            System.exit(2);
        }
        DocumentAnnotator annotator = new DocumentAnnotator(AuthorityList.bundled(), models);
        for (Path file : files) {
            List<HipeCorpus.HipeDocument> documents = HipeCorpus.read(file);
            long started = System.nanoTime();
            HipeEvaluation.Scores within = HipeEvaluation.score(documents, annotator);
            double seconds = (System.nanoTime() - started) / 1e9;
            HipeEvaluation.Scores asTei = HipeEvaluation.scoreAsTeiMarks(documents, annotator::annotate);
            System.out.printf("%s (%d documents, annotated in %.1f s)%n", file.getFileName(), documents.size(), seconds);
            System.out.println("names within their words:");
            System.out.println(within.format());
            System.out.println("as the TEI marks them:");
            System.out.println(asTei.format());
            if (predictions != null) {
                Path out = predictions.resolve(file.getFileName().toString().replace(".tsv", "-predictions.tsv"));
                HipePredictions.write(file, annotator, out);
                System.out.println("predictions: " + out);
            }
        }
    }
}
