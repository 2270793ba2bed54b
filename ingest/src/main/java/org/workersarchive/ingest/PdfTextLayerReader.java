package org.workersarchive.ingest;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Ids;
import org.workersarchive.core.Line;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.Word;

/**
 * Reads a PDF page's own text layer as lines and words, with boxes converted from PDF points to
 * the pixels of the page's rendered image. Text from the layer is what the publisher typeset, so
 * it is kept instead of OCR wherever a page has enough of it. Not thread-safe: one per document.
 */
final class PdfTextLayerReader extends PDFTextStripper {

    /** Fewer characters than this is a stray mark or a page number, not a text layer. */
    static final int MIN_CHARACTERS = 20;

    private final List<List<TextPosition>> lines = new ArrayList<>();
    private final int maxCharacters;
    /** Characters PDFBox reported on the current page, kept or not. */
    private int reported;
    private PageDeadline deadline;
    /** Characters of the current page drawn invisible (render mode 3), as an OCR tool lays its text under a scan. */
    private int invisible;

    /**
     * @param maxCharacters past this many characters on a page ({@link IngestConfig#maxTextLayerCharacters}),
     *                      its text layer is not kept, and OCR reads the page instead
     */
    PdfTextLayerReader(int maxCharacters) {
        this.maxCharacters = maxCharacters;
        setSortByPosition(true);
    }

    /**
     * The page's text as one block, or an empty list when the page has no real text layer (or one
     * of more than the maximum of characters).
     *
     * @param pdfPage    1-based, in the PDF
     * @param pageNumber 1-based, in the document (which may begin with other files' pages): the ids' number
     * @param image      the rendered image of the page, whose pixels the boxes refer to
     * @param dpi        the resolution it was rendered at
     */
    List<Block> read(PDDocument pdf, int pdfPage, int pageNumber, PageImage image, int dpi) throws IOException {
        lines.clear();
        reported = 0;
        invisible = 0;
        setStartPage(pdfPage);
        setEndPage(pdfPage);
        writeText(pdf, new StringWriter());
        if (reported > maxCharacters) {
            return List.of();
        }
        long characters = lines.stream().flatMap(List::stream).filter(p -> !p.getUnicode().isBlank()).count();
        if (characters < MIN_CHARACTERS) {
            return List.of();
        }
        return List.of(toBlock(pageNumber, image, dpi / 72.0));
    }

    /** Sets the deadline of the page about to be read; none is checked until one is set. */
    void beginPage(PageDeadline pageDeadline) {
        this.deadline = pageDeadline;
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if (deadline != null) {
            deadline.check();
        }
        super.processOperator(operator, operands);
    }

    /** How many characters the last page's text layer held, when more than the maximum; else 0. */
    int charactersOverLimit() {
        return reported > maxCharacters ? reported : 0;
    }

    /** Whether most of the last page's text was drawn invisible: an earlier OCR's layer, not the page's own type. */
    boolean wasInvisible() {
        return reported > 0 && invisible * 10 >= reported * 9;
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        if (getGraphicsState().getTextState().getRenderingMode() == RenderingMode.NEITHER) {
            invisible++;
        }
        if (++reported <= maxCharacters) {
            super.processTextPosition(text);
        }
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        lines.add(List.copyOf(positions));
    }

    private Block toBlock(int pageNumber, PageImage image, double scale) {
        List<Line> result = new ArrayList<>();
        int wordNumber = 0;
        for (List<TextPosition> positions : lines) {
            List<Word> words = new ArrayList<>();
            for (List<TextPosition> letters : splitOnSpaces(positions)) {
                String text = letters.stream().map(TextPosition::getUnicode).reduce("", String::concat).strip();
                if (!text.isEmpty()) {
                    words.add(new Word(Ids.word(pageNumber, ++wordNumber), text, box(letters, image, scale), 100));
                }
            }
            if (!words.isEmpty()) {
                BoundingBox box = BoundingBox.enclosing(words.stream().map(Word::box).toList());
                result.add(new Line(Ids.line(pageNumber, result.size() + 1), box, words));
            }
        }
        BoundingBox box = BoundingBox.enclosing(result.stream().map(Line::box).toList());
        return new Block(Ids.block(pageNumber, 1), box, result);
    }

    private static List<List<TextPosition>> splitOnSpaces(List<TextPosition> positions) {
        List<List<TextPosition>> words = new ArrayList<>();
        List<TextPosition> current = new ArrayList<>();
        for (TextPosition position : positions) {
            if (position.getUnicode().isBlank()) {
                if (!current.isEmpty()) {
                    words.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(position);
            }
        }
        if (!current.isEmpty()) {
            words.add(current);
        }
        return words;
    }

    /** The letters' box, from PDF points (top-left origin, as the stripper adjusts them) to pixels. */
    private static BoundingBox box(List<TextPosition> letters, PageImage image, double scale) {
        double left = Double.MAX_VALUE;
        double top = Double.MAX_VALUE;
        double right = 0;
        double bottom = 0;
        for (TextPosition letter : letters) {
            left = Math.min(left, letter.getXDirAdj());
            right = Math.max(right, letter.getXDirAdj() + letter.getWidthDirAdj());
            top = Math.min(top, letter.getYDirAdj() - letter.getHeightDir());
            bottom = Math.max(bottom, letter.getYDirAdj());
        }
        return BoundingBox.fromTwoPoints(clamp(left * scale, image.width()), clamp(top * scale, image.height()),
                clamp(right * scale, image.width()), clamp(bottom * scale, image.height()));
    }

    private static int clamp(double value, int limit) {
        return (int) Math.max(0, Math.min(limit, Math.round(value)));
    }
}
