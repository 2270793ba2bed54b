package org.workersarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workersarchive.core.Fixity;
import org.workersarchive.core.Document;
import org.workersarchive.core.DocumentInvariants;
import org.workersarchive.core.Line;
import org.workersarchive.core.Page;
import org.workersarchive.core.RejectedInputException;
import org.workersarchive.core.TextOrigin;

class IngestorTest {

    @TempDir
    Path dir;

    private final Ingestor ingestor = new Ingestor(IngestConfig.defaults());

    @Test
    void anImageOnlyPdfIsRenderedPageByPageAt300Dpi() throws IOException {
        Path pdf = imageOnlyPdf(2);
        Document document = ingest(pdf);
        assertEquals("application/pdf", document.firstSource().mediaType());
        assertEquals(2, document.pages().size());
        for (Page page : document.pages()) {
            assertEquals(TextOrigin.NONE, page.textOrigin());
            assertEquals(2480, page.image().width());
            assertEquals(3507, page.image().height()); // A4 is 841.89 pt high; PDFBox rounds down
            assertEquals(300, page.image().dpi());
            assertTrue(Files.isRegularFile(page.image().path()));
        }
        assertEquals("p0002.png", document.pages().get(1).image().path().getFileName().toString());
        assertEquals(Fixity.sha256(pdf), document.firstSource().sha256());
        assertTrue(document.id().startsWith("scan-"), document.id());
    }

    @Test
    void aPdfTextLayerIsKeptWithBoxesOnTheRenderedImage() throws IOException {
        Path pdf = dir.resolve("typeset.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText("Le Groupe ouvrier et la KAPD");
                content.newLineAtOffset(0, -20);
                content.showText("Paris, mars 1930");
                content.endText();
            }
            doc.getDocumentInformation().setTitle("L'Ouvrier Communiste");
            doc.save(pdf.toFile());
        }
        Document document = ingest(pdf);
        Page page = document.pages().get(0);
        assertEquals(TextOrigin.TEXT_LAYER, page.textOrigin());
        assertEquals(List.of("Le Groupe ouvrier et la KAPD", "Paris, mars 1930"), page.lines().map(Line::text).toList());
        // 72 pt from the left at 300 dpi is 300 px; the first line's baseline is 72 pt below the top's 842-720.
        assertEquals(300, page.words().findFirst().orElseThrow().box().x(), 3);
        assertEquals((842 - 720) * 300 / 72.0, page.lines().findFirst().orElseThrow().box().bottom(), 12);
        assertEquals("L'Ouvrier Communiste", document.firstSource().metadata().get("title"));
    }

    @Test
    void everyFrameOfATiffIsAPage() throws IOException {
        Path tiff = dir.resolve("frames.tif");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tiff.toFile())) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < 3; i++) {
                writer.writeToSequence(new IIOImage(textImage(400 + i, 300), null, null), null);
            }
            writer.endWriteSequence();
            writer.dispose();
        }
        Document document = ingest(tiff);
        assertEquals("image/tiff", document.firstSource().mediaType());
        assertEquals(List.of(400, 401, 402), document.pages().stream().map(p -> p.image().width()).toList());
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() throws IOException {
        Path fake = Files.writeString(dir.resolve("fake.pdf"), "a note, not a PDF");
        assertEquals("unsupported type text/plain", rejection(fake));
        Path png = dir.resolve("really-a-png.jpg");
        ImageIO.write(textImage(200, 100), "png", png.toFile());
        assertEquals("image/png", ingest(png).firstSource().mediaType());
    }

    @Test
    void theInputIsOnlyRead() throws IOException {
        Path pdf = imageOnlyPdf(1);
        byte[] before = Files.readAllBytes(pdf);
        FileTime modified = Files.getLastModifiedTime(pdf);
        ingest(pdf);
        assertArrayEquals(before, Files.readAllBytes(pdf));
        assertEquals(modified, Files.getLastModifiedTime(pdf));
    }

    @Test
    void theOriginalStoreKeepsAnIdenticalCopyOnce() throws IOException {
        Path pdf = imageOnlyPdf(1);
        String sha256 = Fixity.sha256(pdf);
        OriginalStore store = new OriginalStore(dir.resolve("originals"));
        Path kept = store.store(pdf, sha256, "pdf");
        assertEquals(dir.resolve("originals").resolve(sha256 + ".pdf"), kept);
        assertArrayEquals(Files.readAllBytes(pdf), Files.readAllBytes(kept));
        FileTime firstWrite = Files.getLastModifiedTime(kept);
        assertEquals(kept, store.store(pdf, sha256, "pdf"));
        assertEquals(firstWrite, Files.getLastModifiedTime(kept));
        assertThrows(IOException.class, () -> store.store(pdf, "0".repeat(64), "pdf"));
        try (var left = Files.list(dir.resolve("originals"))) {
            assertEquals(1, left.count(), "a failed copy must leave nothing behind");
        }
    }

    private Document ingest(Path input) {
        return DocumentInvariants.requireSound(ingestor.ingest(input, dir.resolve("pages-" + input.getFileName())));
    }

    private String rejection(Path input) {
        return assertThrows(RejectedInputException.class, () -> ingest(input)).reason();
    }

    private Path imageOnlyPdf(int pages) throws IOException {
        Path pdf = dir.resolve("scan-" + pages + ".pdf");
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(LosslessFactory.createFromImage(doc, textImage(600, 200)), 72, 600, 300, 100);
                }
            }
            doc.save(pdf.toFile());
        }
        return pdf;
    }

    private static BufferedImage textImage(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Serif", Font.PLAIN, 30));
        g.drawString("Myasnikov", 20, 60);
        g.dispose();
        return image;
    }
}
