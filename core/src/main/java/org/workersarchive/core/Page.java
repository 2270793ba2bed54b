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
 * @param languages  the languages the text was read in, main one first; empty before OCR and for a
 *                   text layer, whose language is not known
 * @param blocks     the text in reading order
 * @param preparation how the image was turned and cleaned before it was read; {@link PagePreparation#NONE}
 *                    when it was not
 * @param reader     which process read the page, as {@code host pid N} (the pipeline's own, or a worker's
 *                   when pages go over a broker), so that an archivist can trace a page to its machine;
 *                   empty before it was read
 */
public record Page(int number, PageImage image, TextOrigin textOrigin, List<Language> languages, List<Block> blocks,
                   PagePreparation preparation, String reader) {

    public Page {
        if (number < 1) {
            throw new IllegalArgumentException("page numbers start at 1: " + number);
        }
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(textOrigin, "textOrigin");
        languages = List.copyOf(languages);
        blocks = List.copyOf(blocks);
        Objects.requireNonNull(preparation, "preparation");
        Objects.requireNonNull(reader, "reader");
    }

    /** A page that has an image but has not been read yet. */
    public static Page unread(int number, PageImage image) {
        return new Page(number, image, TextOrigin.NONE, List.of(), List.of(), PagePreparation.NONE, "");
    }

    public Page withText(TextOrigin origin, List<Language> readAs, List<Block> newBlocks) {
        return new Page(number, image, origin, readAs, newBlocks, preparation, reader);
    }

    public Page withImage(PageImage newImage) {
        return new Page(number, newImage, textOrigin, languages, blocks, preparation, reader);
    }

    /** The page with its prepared image (the one its boxes refer to) and a record of the preparation. */
    public Page withPreparedImage(PageImage preparedImage, PagePreparation newPreparation) {
        return new Page(number, preparedImage, textOrigin, languages, blocks, newPreparation, reader);
    }

    /** The page as read by the given process ({@code host pid N}). */
    public Page readBy(String newReader) {
        return new Page(number, image, textOrigin, languages, blocks, preparation, newReader);
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
