package org.workersarchive.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.workersarchive.core.Block;
import org.workersarchive.core.Document;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.Word;

/**
 * Puts a corrected page (a PAGE or ALTO file from Transkribus, eScriptorium, or edited by hand) in
 * place of a page of a document read back from the archive. A word whose text is not the one the
 * archive had under its id counts as read by a person: confidence {@value CorrectedPage#CHECKED},
 * so that the TEI no longer marks it unclear. The document's entities are dropped: they are made
 * again from the corrected text. Stateless.
 */
public final class Corrections {

    private Corrections() {
    }

    /**
     * What a correction did.
     *
     * @param document     the document with the page corrected, without entities
     * @param wordsChanged how many of the page's words the archive did not have (new or changed)
     * @param examples     up to five of them, "old → new" where the archive had a word of that id
     */
    public record Applied(Document document, int wordsChanged, List<String> examples) {
        public Applied {
            examples = List.copyOf(examples);
        }
    }

    /** @param pageNumber the page of the document the corrected file is of */
    public static Applied apply(Document archived, CorrectedPage corrected, int pageNumber) {
        if (pageNumber < 1 || pageNumber > archived.pages().size()) {
            throw new IllegalArgumentException(corrected.file() + " is of page " + pageNumber + ", but document "
                    + archived.id() + " has " + archived.pages().size() + " page(s)");
        }
        Page page = archived.pages().get(pageNumber - 1);
        Map<String, String> wordsBefore = page.words().collect(Collectors.toMap(Word::id, Word::text));
        Map<String, String> linesBefore = page.lines().collect(Collectors.toMap(Line::id, Line::text));
        List<Block> blocks = corrected.blocks(pageNumber, page.image(), "p" + pageNumber + "_", linesBefore);
        List<String> examples = new ArrayList<>();
        Map<String, Integer> oldTexts = new HashMap<>();
        wordsBefore.values().forEach(text -> oldTexts.merge(text, 1, Integer::sum));
        int[] changed = {0};
        List<Block> checked = blocks.stream().map(block -> new Block(block.id(), block.box(), block.lines().stream()
                .map(line -> new Line(line.id(), line.box(), line.words().stream().map(word -> {
                    String before = wordsBefore.get(word.id());
                    if (word.text().equals(before)) {
                        return word;
                    }
                    if (oldTexts.merge(word.text(), -1, Integer::sum) < 0) {
                        changed[0]++;
                        if (examples.size() < 5) {
                            examples.add((before == null ? "" : before + " → ") + word.text());
                        }
                    }
                    return new Word(word.id(), word.text(), word.box(), CorrectedPage.CHECKED);
                }).toList())).toList())).toList();
        Page correctedPage = page.withText(page.textOrigin(), page.languages(), checked);
        Document document = archived.withAnnotations(List.of()).withPage(correctedPage);
        return new Applied(document, changed[0], examples);
    }
}
