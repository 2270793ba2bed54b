package org.workersarchive.annotate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first words of every name in a character trie, so that a word of the text finds the names
 * it may be an OCR misreading of without being compared with each: the search walks the trie once,
 * carrying one column of the OCR-weighted edit distance per letter ({@link OcrDistance}), and
 * leaves a branch as soon as no word below it can come close enough. Built once; immutable after;
 * thread-safe for searches.
 */
final class NameTrie {

    /** A word of the trie and how far the searched word is from it. */
    record Near(String word, double distance) {
    }

    private final Node root = new Node();

    void add(String word) {
        Node node = root;
        for (int i = 0; i < word.length(); i++) {
            node = node.children.computeIfAbsent(word.charAt(i), c -> new Node());
        }
        node.word = word;
    }

    /**
     * Every word of the trie within {@code limit} of {@code query} whose first letter the query's
     * first letter (or pair of letters) may be a misreading of: OCR seldom loses or invents the
     * capital a name starts with, and holding to it keeps the search small in a large list.
     */
    List<Near> near(String query, double limit) {
        List<Near> found = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (Map.Entry<Character, Node> child : root.children.entrySet()) {
            if (mayStartWith(query, child.getKey())) {
                walk(child.getKey(), child.getValue(), query, limit, path, null,
                        OcrDistance.firstColumn(query.length()), found);
            }
        }
        return found;
    }

    private static boolean mayStartWith(String query, char first) {
        if (OcrDistance.substitution(query.charAt(0), first) < 1) {
            return true;
        }
        Character pair = query.length() >= 2 ? OcrDistance.CONFUSED_PAIRS.get(query.substring(0, 2)) : null;
        return pair != null && pair == first;
    }

    private static void walk(char letter, Node node, String query, double limit, StringBuilder path,
                             double[] beforeLast, double[] last, List<Near> found) {
        path.append(letter);
        double[] column = new double[query.length() + 1];
        double smallest = OcrDistance.nextColumn(query, path, path.length(), beforeLast, last, column);
        if (smallest <= limit) {
            if (node.word != null && column[query.length()] <= limit) {
                found.add(new Near(node.word, column[query.length()]));
            }
            for (Map.Entry<Character, Node> child : node.children.entrySet()) {
                walk(child.getKey(), child.getValue(), query, limit, path, last, column, found);
            }
        }
        path.setLength(path.length() - 1);
    }

    private static final class Node {
        private final Map<Character, Node> children = new HashMap<>(4);
        private String word;
    }
}
