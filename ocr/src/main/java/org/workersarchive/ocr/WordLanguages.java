package org.workersarchive.ocr;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Which languages a page is in, judged by how many of its words each language's model read. */
final class WordLanguages {

    /**
     * A language read fewer of the page's words than this share is not one of the page's
     * languages: short words, names and numbers fit several models by chance (on the German
     * samples the French model reads about a fifth of the words).
     */
    static final double MIN_SHARE = 0.3;

    private WordLanguages() {
    }

    /**
     * The page's languages, most words first.
     *
     * @param wordsByLanguage how many words each model read
     * @param loaded          the models the page was read with, the answer when no word was read
     */
    static List<String> mainLanguages(Map<String, Integer> wordsByLanguage, List<String> loaded) {
        int total = wordsByLanguage.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return loaded;
        }
        return wordsByLanguage.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_SHARE * total)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
