package org.workersarchive.core;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One page of a document.
 *
 * @param number     1-based position in the document
 * @param image      the page image that every box of this page refers to
 * @param textOrigin where the text comes from; {@link TextOrigin#NONE} before OCR
 * @param languages  the languages of the text, main one first, in Tesseract's names (fra, rus,
 *                   deu, eng); empty before OCR and for a text layer, whose language is not known
 * @param blocks     the text in reading order
 */
public record Page(int number, PageImage image, TextOrigin textOrigin, List<String> languages, List<Block> blocks) {

    public Page {
        if (number < 1) {
            throw new IllegalArgumentException("page numbers start at 1: " + number);
        }
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(textOrigin, "textOrigin");
        languages = List.copyOf(languages);
        blocks = List.copyOf(blocks);
    }

    /** A page that has an image but has not been read yet. */
    public static Page unread(int number, PageImage image) {
        return new Page(number, image, TextOrigin.NONE, List.of(), List.of());
    }

    public Page withText(TextOrigin origin, List<String> readAs, List<Block> newBlocks) {
        return new Page(number, image, origin, readAs, newBlocks);
    }

    public Page withImage(PageImage newImage) {
        return new Page(number, newImage, textOrigin, languages, blocks);
    }

    public Stream<Line> lines() {
        return blocks.stream().flatMap(block -> block.lines().stream());
    }

    public Stream<Word> words() {
        return lines().flatMap(line -> line.words().stream());
    }

    /** Mean word confidence, empty when the page has no words. */
    public OptionalDouble meanConfidence() {
        return words().mapToDouble(Word::confidence).average();
    }

    /** The page's text: lines separated by newlines, blocks by blank lines. */
    public String text() {
        return blocks.stream().map(Block::text).collect(Collectors.joining("\n\n"));
    }
}
