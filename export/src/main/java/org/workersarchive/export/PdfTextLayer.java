package org.workersarchive.export;

import java.io.IOException;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.Word;

/**
 * The invisible text over a page image, laid out as Tesseract's PDF renderer and OCRmyPDF do:
 * each word put at its box and stretched (horizontal scaling) to the box's width on its line's
 * baseline, and a space after each word stretched over the gap to the next, so that text
 * extraction finds the words in reading order and selection covers what the reader sees.
 *
 * <p>Every line of a block is set in one font size, its lines' usual height: a text extractor
 * (poppler's {@code pdftotext}, PDFBox) gathers lines into a column only when their font sizes
 * agree, and with a size per line (a line with descenders is taller) it took each line for a
 * block of its own and read two columns line by line across. Not thread-safe: one per PDF, like
 * its font.
 */
final class PdfTextLayer {

    /** Floors in points for degenerate boxes (no height, no width), which still get their text. */
    private static final float MIN_FONT_SIZE = 1f;
    private static final float MIN_WIDTH = 0.1f;
    private static final int REPLACEMENT_CHARACTER = 0xFFFD;
    /** Of a line's height (ascender top to descender bottom), the part above the baseline, as in Latin and Cyrillic print. */
    private static final float ASCENDERS = 0.76f;

    private final PDType0Font font;
    private final CmapLookup glyphs;
    private final String replacement;

    PdfTextLayer(PDType0Font font) {
        this.font = font;
        this.glyphs = font.getCmapLookup();
        this.replacement = canEncode(REPLACEMENT_CHARACTER) ? Character.toString(REPLACEMENT_CHARACTER) : "?";
    }

    /** Writes the page's words, block by block and line by line, into the page's content. */
    void write(PDPageContentStream content, Page page, PdfPageGeometry geometry) throws IOException {
        if (page.blocks().isEmpty()) {
            return;
        }
        content.beginText();
        content.setRenderingMode(RenderingMode.NEITHER);
        for (Block block : page.blocks()) {
            // A line's box reaches from its ascenders to its descenders, about an em of printed text
            // (Tesseract's x_size, which OCRmyPDF sets its text in, is this height too); the font's own
            // ascent and descent (accents included) would make the size a sixth smaller, and a
            // column's line spacing then seemed too wide to an extractor for one block.
            float fontSize = Math.max(MIN_FONT_SIZE, geometry.points(usualLineHeight(block)));
            for (Line line : block.lines()) {
                writeLine(content, line, geometry, fontSize);
            }
        }
        content.endText();
    }

    /** The median height of the block's lines, in pixels: a heading of one line keeps its own. */
    static int usualLineHeight(Block block) {
        int[] heights = block.lines().stream().mapToInt(line -> line.box().height()).sorted().toArray();
        return heights[heights.length / 2];
    }

    /**
     * The word as the font can show it: whitespace becomes a space, control characters and
     * invisible format characters the font lacks are dropped, any other character it lacks becomes
     * U+FFFD (or '?'), so that a search still sees a character was there. Stripped at both ends.
     */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        // First as the TEI and the plain text have it, so that the PDF's text extracted again is theirs.
        XmlText.clean(text).codePoints().forEach(c -> append(out, c));
        return out.toString().strip();
    }

    private void append(StringBuilder out, int c) {
        int type = Character.getType(c);
        if (Character.isWhitespace(c)) {
            out.append(' ');
        } else if (type != Character.CONTROL && canEncode(c)) {
            out.appendCodePoint(c);
        } else if (type != Character.CONTROL && type != Character.FORMAT) {
            out.append(replacement);
        }
    }

    private boolean canEncode(int codePoint) {
        return glyphs.getGlyphId(codePoint) != 0;
    }

    private void writeLine(PDPageContentStream content, Line line, PdfPageGeometry geometry, float fontSize)
            throws IOException {
        // Below the line's top by the ascenders' share of an em: a line's top is where its capitals
        // and ascenders reach, nearly always; its bottom drops with descenders, which would put the
        // baselines of a column at uneven distances, and an extractor then merges close lines.
        float baseline = geometry.y(line.box().y()) - ASCENDERS * fontSize;
        content.setFont(font, fontSize);
        List<Word> words = line.words();
        for (int i = 0; i < words.size(); i++) {
            String text = printable(words.get(i).text());
            if (text.isEmpty()) {
                continue;
            }
            BoundingBox box = words.get(i).box();
            content.setTextMatrix(Matrix.getTranslateInstance(geometry.points(box.x()), baseline));
            show(content, text, Math.max(MIN_WIDTH, geometry.points(box.width())), fontSize);
            // Up to the next word; after the line's last word a plain space, which keeps words of
            // side-by-side columns apart where they share a baseline.
            float gap = i + 1 < words.size() ? geometry.points(words.get(i + 1).box().x() - box.right()) : 0;
            show(content, " ", gap, fontSize);
        }
    }

    /**
     * Shows the text stretched or squeezed to the width in points; at its own width when that is
     * not positive. Each character is a string of its own in a TJ array: PDFBox applies the font's
     * ligatures (GSUB) within a string, and a ligature would give "ﬃ" for "ffi" to search and copy.
     */
    private void show(PDPageContentStream content, String text, float width, float fontSize) throws IOException {
        float natural = font.getStringWidth(text) / 1000 * fontSize;
        content.setHorizontalScaling(width > 0 && natural > 0 ? 100 * width / natural : 100);
        content.showTextWithPositioning(text.codePoints().mapToObj(Character::toString).toArray());
    }
}
