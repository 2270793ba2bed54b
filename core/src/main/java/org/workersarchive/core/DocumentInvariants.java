package org.workersarchive.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that hold after every stage: ids unique, boxes inside their page image, annotations
 * pointing at existing consecutive words of one block. Tests run it after each stage.
 */
public final class DocumentInvariants {

    private DocumentInvariants() {
    }

    /** Every broken invariant, as a sentence; empty when the document is sound. */
    public static List<String> violations(Document document) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, String> blockOfWord = new HashMap<>();
        List<String> wordOrder = new ArrayList<>();
        for (Page page : document.pages()) {
            PageImage image = page.image();
            for (Block block : page.blocks()) {
                checkPart(block.id(), block.box(), image, ids, problems);
                for (Line line : block.lines()) {
                    checkPart(line.id(), line.box(), image, ids, problems);
                    for (Word word : line.words()) {
                        checkPart(word.id(), word.box(), image, ids, problems);
                        blockOfWord.put(word.id(), block.id());
                        wordOrder.add(word.id());
                    }
                }
            }
        }
        checkAnnotations(document, ids, blockOfWord, wordOrder, problems);
        return problems;
    }

    /** Throws with every violation listed when the document is not sound. */
    public static Document requireSound(Document document) {
        List<String> problems = violations(document);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("document " + document.id() + " breaks its invariants: " + problems);
        }
        return document;
    }

    private static void checkPart(String id, BoundingBox box, PageImage image, Set<String> ids, List<String> problems) {
        if (!ids.add(id)) {
            problems.add("duplicate id " + id);
        }
        if (!box.fitsWithin(image.width(), image.height())) {
            problems.add(id + " box " + box + " outside its " + image.width() + "x" + image.height() + " page");
        }
    }

    private static void checkAnnotations(Document document, Set<String> ids, Map<String, String> blockOfWord,
                                         List<String> wordOrder, List<String> problems) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < wordOrder.size(); i++) {
            position.put(wordOrder.get(i), i);
        }
        for (Annotation annotation : document.annotations()) {
            if (!ids.add(annotation.id())) {
                problems.add("duplicate id " + annotation.id());
            }
            Integer previous = null;
            for (String wordId : annotation.wordIds()) {
                Integer at = position.get(wordId);
                if (at == null) {
                    problems.add(annotation.id() + " points at missing word " + wordId);
                    break;
                }
                if (previous != null && at != previous + 1) {
                    problems.add(annotation.id() + " covers words that are not consecutive");
                }
                previous = at;
            }
            Set<String> blocks = new HashSet<>();
            annotation.wordIds().forEach(w -> blocks.add(blockOfWord.get(w)));
            if (blocks.size() > 1) {
                problems.add(annotation.id() + " spans blocks " + blocks);
            }
        }
    }
}
