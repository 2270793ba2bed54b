package org.workersarchive.ocr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Ids;
import org.workersarchive.core.Line;
import org.workersarchive.core.Word;

/**
 * Turns Tesseract's TSV output (one row per page, block, paragraph, line and word: level, page,
 * block, paragraph, line, word, left, top, width, height, confidence, text) into the model's
 * blocks, lines and words, with ids numbered within the page. Boxes of lines and blocks are the
 * union of their words, clamped to the image, so that they always hold what they contain.
 */
final class TsvLayoutReader {

    private static final int WORD_LEVEL = 5;
    private static final int COLUMNS = 12;

    private final int pageNumber;
    private final int imageWidth;
    private final int imageHeight;
    private final double scale;
    private final UnaryOperator<String> transcription;

    /**
     * @param imageWidth    the width of the image Tesseract read, in its pixels (so the height)
     * @param scale         how many times larger that image is than the one the boxes are to refer to
     * @param transcription how each word's text is written down ({@link LongS}, the old Russian letters)
     */
    TsvLayoutReader(int pageNumber, int imageWidth, int imageHeight, double scale,
                    UnaryOperator<String> transcription) {
        this.pageNumber = pageNumber;
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
        this.scale = scale;
        this.transcription = transcription;
    }

    List<Block> read(String tsv) {
        Map<String, Map<String, List<Word>>> wordsByLineByBlock = new LinkedHashMap<>();
        int wordNumber = 0;
        for (String row : tsv.split("\n")) {
            String[] cells = row.split("\t", COLUMNS);
            if (cells.length < COLUMNS || !isWordRow(cells) || cells[11].isBlank()) {
                continue;
            }
            Word word = new Word(Ids.word(pageNumber, ++wordNumber), transcription.apply(cells[11].strip()), box(cells),
                    Math.max(0, Math.min(100, Double.parseDouble(cells[10]))));
            wordsByLineByBlock.computeIfAbsent(cells[2], b -> new LinkedHashMap<>())
                    .computeIfAbsent(cells[3] + "." + cells[4], l -> new ArrayList<>())
                    .add(word);
        }
        return assemble(wordsByLineByBlock);
    }

    private List<Block> assemble(Map<String, Map<String, List<Word>>> wordsByLineByBlock) {
        List<Block> blocks = new ArrayList<>();
        int lineNumber = 0;
        for (Map<String, List<Word>> lines : wordsByLineByBlock.values()) {
            List<Line> blockLines = new ArrayList<>();
            for (List<Word> words : lines.values()) {
                BoundingBox box = BoundingBox.enclosing(words.stream().map(Word::box).toList());
                blockLines.add(new Line(Ids.line(pageNumber, ++lineNumber), box, words));
            }
            BoundingBox box = BoundingBox.enclosing(blockLines.stream().map(Line::box).toList());
            blocks.add(new Block(Ids.block(pageNumber, blocks.size() + 1), box, blockLines));
        }
        return blocks;
    }

    private static boolean isWordRow(String[] cells) {
        return cells[0].equals(String.valueOf(WORD_LEVEL));
    }

    /** A word's box in the kept image's pixels: scaled down, and kept within the image. */
    private BoundingBox box(String[] cells) {
        int left = clamp(Integer.parseInt(cells[6]), imageWidth);
        int top = clamp(Integer.parseInt(cells[7]), imageHeight);
        int right = clamp(left + Integer.parseInt(cells[8]), imageWidth);
        int bottom = clamp(top + Integer.parseInt(cells[9]), imageHeight);
        int keptWidth = (int) Math.floor(imageWidth / scale);
        int keptHeight = (int) Math.floor(imageHeight / scale);
        return BoundingBox.fromTwoPoints(Math.min(keptWidth, (int) Math.floor(left / scale)),
                Math.min(keptHeight, (int) Math.floor(top / scale)),
                Math.min(keptWidth, (int) Math.ceil(right / scale)), Math.min(keptHeight, (int) Math.ceil(bottom / scale)));
    }

    private static int clamp(int value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }
}
