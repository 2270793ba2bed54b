package org.workersarchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.BoundingBox;
import org.workersarchive.core.Document;
import org.workersarchive.core.DocumentInvariants;
import org.workersarchive.core.DrawnPages;
import org.workersarchive.core.Page;
import org.workersarchive.core.PageImage;
import org.workersarchive.core.ProcessingStep;
import org.workersarchive.core.SourceFile;
import org.workersarchive.core.Word;

class SearchablePdfWriterTest {

    /** How far, in points, a word's extracted glyphs may stand from its box. */
    private static final float TOLERANCE = 2f;

    @TempDir
    Path dir;

    @Test
    void eachPageIsItsImageAtItsPhysicalSizeWithInvisibleTextOverIt() throws IOException {
        Document document = sampleDocument(dir);
        try (PDDocument pdf = Loader.loadPDF(writePdf(document).toFile())) {
            assertEquals(3, pdf.getNumberOfPages());
            assertPageSize(240, 168, pdf.getPage(0));
            assertPageSize(432, 288, pdf.getPage(1));
            assertPageSize(96, 72, pdf.getPage(2));
            for (int i = 0; i < 3; i++) {
                PageImage image = document.pages().get(i).image();
                PDImageXObject drawn = onlyImage(pdf.getPage(i));
                assertEquals(List.of(image.width(), image.height()), List.of(drawn.getWidth(), drawn.getHeight()));
                PDRectangle page = pdf.getPage(i).getMediaBox();
                assertEquals(List.of(page.getWidth(), 0f, 0f, page.getHeight(), 0f, 0f), imagePlacement(pdf.getPage(i)),
                        "the image covers the page");
            }
            assertEquals(List.of(COSName.DCT_DECODE), onlyImage(pdf.getPage(1)).getStream().getFilters(),
                    "the JPEG is embedded as it is");
            assertEquals(List.of(3), renderingModes(pdf.getPage(0)), "all text invisible");
            assertEquals(List.of(3), renderingModes(pdf.getPage(1)));
            assertEquals(List.of(), renderingModes(pdf.getPage(2)), "a page without words has no text");
            assertEquals("Groupe ouvrier, 1924", pdf.getDocumentInformation().getTitle());
            assertEquals("archive pipeline", pdf.getDocumentInformation().getProducer());
        }
    }

    @Test
    void theFontIsAnEmbeddedSubset() throws IOException {
        Document sample = sampleDocument(dir);
        Document onePage = firstPageOnly(sample);
        Path written = writePdf(onePage);
        try (PDDocument pdf = Loader.loadPDF(written.toFile())) {
            PDResources resources = pdf.getPage(0).getResources();
            COSName name = resources.getFontNames().iterator().next();
            PDFont font = resources.getFont(name);
            assertInstanceOf(PDType0Font.class, font);
            assertTrue(font.isEmbedded());
            assertTrue(font.getName().matches("[A-Z]{6}\\+DejaVuSans"), font.getName());
        }
        long image = Files.size(onePage.pages().get(0).image().path());
        long pdf = Files.size(written);
        // The whole of DejaVu Sans would add some 350 kB; its subset adds a few.
        assertTrue(pdf < image + 40_000, "PDF " + pdf + " bytes for a PNG of " + image);
    }

    @Test
    void theTextLayerGivesBackEachPagesText() throws IOException {
        Document document = sampleDocument(dir);
        try (PDDocument pdf = Loader.loadPDF(writePdf(document).toFile())) {
            for (Page page : document.pages()) {
                assertEquals(collapsed(page.text()), collapsed(pageText(pdf, page.number())), "page " + page.number());
            }
        }
    }

    @Test
    void wordsStandInTheirBoxes() throws IOException {
        Document document = sampleDocument(dir);
        Map<String, Word> words = new HashMap<>();
        document.words().forEach(word -> words.put(word.text(), word));
        try (PDDocument pdf = Loader.loadPDF(writePdf(document).toFile())) {
            Map<String, List<TextPosition>> page1 = WordPositions.of(pdf, 1);
            Map<String, List<TextPosition>> page2 = WordPositions.of(pdf, 2);
            // "officiellement" also shows that no ligature (ﬃ) replaces its letters.
            for (String word : List.of("«Le", "camarade", "été", "officiellement", "Straße,")) {
                assertInBox(word, page1.get(word), words.get(word).box(), 72f / 300);
            }
            for (String word : List.of("Рабочая", "«Правда»", "ещё", "ёлка,", "ouvrières")) {
                assertInBox(word, page2.get(word), words.get(word).box(), 72f / 150);
            }
        }
    }

