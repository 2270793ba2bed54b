package org.workersarchive.annotate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.workersarchive.core.Annotation;
import org.workersarchive.core.Block;
import org.workersarchive.core.Document;
import org.workersarchive.core.Page;
import org.workersarchive.core.ProcessingStep;

/**
 * The annotate stage: names of the authority list and dates, as stand-off annotations over the
 * document's words, each within one block. Replaces any annotations the document had. Thread-safe.
 */
public final class DocumentAnnotator {

    static final String NAME = "archive-annotator";
    private static final String VERSION = "1.0";

    private final AuthorityList list;
    private final AuthorityAnnotator names;
    private final DateRecognizer dates = new DateRecognizer();

    public DocumentAnnotator(AuthorityList list) {
        this.list = list;
        this.names = new AuthorityAnnotator(list);
    }

    public Document annotate(Document document) {
        Instant started = Instant.now();
        List<Annotation> annotations = new ArrayList<>();
        for (Page page : document.pages()) {
            for (Block block : page.blocks()) {
                annotateBlock(block, annotations);
            }
        }
        ProcessingStep step = new ProcessingStep("annotate", "Archive annotator (authority list and dates)", VERSION,
                Map.of("authorityEntries", String.valueOf(list.entries().size()),
                        "annotations", String.valueOf(annotations.size())),
                Duration.between(started, Instant.now()));
        return document.withAnnotations(annotations).withStep(step);
    }

    private void annotateBlock(Block block, List<Annotation> annotations) {
        List<Token> tokens = Token.of(block);
        List<TokenMatch> matches = new ArrayList<>(names.find(tokens));
        boolean[] taken = new boolean[tokens.size()];
        matches.forEach(m -> java.util.Arrays.fill(taken, m.start(), m.end(), true));
        matches.addAll(dates.find(tokens, taken));
        matches.sort(java.util.Comparator.comparingInt(TokenMatch::start));
        for (TokenMatch match : matches) {
            List<String> wordIds = tokens.subList(match.start(), match.end()).stream()
                    .flatMap(t -> t.wordIds().stream()).toList();
            annotations.add(new Annotation("e" + (annotations.size() + 1), match.type(), wordIds, match.key(),
                    match.value(), match.confidence(), NAME));
        }
    }
}
