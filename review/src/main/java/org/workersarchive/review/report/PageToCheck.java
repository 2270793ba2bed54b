package org.workersarchive.review.report;

import java.util.Comparator;

/**
 * A page of a run, as the report ranks what to check first: the lowest confidence first, then the
 * most doubtful words.
 *
 * @param documentId    the document it is in
 * @param title         the document's title, or its input's name
 * @param page          its number
 * @param confidence    mean word confidence 0..100
 * @param words         how many words
 * @param doubtfulWords words under the TEI's uncertainty threshold
 * @param thumbnail     a small JPEG of the page as a data: URI, or null when its image cannot be read
 */
record PageToCheck(String documentId, String title, int page, double confidence, int words, int doubtfulWords,
                   String thumbnail) {

    static final Comparator<PageToCheck> FIRST = Comparator.comparingDouble(PageToCheck::confidence)
            .thenComparing(Comparator.comparingInt(PageToCheck::doubtfulWords).reversed())
            .thenComparing(PageToCheck::documentId).thenComparingInt(PageToCheck::page);

    PageToCheck withThumbnail(String dataUri) {
        return new PageToCheck(documentId, title, page, confidence, words, doubtfulWords, dataUri);
    }
}