    @Test
    void charactersTheFontLacksOrControlsDoNotFailTheWrite() throws IOException {
        Page drawn = DrawnPages.read(1, dir.resolve("odd.png"), "png", 1000, 300, 300,
                List.of(List.of("ex\u0001clu a中b \u0007 bi\u2066di \uE000 😀 fin")));
        Document document = Document.ofPages("odd-0123456789ab", source(1, Map.of()), List.of(drawn), ocrStep());
        try (PDDocument pdf = Loader.loadPDF(writePdf(document).toFile())) {
            assertEquals("exclu a\uFFFDb bidi \uFFFD 😀 fin", collapsed(pageText(pdf, 1)),
                    "a word of control characters only is left out");
            assertEquals("groupe-ouvrier.pdf", pdf.getDocumentInformation().getTitle(), "no title: the file name");
        }
    }

    @Test
    void printableKeepsWhatTheFontShowsAndMarksWhatItCannot() throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PdfTextLayer layer = new PdfTextLayer(PDType0Font.load(pdf, SearchablePdfWriter.DEFAULT_FONT.toFile()));
            assertEquals("«Größe» ещё Straße été", layer.printable("«Größe» ещё Straße été"));
            assertEquals("exclu", layer.printable("ex\u0001clu"), "control characters are dropped");
            assertEquals("", layer.printable("\u0007"));
            assertEquals("a b", layer.printable("\ta\nb\r"), "whitespace becomes spaces");
            assertEquals("a\uFFFDb", layer.printable("a中b"), "what the font lacks is marked");
            assertEquals("\uFFFD", layer.printable("\uD800"), "an unpaired surrogate");
            assertEquals("ab", layer.printable("a\u2066b"), "an invisible format character the font lacks");
            assertEquals("\u00AD😀", layer.printable("\u00AD😀"), "what it has, beyond the BMP too");
        }
    }

    @Test
    void aMissingFontIsNamed() {
        Path missing = dir.resolve("no-such-font.ttf");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SearchablePdfWriter(missing));
        assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
    }

    @Test
    void aMissingImageIsNamedAndTheCallersStreamStaysOpen() throws IOException {
        Document document = sampleDocument(dir);
        Path image = document.pages().get(1).image().path();
        Files.delete(image);
        IOException error = assertThrows(IOException.class,
                () -> new SearchablePdfWriter().write(document, OutputStream.nullOutputStream()));
        assertTrue(error.getMessage().contains("page 2") && error.getMessage().contains(image.toString()),
                error.getMessage());

        CloseRecorder out = new CloseRecorder();
        new SearchablePdfWriter().write(firstPageOnly(document), out);
        assertFalse(out.closed, "the stream is written to but not closed");
        assertTrue(out.toString(StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    }

    /**
     * Three pages: a PNG at 300 dpi in French and German, a JPEG at 150 dpi in Russian and
     * French, a PNG of unknown resolution without text.
     */
    static Document sampleDocument(Path imageDir) throws IOException {
        Page one = DrawnPages.read(1, imageDir.resolve("p0001.png"), "png", 1000, 700, 300, List.of(
                List.of("«Le camarade Miasnikov» a été", "exclu officiellement du parti."),
                List.of("Arbeiter der Straße, Größe und Maß.")));
        Page two = DrawnPages.read(2, imageDir.resolve("p0002.jpg"), "jpg", 900, 600, 150, List.of(
                List.of("Рабочая группа «Правда»", "ещё ёлка, съезд 1923 года."),
                List.of("Ouvriers et ouvrières !")));
        Page three = DrawnPages.read(3, imageDir.resolve("p0003.png"), "png", 400, 300, 0, List.of());
        Document document = Document.ofPages("groupe-ouvrier-0123456789ab",
                source(3, Map.of("title", "Groupe ouvrier, 1924")), List.of(one, two, three), ocrStep());
        return DocumentInvariants.requireSound(document);
    }

    private static Document firstPageOnly(Document document) {
        return Document.ofPages(document.id(), source(1, document.firstSource().metadata()),
                List.of(document.pages().get(0)), ocrStep());
    }

    static SourceFile source(int pages, Map<String, String> metadata) {
        return new SourceFile(Path.of("inbox/groupe-ouvrier.pdf"), "groupe-ouvrier.pdf", "0123456789ab" + "c".repeat(52),
                "application/pdf", 1234, pages, metadata);
    }

    static ProcessingStep ocrStep() {
        return new ProcessingStep("ocr", "Tesseract", "5.3.0", Map.of("languages", "fra+rus+deu"), Duration.ofSeconds(3));
    }

    private Path writePdf(Document document) throws IOException {
        Path pdf = dir.resolve(document.id() + ".pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new SearchablePdfWriter().write(document, out);
        }
        return pdf;
    }

    private static String pageText(PDDocument pdf, int number) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        return stripper.getText(pdf);
    }

    static String collapsed(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static void assertPageSize(float width, float height, PDPage page) {
        assertEquals(width, page.getMediaBox().getWidth(), 0.01);
        assertEquals(height, page.getMediaBox().getHeight(), 0.01);
    }

    private static PDImageXObject onlyImage(PDPage page) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        assertEquals(1, images.size());
        return images.get(0);
    }

    /** The operands of the transformation (cm) in force when the page draws its image: its place and size. */
    private static List<Float> imagePlacement(PDPage page) throws IOException {
        List<Object> tokens = new PDFStreamParser(page).parse();
        List<Float> matrix = List.of();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof Operator op && op.getName().equals("cm")) {
                matrix = tokens.subList(i - 6, i).stream().map(operand -> ((COSNumber) operand).floatValue()).toList();
            } else if (tokens.get(i) instanceof Operator op && op.getName().equals("Do")) {
                return matrix;
            }
        }
        return List.of();
    }

    /** The distinct operands of the page's Tr (text rendering mode) operators. */
    private static List<Integer> renderingModes(PDPage page) throws IOException {
        List<Object> tokens = new PDFStreamParser(page).parse();
        List<Integer> modes = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof Operator op && op.getName().equals("Tr")
                    && !modes.contains(((COSInteger) tokens.get(i - 1)).intValue())) {
                modes.add(((COSInteger) tokens.get(i - 1)).intValue());
            }
        }
        return modes;
    }

    /** The glyphs run from the box's left to its right edge, their baseline inside the box. */
    private static void assertInBox(String word, List<TextPosition> glyphs, BoundingBox box, float scale) {
        assertNotNull(glyphs, word + " not found as one word");
        TextPosition first = glyphs.get(0);
        TextPosition last = glyphs.get(glyphs.size() - 1);
        assertEquals(box.x() * scale, first.getXDirAdj(), TOLERANCE, word + " left");
        assertEquals(box.right() * scale, last.getXDirAdj() + last.getWidthDirAdj(), TOLERANCE, word + " right");
        float baseline = first.getYDirAdj();
        assertTrue(baseline > box.y() * scale - TOLERANCE && baseline < box.bottom() * scale + TOLERANCE,
                word + " baseline " + baseline + " outside " + box.y() * scale + ".." + box.bottom() * scale);
    }

    /** Each word the text stripper finds on a page, with the positions of its glyphs. */
    private static final class WordPositions extends PDFTextStripper {

        private final Map<String, List<TextPosition>> words = new HashMap<>();

        static Map<String, List<TextPosition>> of(PDDocument pdf, int page) throws IOException {
            WordPositions stripper = new WordPositions();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(pdf);
            return stripper.words;
        }

        /** Called with a line's text, which holds the text layer's own spaces: the words lie between them. */
        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            List<TextPosition> word = new ArrayList<>();
            for (TextPosition glyph : positions) {
                if (glyph.getUnicode().isBlank()) {
                    add(word);
                    word = new ArrayList<>();
                } else {
                    word.add(glyph);
                }
            }
            add(word);
            super.writeString(text, positions);
        }

        private void add(List<TextPosition> word) {
            if (!word.isEmpty()) {
                StringBuilder text = new StringBuilder();
                word.forEach(glyph -> text.append(glyph.getUnicode()));
                words.put(text.toString(), word);
            }
        }
    }

    /** Remembers whether it was closed. */
    private static final class CloseRecorder extends ByteArrayOutputStream {
        private boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
