package org.workersarchive.ocr;

import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.workersarchive.core.Page;
import org.workersarchive.core.Word;

/**
 * How tall a page's small letters are in pixels, from a reading of it: the boxes of words made only
 * of letters with neither ascender nor descender ("on", "ceux", "наш") are as tall as the
 * x-height. Tesseract reads small text poorly: text under about 13 pixels of x-height is read again
 * scaled up ({@link PageRecognizer}).
 */
final class XHeight {

    /** Lower-case letters that stand between the base line and the x-height, Latin and Cyrillic. */
    private static final Pattern X_LETTERS = Pattern.compile("[acemnorsuvwxzаввгежзиклмнопстхчшъыьэюя]{2,}");
    /** Fewer such words than this say too little. */
    private static final int MIN_WORDS = 5;

    private XHeight() {
    }

    /** The median height of the page's x-height words; empty when it has too few. */
    static OptionalDouble of(Page read) {
        List<Integer> heights = read.words().filter(XHeight::onlyXLetters).map(word -> word.box().height())
                .sorted().toList();
        if (heights.size() < MIN_WORDS) {
            return OptionalDouble.empty();
        }
        int middle = heights.size() / 2;
        return OptionalDouble.of(heights.size() % 2 == 1 ? heights.get(middle)
                : (heights.get(middle - 1) + heights.get(middle)) / 2.0);
    }

    private static boolean onlyXLetters(Word word) {
        return X_LETTERS.matcher(word.text().replaceAll("[.,;:!?»)]+$", "")).matches();
    }
}
