package org.workersarchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Block;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.Language;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.TextOrigin;
import org.workersarchive.core.Word;

/**
 * A two-column page's text layer, read by a text extractor nobody here wrote: poppler's
 * {@code pdftotext} (Debian's poppler-utils, which the launcher installs), in its reading-order
 * mode (each column whole, then the next) and its layout mode (the columns side by side, apart).
 * Lines of a column differ in height (descenders) and the columns' baselines do not line up, as on
 * a scanned page; before each block was set in one font size of about an em, pdftotext read such
 * a page line by line across both columns.
 */
class PdfColumnsTest {

    private static final int LINES = 12;

    @TempDir
    Path dir;

    @Test
    void pdftotextReadsEachColumnWhole() throws Exception {
        Path pdf = twoColumnPdf();
        List<String> words = words(pdftotext(pdf, false));
        assertEquals(2 * LINES * 3, words.size(), words.toString());
        int lastLeft = words.lastIndexOf("left" + LINES + "c");
        int firstRight = words.indexOf("right1a");
        assertTrue(lastLeft < firstRight, "the left column ends before the right one begins: " + words);
    }

    @Test
    void pdftotextLayoutKeepsTheColumnsApart() throws Exception {
        Path pdf = twoColumnPdf();
        String text = pdftotext(pdf, true);
        for (int i = 1; i <= LINES; i++) {
            String row = "left" + i + "a left" + i + "b left" + i + "c";
            String right = " {3,}right" + i + "a right" + i + "b right" + i + "c";
            assertTrue(text.lines().anyMatch(line -> line.startsWith(row) && line.substring(row.length())
                    .matches(right)), "row " + i + ":\n" + text);
        }
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.split("\\s+")) {
            if (!word.isBlank()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Runs pdftotext; fails, not skips, when poppler-utils is missing. */
    private static String pdftotext(Path pdf, boolean layout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pdftotext", "-enc", "UTF-8"));
        if (layout) {
            command.add("-layout");
        }
        command.addAll(List.of(pdf.toString(), "-"));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("pdftotext is needed (apt-get install poppler-utils): " + e.getMessage(), e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pdftotext ended");
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    /**
     * A page of two columns of 12 lines, three words a line, measured on the bundled French page
     * (L'Ouvrier Communiste, p. 1, read by the pipeline): lines 36 or 44 pixels tall, 50 apart;
     * words 14 pixels apart and the columns 72 (a third of an em, two em).
     */
    private Path twoColumnPdf() throws IOException {
        Path image = dir.resolve("p0001.png");
        ImageIO.write(new BufferedImage(1700, 2400, BufferedImage.TYPE_BYTE_GRAY), "png", image.toFile());
        List<Block> blocks = List.of(column("left", 100, 300, 1), column("right", 560, 317, 2));
        Page page = Page.unread(1, new PageImage(image, 1700, 2400, 300))
                .withText(TextOrigin.OCR, Language.listOf("fra"), blocks);
        Document document = Document.ofPages("columns-0123456789ab", SearchablePdfWriterTest.source(1, Map.of()),
                List.of(page), new ProcessingStep("ocr", "Tesseract", "5.3.0", Map.of(), Duration.ZERO));
        Path pdf = dir.resolve("columns.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new SearchablePdfWriter().write(document, out);
        }
        return pdf;
    }

    private static Block column(String name, int x, int top, int number) {
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i <= LINES; i++) {
            int y = top + (i - 1) * 50;
            int height = i % 3 == 0 ? 44 : 36;
            List<Word> words = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                String id = "p1_w" + (number * 100 + i * 3 + w);
                words.add(new Word(id, name + i + (char) ('a' + w), new BoundingBox(x + w * 134, y, 120, height), 90));
            }
            lines.add(new Line("p1_l" + (number * 100 + i), new BoundingBox(x, y, 388, height), words));
        }
        return new Block("p1_b" + number, BoundingBox.enclosing(lines.stream().map(Line::box).toList()), lines);
    }
}
