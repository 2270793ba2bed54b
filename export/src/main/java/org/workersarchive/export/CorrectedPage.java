package org.workersarchive.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Ids;
import org.workersarchive.core.Line;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.Word;

/**
 * A page's text as a PAGE XML or ALTO file has it, possibly corrected by a person in Transkribus or
 * eScriptorium: its regions, lines and words with their boxes, and what the file says of the
 * document and page it belongs to. {@link #blocks} makes the model's blocks of it.
 *
 * @param file       the file read
 * @param format     PAGE or ALTO
 * @param documentId the document the file names (PAGE's pcGtsId or documentId item, ALTO's
 *                   documentIdentifier), or null
 * @param pageNumber the page the file names (pcGtsId, ALTO's PHYSICAL_IMG_NR), or null
 * @param imageName  the page image as the file names it, or null
 * @param regions    in reading order
 */
public record CorrectedPage(Path file, FormatSchemas.Format format, String documentId, Integer pageNumber,
                            String imageName, List<Region> regions) {

    /** Tesseract's confidence given to a word a person wrote or changed: it has been read by eye. */
    static final double CHECKED = 100;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /**
     * How far past the page's edge, in pixels, a point may lie and be cut to the edge: a polygon
     * drawn by hand in Transkribus or eScriptorium may stray a little over it (some 4 mm at 300
     * dpi). A point farther out is no outline of this page's text, and its file is refused.
     */
    public static final int STRAY = 50;
    /** No page image is wider or higher (ingest refuses one over 32,767 pixels): past this a coordinate is nonsense. */
    static final int MAX_COORDINATE = 1_000_000;

    public CorrectedPage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        regions = List.copyOf(regions);
    }

    /** A text region (a block) as read: its id, outline, and lines. */
    public record Region(String id, BoundingBox box, List<TextLine> lines) {
        public Region {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A line as read: its words, and its own text when the file gives one (PAGE's line TextEquiv,
     * which Transkribus and eScriptorium edit, leaving the words' as they were).
     */
    public record TextLine(String id, BoundingBox box, String text, List<TextWord> words) {
        public TextLine {
            words = List.copyOf(words);
        }
    }

    /** A word as read; {@code confidence} 0 to 100, or null when the file gives none. */
    public record TextWord(String id, String text, BoundingBox box, Double confidence) {
    }

    /**
     * The page's text as the model's blocks, boxes cut to the image. The file's ids are kept when
     * every one of them is one of this page's model ids ({@code p3_w12}: a file the pipeline wrote);
     * otherwise all are made anew in reading order, so that they stay unique in the document. A
     * line whose own text differs from its words' is taken as a person's correction: its words are
     * its text's, at the old words' boxes when there are as many, else sharing the line's box by
     * their lengths; a word without a confidence counts as checked ({@value #CHECKED}).
     *
     * @param idPrefix the page's id prefix, {@code p3_}
     * @param before   the text of each line as the archive had it, by line id: when a line's own
     *                 text is still that and its words' is not, the words were corrected (a tool that
     *                 edits words, or a person editing the file), and they win
     * @throws IllegalArgumentException naming the file, the element and the coordinate, when an outline
     *                                  reaches more than {@link #STRAY} pixels past the image's right or bottom edge
     */
    public List<Block> blocks(int page, PageImage image, String idPrefix, Map<String, String> before) {
        requireOnPage(image);
        boolean keepIds = idsAreThePipelines(idPrefix);
        // Words made anew in a page whose ids are kept are numbered past the page's last one.
        int[] counters = {0, 0, keepIds ? lastWordNumber(idPrefix) : 0};
        List<Block> blocks = new ArrayList<>();
        for (Region region : regions) {
            List<Line> lines = new ArrayList<>();
            for (TextLine line : region.lines()) {
                List<Word> words = words(line, before.get(line.id()), page, image, keepIds, counters);
                if (!words.isEmpty()) {
                    BoundingBox box = clamp(line.box() != null ? line.box()
                            : BoundingBox.enclosing(words.stream().map(Word::box).toList()), image);
                    lines.add(new Line(keepIds ? line.id() : Ids.line(page, ++counters[1]), box, words));
                }
            }
            if (!lines.isEmpty()) {
                BoundingBox box = clamp(region.box() != null ? region.box()
                        : BoundingBox.enclosing(lines.stream().map(Line::box).toList()), image);
                blocks.add(new Block(keepIds ? region.id() : Ids.block(page, ++counters[0]), box, lines));
            }
        }
        return blocks;
    }

    /** The words of a line as the model has them: the line's own text wins over its words'. */
    private static List<Word> words(TextLine line, String before, int page, PageImage image, boolean keepIds,
                                    int[] counters) {
        List<TextWord> read = line.words().stream().filter(w -> w.text() != null && !w.text().isBlank()).toList();
        String wordsText = String.join(" ", read.stream().map(w -> w.text().strip()).toList());
        boolean lineAsBefore = line.text() != null && before != null && normal(line.text()).equals(normal(before));
        boolean lineWins = line.text() != null && !line.text().isBlank() && !normal(line.text()).equals(wordsText)
                && !(lineAsBefore && !read.isEmpty());
        List<String> texts = lineWins ? List.of(SPACES.split(line.text().strip()))
                : read.stream().map(w -> w.text().strip()).toList();
        boolean sameWords = texts.size() == read.size();
        List<Word> words = new ArrayList<>();
        int offset = 0;
        int characters = texts.stream().mapToInt(String::length).sum() + Math.max(0, texts.size() - 1);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            BoundingBox box;
            Double confidence;
            if (sameWords && read.get(i).box() != null) {
                box = read.get(i).box();
                confidence = text.equals(read.get(i).text().strip()) ? read.get(i).confidence() : null;
            } else {
                box = share(line.box(), offset, text.length(), characters);
                confidence = null;
            }
            offset += text.length() + 1;
            String id = keepIds && sameWords ? read.get(i).id() : Ids.word(page, ++counters[2]);
            words.add(new Word(id, text, clamp(box, image), confidence == null ? CHECKED : confidence));
        }
        return words;
    }

    /** The part of the line's box a word of so many characters from this offset takes. */
    private static BoundingBox share(BoundingBox line, int offset, int length, int characters) {
        if (line == null) {
            throw new IllegalArgumentException("a line without an outline has words without one");
        }
        int left = line.x() + (int) ((long) line.width() * offset / Math.max(1, characters));
        int right = line.x() + (int) ((long) line.width() * (offset + length) / Math.max(1, characters));
        return BoundingBox.fromTwoPoints(left, line.y(), Math.max(left + 1, right), line.bottom());
    }

    private int lastWordNumber(String prefix) {
        return regions.stream().flatMap(r -> r.lines().stream()).flatMap(l -> l.words().stream())
                .mapToInt(w -> Integer.parseInt(w.id().substring(prefix.length() + 1))).max().orElse(0);
    }

    private boolean idsAreThePipelines(String prefix) {
        Set<String> seen = new HashSet<>();
        for (Region region : regions) {
            if (!isOurs(region.id(), prefix + "b", seen)) {
                return false;
            }
            for (TextLine line : region.lines()) {
                if (!isOurs(line.id(), prefix + "l", seen)) {
                    return false;
                }
                for (TextWord word : line.words()) {
                    if (!isOurs(word.id(), prefix + "w", seen)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean isOurs(String id, String prefix, Set<String> seen) {
        return id != null && id.startsWith(prefix) && id.substring(prefix.length()).matches("\\d+") && seen.add(id);
    }

    /** Refuses an outline that reaches more than {@link #STRAY} pixels past the image's right or bottom edge. */
    private void requireOnPage(PageImage image) {
        boolean page = format == FormatSchemas.Format.PAGE;
        for (Region region : regions) {
            requireOnPage(region.box(), (page ? "TextRegion " : "TextBlock ") + region.id(), image);
            for (TextLine line : region.lines()) {
                requireOnPage(line.box(), "TextLine " + line.id(), image);
                for (TextWord word : line.words()) {
                    requireOnPage(word.box(), (page ? "Word " : "String ") + word.id(), image);
                }
            }
        }
    }

    private void requireOnPage(BoundingBox box, String element, PageImage image) {
        if (box == null) {
            return;
        }
        String edge = box.right() > image.width() + STRAY ? "x " + box.right()
                : box.bottom() > image.height() + STRAY ? "y " + box.bottom() : null;
        if (edge != null) {
            throw new IllegalArgumentException(file + ": " + element + ": " + edge + " is outside the page ("
                    + image.width() + " x " + image.height() + " pixels)");
        }
    }

    /** The box cut to the image, at least a pixel each way: a polygon drawn by hand may stray over the edge. */
    static BoundingBox clamp(BoundingBox box, PageImage image) {
        int left = Math.min(box.x(), image.width() - 1);
        int top = Math.min(box.y(), image.height() - 1);
        int right = Math.max(left + 1, Math.min(box.right(), image.width()));
        int bottom = Math.max(top + 1, Math.min(box.bottom(), image.height()));
        return BoundingBox.fromTwoPoints(left, top, right, bottom);
    }

    private static String normal(String text) {
        return SPACES.matcher(text.strip()).replaceAll(" ");
    }
}
